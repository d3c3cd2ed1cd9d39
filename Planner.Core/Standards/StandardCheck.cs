namespace Planner.Core.Standards;

/// <summary>The outcome of one rule for one unit or station.</summary>
/// <param name="RuleId">Rule id from the rule set (e.g. <c>staffing.township_station</c>).</param>
/// <param name="Rule">The rule in words, as the rule set states it.</param>
/// <param name="SubjectKind">"unit" or "station".</param>
/// <param name="SubjectId">Unit code or station id.</param>
/// <param name="SubjectName">Unit or station name.</param>
/// <param name="Measured">The measured value (a count, a share 0..1, ...); null when it cannot be measured.</param>
/// <param name="Required">The value the rule requires.</param>
/// <param name="Comparison">How measured is compared with required: <c>&gt;=</c> or <c>&gt;</c>.</param>
/// <param name="Passed">True when the rule holds; false when it fails or cannot be measured.</param>
/// <param name="Note">Why it could not be measured, or how the figure was obtained.</param>
public sealed record StandardCheck(
    string RuleId,
    string Rule,
    string SubjectKind,
    string SubjectId,
    string SubjectName,
    double? Measured,
    double Required,
    string Comparison,
    bool Passed,
    string Note = "")
{
    /// <summary>The rule in Chinese, when the rule set gives it (a Chinese report shows it instead of <see cref="Rule"/>).</summary>
    public string RuleZh { get; init; } = string.Empty;

    /// <summary>The note in Chinese, when there is one.</summary>
    public string NoteZh { get; init; } = string.Empty;

    /// <summary>For a township full-coverage rule counted on built stations: how many of the unit's stations operate.</summary>
    public int? Operating { get; init; }

    /// <summary>The rule text in <paramref name="language"/> (zh or en), falling back to the one the rule set has.</summary>
    public string RuleIn(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && RuleZh.Length > 0 ? RuleZh : Rule;

    /// <summary>The note in <paramref name="language"/> (zh or en), falling back to the English note.</summary>
    public string NoteIn(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NoteZh.Length > 0 ? NoteZh : Note;
}
