namespace Planner.Api.Jobs;

/// <summary>A job as read back from the job storage, by any process that shares it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">What it computes.</param>
/// <param name="Region">Key of its region.</param>
/// <param name="DataScope">The division-code prefix its data lies under; keys whose scope it starts with see the job.</param>
/// <param name="Status">See <see cref="JobStatus"/>.</param>
/// <param name="Progress">Fraction done, 0..1.</param>
/// <param name="Created">Queued at.</param>
/// <param name="Started">Started at (the last attempt).</param>
/// <param name="Finished">Ended at.</param>
/// <param name="Result">The result JSON when succeeded.</param>
/// <param name="Error">Why it failed.</param>
internal sealed record JobRecord(string Id, string Kind, string Region, string DataScope, string Status, double Progress,
    DateTimeOffset Created, DateTimeOffset? Started, DateTimeOffset? Finished, string? Result, string? Error)
{
    /// <summary>True once it succeeded, failed or was cancelled.</summary>
    public bool IsFinished => JobStatus.IsFinished(Status);
}
