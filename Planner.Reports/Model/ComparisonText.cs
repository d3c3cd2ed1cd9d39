namespace Planner.Reports.Model;

/// <summary>The words of a report's scenario and comparison sections in one language (kept beside <see cref="ReportText"/> so the sections stay one concept).</summary>
/// <param name="Scenario">Label of the scenario's name on the title block.</param>
/// <param name="Heading">Heading of the comparison section.</param>
/// <param name="BaseName">Name of the base region as it is.</param>
/// <param name="Base">Column header: share in the base.</param>
/// <param name="InScenario">Column header: share in the scenario.</param>
/// <param name="ChangePoints">Column header: change in percentage points.</param>
/// <param name="Stations">Heading of the station changes.</param>
/// <param name="Change">Column header: what changed.</param>
/// <param name="MovedMeters">Column header: distance moved.</param>
/// <param name="NoStationChanges">Said when the scenario adds, moves and removes no station.</param>
/// <param name="Added">Station added.</param>
/// <param name="Moved">Station moved.</param>
/// <param name="Removed">Station removed.</param>
public sealed record ComparisonText(string Scenario, string Heading, string BaseName, string Base, string InScenario, string ChangePoints,
    string Stations, string Change, string MovedMeters, string NoStationChanges, string Added, string Moved, string Removed)
{
    /// <summary>简体中文.</summary>
    public static readonly ComparisonText Chinese = new("方案", "方案对比", "基准", "基准覆盖率（%）", "方案覆盖率（%）", "变化（百分点）",
        "站点变化", "变化", "迁移距离（米）", "方案未新增、迁移或撤除站点。", "新增", "迁移", "撤除");

    /// <summary>English.</summary>
    public static readonly ComparisonText English = new("Scenario", "Scenario comparison", "base", "Base share (%)", "Scenario share (%)", "Change (points)",
        "Station changes", "Change", "Moved (m)", "The scenario adds, moves and removes no station.", "added", "moved", "removed");

    /// <summary>The words for a language.</summary>
    public static ComparisonText For(ReportLanguage language) => language == ReportLanguage.English ? English : Chinese;

    /// <summary>The label of a station change.</summary>
    public string Label(StationChangeKind kind) => kind switch
    {
        StationChangeKind.Added => Added,
        StationChangeKind.Moved => Moved,
        _ => Removed,
    };
}
