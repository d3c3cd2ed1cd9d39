using System.Globalization;

namespace Planner.Api.Jobs;

/// <summary>
/// The names under which a job lives in the Hangfire storage: one hash per job (its description, progress,
/// result) and one set listing every job, so that any process sharing the storage reads the same state.
/// </summary>
internal static class JobFields
{
    /// <summary>The set of every job; values are <see cref="ListEntry"/>.</summary>
    public const string AllJobs = "planner:jobs";

    /// <summary>Hangfire's id of the job.</summary>
    public const string HangfireId = "hangfire";

    /// <summary>Kind.</summary>
    public const string Kind = "kind";

    /// <summary>Region key.</summary>
    public const string Region = "region";

    /// <summary>Data scope.</summary>
    public const string Scope = "scope";

    /// <summary>Creation time (round-trip format).</summary>
    public const string Created = "created";

    /// <summary>Start time of the last attempt.</summary>
    public const string Started = "started";

    /// <summary>End time.</summary>
    public const string Finished = "finished";

    /// <summary>Fraction done (invariant culture).</summary>
    public const string Progress = "progress";

    /// <summary>Result JSON.</summary>
    public const string Result = "result";

    /// <summary>Error message.</summary>
    public const string Error = "error";

    /// <summary>The hash key of a job.</summary>
    public static string Hash(string id) => "planner:job:" + id;

    /// <summary>A time as stored.</summary>
    public static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A stored time, or null.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    /// <summary>
    /// The set entry of a job: creation time (sortable), data scope and id, so that a listing filters by scope and
    /// sorts newest first without reading each job.
    /// </summary>
    public static string ListEntry(DateTimeOffset created, string scope, string id) =>
        $"{created.ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture)}|{scope}|{id}";
}
