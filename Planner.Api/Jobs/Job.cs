namespace Planner.Api.Jobs;

/// <summary>The states of a job.</summary>
internal static class JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Running.</summary>
    public const string Running = "running";

    /// <summary>Done, with a result.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Failed, with an error.</summary>
    public const string Failed = "failed";

    /// <summary>Cancelled before it finished.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A long run (recommendations, scenario runs, coverage of large regions) queued in process: its state,
/// progress (0..1), result or error, and the token that cancels it.
/// </summary>
internal sealed class Job(string kind, string regionName, string dataScope, Func<IProgress<double>, CancellationToken, object> work) : IDisposable
{
    private double _progress;

    /// <summary>Job id (URL-safe).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("n");

    /// <summary>What it computes (recommendations, coverage, scenario-run).</summary>
    public string Kind { get; } = kind;

    /// <summary>URL name of its region.</summary>
    public string RegionName { get; } = regionName;

    /// <summary>
    /// The division-code prefix its data lies under: its region's code, or the key's scope for a job narrowed to
    /// the units of a township key. Only keys whose scope covers it (it starts with their scope) see the job.
    /// </summary>
    public string DataScope { get; } = dataScope;

    /// <summary>The work; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public Func<IProgress<double>, CancellationToken, object> Work { get; } = work;

    /// <summary>Cancels the work.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Current status (see <see cref="JobStatus"/>).</summary>
    public string Status { get; set; } = JobStatus.Queued;

    /// <summary>Fraction done, 0..1.</summary>
    public double Progress
    {
        get => Volatile.Read(ref _progress);
        set => Volatile.Write(ref _progress, Math.Clamp(value, 0, 1));
    }

    /// <summary>The result when succeeded.</summary>
    public object? Result { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;

    /// <summary>When a worker started it.</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? Finished { get; set; }

    /// <summary>True once it succeeded, failed or was cancelled.</summary>
    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    /// <inheritdoc />
    public void Dispose() => Cancellation.Dispose();
}
