namespace Planner.Api.Jobs;

/// <summary>Runs queued jobs one at a time on a background thread, reporting progress and honouring cancellation.</summary>
internal sealed partial class JobWorker(JobQueue queue, ILogger<JobWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            lock (job)
            {
                if (job.IsFinished)
                {
                    continue;
                }

                job.Status = JobStatus.Running;
                job.Started = DateTimeOffset.UtcNow;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, stoppingToken);
            var token = linked.Token;
            try
            {
                var progress = new Progress(job, token);
                var result = await Task.Run(() => job.Work(progress, token), token).ConfigureAwait(false);
                Finish(job, JobStatus.Succeeded, result, null);
            }
            catch (Exception ex) when (IsCancellation(ex) && token.IsCancellationRequested)
            {
                Finish(job, JobStatus.Cancelled, null, "cancelled");
            }
#pragma warning disable CA1031 // a failing job must not stop the worker; its error is reported through the job
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, job.Id, job.Kind);
                Finish(job, JobStatus.Failed, null, ex.Message);
            }
        }
    }

    private static bool IsCancellation(Exception ex) =>
        ex is OperationCanceledException || ex is AggregateException a && a.Flatten().InnerExceptions.All(IsCancellation);

    private static void Finish(Job job, string status, object? result, string? error)
    {
        lock (job)
        {
            job.Result = result;
            job.Error = error;
            if (status == JobStatus.Succeeded)
            {
                job.Progress = 1;
            }

            job.Finished = DateTimeOffset.UtcNow;
            job.Status = status;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id, string kind);

    /// <summary>Records progress and, at each report, stops the work when the job was cancelled.</summary>
    private sealed class Progress(Job job, CancellationToken token) : IProgress<double>
    {
        public void Report(double value)
        {
            token.ThrowIfCancellationRequested();
            job.Progress = value;
        }
    }
}
