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
internal sealed class JobServerService(JobStorage storage, IServiceProvider services, IOptions<PlannerOptions> options) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
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
        _server = new BackgroundJobServer(serverOptions, storage, Array.Empty<IBackgroundProcess>(), JobFilterProviders.Providers,
            new ServiceJobActivator(services), null, null, null);
#pragma warning restore CS0618
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            await _server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();

    /// <summary>Hands Hangfire the job classes from this host's services (no global activator).</summary>
    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => services.GetRequiredService(jobType);
    }
}
