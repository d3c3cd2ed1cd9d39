using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace Planner.Api.Jobs;

/// <summary>
/// Jobs on Hangfire: queues a <see cref="JobSpec"/> for <see cref="JobRunner"/>, and reads and cancels jobs
/// through the shared storage (PostgreSQL for <c>Planner:Store=postgis</c>, in memory for the embedded default),
/// so every API or worker process that shares the storage sees the same jobs.
/// </summary>
internal sealed class JobQueue(JobStorage storage, IBackgroundJobClient client, TimeProvider clock)
{
    /// <summary>Queues a job of <paramref name="kind"/> over <paramref name="dataScope"/> with its parameters and returns it.</summary>
    public JobRecord Enqueue<TPayload>(string kind, string regionName, string dataScope, TPayload payload)
    {
        // A job runs from its stored parameters, maybe in another process: a closure cannot be stored.
        if (payload is Delegate)
        {
            throw new ArgumentException("a job's payload is its parameters as data, not a delegate; add an IJobHandler for the kind", nameof(payload));
        }

        var id = Guid.NewGuid().ToString("n");
        var created = clock.GetUtcNow();
        using (var connection = storage.GetConnection())
        {
            connection.SetRangeInHash(JobFields.Hash(id), new Dictionary<string, string>
            {
                [JobFields.Kind] = kind,
                [JobFields.Region] = regionName,
                [JobFields.Scope] = dataScope,
                [JobFields.Created] = JobFields.Time(created),
                [JobFields.Progress] = "0",
            });
            using var transaction = connection.CreateWriteTransaction();
            transaction.AddToSet(JobFields.AllJobs, JobFields.ListEntry(created, dataScope, id), created.ToUnixTimeMilliseconds());
            transaction.Commit();
        }

        var spec = new JobSpec(id, kind, regionName, dataScope, JsonSerializer.Serialize(payload, JsonSerializerOptions.Web));
        var hangfireId = client.Create<JobRunner>(r => r.RunAsync(spec, null, CancellationToken.None), new EnqueuedState());
        using (var connection = storage.GetConnection())
        {
            connection.SetRangeInHash(JobFields.Hash(id), [new(JobFields.HangfireId, hangfireId)]);
        }

        return new JobRecord(id, kind, regionName, dataScope, JobStatus.Queued, 0, created, null, null, null, null);
    }

    /// <summary>A job by id, or null.</summary>
    public JobRecord? Find(string id)
    {
        using var connection = storage.GetConnection();
        return Read(connection, id);
    }

    /// <summary>
    /// The jobs a key with <paramref name="scope"/> sees, newest first: page <paramref name="page"/> (from 1) of
    /// <paramref name="size"/>, and how many there are in all.
    /// </summary>
    public (IReadOnlyList<JobRecord> Jobs, int Total) List(string scope, int page, int size)
    {
        using var connection = storage.GetConnection();
        var visible = connection.GetAllItemsFromSet(JobFields.AllJobs)
            .Select(e => e.Split('|'))
            .Where(p => p.Length == 3 && p[1].StartsWith(scope, StringComparison.Ordinal))
            .OrderByDescending(p => p[0], StringComparer.Ordinal).ThenByDescending(p => p[2], StringComparer.Ordinal)
            .ToList();
        var jobs = visible.Skip((page - 1) * size).Take(size).Select(p => Read(connection, p[2])).OfType<JobRecord>().ToList();
        return (jobs, visible.Count);
    }

    /// <summary>
    /// Cancels a job: a queued one is cancelled at once, a running one is moved to Hangfire's deleted state,
    /// which cancels its token at the worker's next check. Finished jobs are left as they are. Returns the job after.
    /// </summary>
    public JobRecord Cancel(JobRecord job)
    {
        if (job.IsFinished)
        {
            return job;
        }

        using var connection = storage.GetConnection();
        var hangfireId = connection.GetAllEntriesFromHash(JobFields.Hash(job.Id))?.GetValueOrDefault(JobFields.HangfireId);
        if (hangfireId is not null && connection.GetJobData(hangfireId)?.State is { } state
            && JobStatus.FromHangfire(state) is JobStatus.Queued or JobStatus.Running
            && client.ChangeState(hangfireId, new DeletedState(), state)
            && state != ProcessingState.StateName)
        {
            connection.SetRangeInHash(JobFields.Hash(job.Id), [new(JobFields.Finished, JobFields.Time(clock.GetUtcNow()))]);
        }

        return Read(connection, job.Id) ?? job;
    }

    private static string? StateField(IStorageConnection connection, string hangfireId, string name) =>
        connection.GetStateData(hangfireId)?.Data is { } data && data.TryGetValue(name, out var value) ? value : null;

    private static JobRecord? Read(IStorageConnection connection, string id)
    {
        if (id.Length is 0 or > 64 || connection.GetAllEntriesFromHash(JobFields.Hash(id)) is not { } fields
            || !fields.TryGetValue(JobFields.Kind, out var kind))
        {
            return null;
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) ? v : null;
        var hangfireId = Field(JobFields.HangfireId);
        var data = hangfireId is null ? null : connection.GetJobData(hangfireId);
        var status = JobStatus.FromHangfire(data?.State);
        var progress = status == JobStatus.Succeeded ? 1
            : double.TryParse(Field(JobFields.Progress), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 0, 1) : 0;
        var error = status switch
        {
            JobStatus.Failed => Field(JobFields.Error) ?? StateField(connection, hangfireId!, "ExceptionMessage") ?? "failed",
            JobStatus.Cancelled => "cancelled",
            _ => null,
        };
        return new JobRecord(id, kind, Field(JobFields.Region) ?? "", Field(JobFields.Scope) ?? "\0", status, progress,
            JobFields.ParseTime(Field(JobFields.Created)) ?? DateTimeOffset.MinValue, JobFields.ParseTime(Field(JobFields.Started)),
            JobStatus.IsFinished(status) ? JobFields.ParseTime(Field(JobFields.Finished)) : null,
            status == JobStatus.Succeeded ? Field(JobFields.Result) : null, error);
    }
}
