using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Planner.Api.Options;

namespace Planner.Api.Jobs;

/// <summary>
/// The in-process job queue: a channel that <see cref="JobWorker"/> drains and a table of jobs for polling.
/// It lives in one process; a multi-instance deployment replaces it with Hangfire on PostgreSQL storage (see
/// ARCHITECTURE.md), keeping the same endpoints.
/// </summary>
internal sealed class JobQueue(IOptions<PlannerOptions> options)
{
    private readonly Channel<Job> _channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    /// <summary>The reader the workers drain.</summary>
    public ChannelReader<Job> Reader => _channel.Reader;

    /// <summary>Queues a job over <paramref name="dataScope"/> (see <see cref="Job.DataScope"/>) and returns it.</summary>
    public Job Enqueue(string kind, string regionName, string dataScope, Func<IProgress<double>, CancellationToken, object> work)
    {
        var job = new Job(kind, regionName, dataScope, work);
        _jobs[job.Id] = job;
        Trim();
        if (!_channel.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("the job queue is closed");
        }

        return job;
    }

    /// <summary>A job by id, or null.</summary>
    public Job? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>
    /// Cancels a job: a queued one is marked cancelled at once, a running one sees its token cancelled and
    /// stops at its next check. Finished jobs are left as they are.
    /// </summary>
    public void Cancel(Job job)
    {
        lock (job)
        {
            if (job.IsFinished)
            {
                return;
            }

            job.Cancellation.Cancel();
            if (job.Status == JobStatus.Queued)
            {
                job.Status = JobStatus.Cancelled;
                job.Finished = DateTimeOffset.UtcNow;
            }
        }
    }

    /// <summary>Drops the oldest finished jobs beyond the configured number.</summary>
    private void Trim()
    {
        var finished = _jobs.Values.Where(j => j.IsFinished).OrderBy(j => j.Finished).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - options.Value.MaxFinishedJobs)))
        {
            if (_jobs.TryRemove(old.Id, out var removed))
            {
                removed.Dispose();
            }
        }
    }
}
