namespace Planner.Api.Jobs.Batches;

/// <summary>One standards rule a county fails.</summary>
/// <param name="Rule">Rule id.</param>
/// <param name="Subject">The unit or station that fails it.</param>
/// <param name="Measured">Measured value.</param>
/// <param name="Required">Required value.</param>
public sealed record FailedRule(string Rule, string Subject, double? Measured, double Required);

/// <summary>A county's stored result in a batch: computed (covered share per group, failed rules) or failed with its problems.</summary>
/// <param name="Region">Region key.</param>
/// <param name="Code">Division code.</param>
/// <param name="Version">Region version it was computed for.</param>
/// <param name="Status">succeeded, failed, or queued while it has no result yet.</param>
/// <param name="Groups">Covered share (0..1) per population group.</param>
/// <param name="FailedRules">Rules of the default rule set that fail.</param>
/// <param name="Problems">Why the county failed (validation problems, a missing scenario, an error).</param>
public sealed record CountyOutcome(string Region, string Code, long Version, string Status, IReadOnlyDictionary<string, double> Groups,
    IReadOnlyList<FailedRule> FailedRules, IReadOnlyList<string> Problems);
