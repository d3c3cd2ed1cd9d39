using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using Planner.Api.Options;

namespace Planner.Api.Jobs;

/// <summary>
/// Runs a Hangfire server with <see cref="PlannerOptions.Workers"/> worker threads in this process (an API
/// instance or <c>planner worker</c>); every server sharing the storage pulls from the same queue.
/// </summary>
internal sealed partial class JobServerService(IServiceProvider services, IOptions<PlannerOptions> options, ILogger<JobServerService> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private BackgroundJobServer? _server;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: the PostgreSQL job storage connects (and prepares its schema) when it is first made,
        // and a store that is down or frozen must not hold the host's start, or readiness could never answer
        // "unavailable" (issue 16). A storage that cannot be made is logged, and the node serves without workers.
        _ = Task.Run(() =>
        {
            try
            {
                var server = CreateServer(services.GetRequiredService<JobStorage>());
                lock (_gate)
                {
                    if (_stopping.IsCancellationRequested)
                    {
                        server.Dispose();
                        return;
                    }

                    _server = server;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogStartFailed(logger, ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private BackgroundJobServer CreateServer(JobStorage storage)
    {
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = options.Value.Workers,
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..6]}",

            // A deleted (cancelled) job's token fires within a second; a retry waiting in the schedule starts within a second.
            CancellationCheckInterval = TimeSpan.FromSeconds(1),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            ServerTimeout = TimeSpan.FromSeconds(30),
            ServerCheckInterval = TimeSpan.FromSeconds(15),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        // This constructor is how a server gets its own activator and storage instead of Hangfire's global (static)
        // configuration, which several hosts in one process (tests, the desktop) would share; Hangfire.NetCore's
        // hosted service calls it the same way.
#pragma warning disable CS0618
        return new BackgroundJobServer(serverOptions, storage, Array.Empty<IBackgroundProcess>(), JobFilterProviders.Providers,
            new ServiceJobActivator(services), null, null, null);
#pragma warning restore CS0618
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BackgroundJobServer? server;
        lock (_gate)
        {
            _stopping.Cancel();
            server = _server;
        }

        if (server is null)
        {
            return;
        }

        // Bounded: with the job store frozen (a PostgreSQL that accepts connections and never answers) Hangfire's
        // processes sit in their database calls, and an unbounded wait held the host's shutdown for minutes. Jobs
        // still running are fetched again by another server after the invisibility timeout.
        server.SendStop();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(StopWait);
        try
        {
            await server.WaitForShutdownAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogStopTimedOut(logger, StopWait.TotalSeconds);
        }
    }

    /// <summary>How long a stop waits for the job server's processes before the host goes on shutting down.</summary>
    private static TimeSpan StopWait => TimeSpan.FromSeconds(15);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job server did not stop within {Seconds} s (is the job store answering?); its running jobs will be retried by another server")]
    private static partial void LogStopTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job server could not start (the job store is unreachable?); this node runs no jobs until it restarts")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping.Cancel();
            _server?.Dispose();
        }

        _stopping.Dispose();
    }

    /// <summary>Hands Hangfire the job classes from this host's services (no global activator).</summary>
    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => services.GetRequiredService(jobType);
    }
}
