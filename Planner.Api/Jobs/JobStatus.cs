using Hangfire.States;

namespace Planner.Api.Jobs;

/// <summary>The states of a job as the API shows them, and how Hangfire's states map onto them.</summary>
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

    /// <summary>The API status of a Hangfire state name (null: not created yet, which reads as queued).</summary>
    public static string FromHangfire(string? state) =>
        state == ProcessingState.StateName ? Running
        : state == SucceededState.StateName ? Succeeded
        : state == FailedState.StateName ? Failed
        : state == DeletedState.StateName ? Cancelled
        : Queued; // Enqueued, Scheduled (a retry waiting), Awaiting

    /// <summary>True for succeeded, failed and cancelled.</summary>
    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;
}
