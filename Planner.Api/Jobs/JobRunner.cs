using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Planner.Api.Regions;

namespace Planner.Api.Jobs;

/// <summary>
/// The one Hangfire job method: reads the job's region from the shared store, runs the handler of its kind and
/// writes progress and result into the job storage. It fails at once (no automatic retry): a job the user
/// asked for reports its error instead of repeating it; a job whose worker died is fetched again by Hangfire
/// (invisibility timeout), which is not a retry of a failure.
/// </summary>
internal sealed partial class JobRunner(IRegionCatalog catalog, RegionAccess access, IEnumerable<IJobHandler> handlers, JobStorage storage,
    TimeProvider clock, ILogger<JobRunner> logger)
{
    /// <summary>Runs <paramref name="spec"/> (Hangfire passes its context and a token cancelled on delete or shutdown).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(JobSpec spec, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Write(spec.Id, (JobFields.Started, JobFields.Time(clock.GetUtcNow())), (JobFields.Progress, "0"));
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == spec.Kind) ?? throw new InvalidOperationException($"no handler for job kind '{spec.Kind}'");
            var region = await catalog.GetAsync(spec.Region, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"region '{spec.Region}' is no longer stored");
            var view = access.View(region, spec.DataScope) ?? throw new InvalidOperationException($"region '{spec.Region}' has no units under {spec.DataScope}");
            var progress = new StoredProgress(this, spec.Id, clock, cancellationToken);
            var result = await Task.Run(() => handler.Run(view, spec.Payload, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
            Write(spec.Id, (JobFields.Result, result), (JobFields.Progress, "1"), (JobFields.Finished, JobFields.Time(clock.GetUtcNow())));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Write(spec.Id, (JobFields.Finished, JobFields.Time(clock.GetUtcNow())));
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, spec.Id, spec.Kind);
            Write(spec.Id, (JobFields.Error, ex.Message), (JobFields.Finished, JobFields.Time(clock.GetUtcNow())));
            throw;
        }
    }

    private void Write(string id, params (string Name, string Value)[] fields)
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(JobFields.Hash(id), fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id, string kind);

    /// <summary>Writes progress at most every quarter second, and stops the work at a report once the job was cancelled.</summary>
    private sealed class StoredProgress(JobRunner runner, string id, TimeProvider clock, CancellationToken token) : IProgress<double>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private readonly Lock _gate = new();
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        public void Report(double value)
        {
            token.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                if (now - _last < Interval)
                {
                    return;
                }

                _last = now;
            }

            runner.Write(id, (JobFields.Progress, Math.Clamp(value, 0, 1).ToString("R", CultureInfo.InvariantCulture)));
        }
    }
}
