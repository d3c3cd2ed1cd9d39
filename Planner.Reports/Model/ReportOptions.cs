namespace Planner.Reports.Model;

/// <summary>What a report is asked for besides the coverage run itself.</summary>
public sealed record ReportOptions
{
    /// <summary>Language of every word in the report; Chinese unless English is asked for.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Chinese;

    /// <summary>The date the region's data describe, when known (shown as "not stated" otherwise).</summary>
    public DateOnly? DataDate { get; init; }

    /// <summary>When the report is made (any offset; shown in Asia/Shanghai time).</summary>
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Name of the rule set the checks come from, or null.</summary>
    public string? RuleSetName { get; init; }

    /// <summary>Names of the units the coverage run was narrowed to (a township key, <c>?unit=</c>), or null for the region.</summary>
    public string? ScopeName { get; init; }

    /// <summary>The scenario the coverage run is of, or null for the region as it is.</summary>
    public string? ScenarioName { get; init; }
}
