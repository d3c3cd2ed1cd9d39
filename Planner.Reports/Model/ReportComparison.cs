namespace Planner.Reports.Model;

/// <summary>
/// A scenario set against its base region in a report: covered share per group and per unit in both, and the
/// stations the scenario adds, moves or removes. Shares are 0..1; groups follow the report's group order.
/// </summary>
/// <param name="BaseName">What the scenario is compared with (the base region as it is: 基准, base).</param>
/// <param name="ScenarioName">The scenario's name.</param>
/// <param name="Groups">Region-wide share per group, in the report's group order.</param>
/// <param name="Units">Townships and villages in both runs, townships first, each by code.</param>
/// <param name="Stations">Stations added, moved or removed by the scenario, by id.</param>
public sealed record ReportComparison(string BaseName, string ScenarioName, IReadOnlyList<ShareChange> Groups, IReadOnlyList<UnitChange> Units,
    IReadOnlyList<StationChange> Stations);

/// <summary>One covered share in the base and in the scenario.</summary>
/// <param name="Base">Share in the base (0..1).</param>
/// <param name="Scenario">Share in the scenario (0..1).</param>
public sealed record ShareChange(double Base, double Scenario)
{
    /// <summary>Scenario − base, as a share (0.05 is five percentage points).</summary>
    public double Change => Scenario - Base;
}

/// <summary>One unit's covered shares in the base and the scenario.</summary>
/// <param name="Code">Division code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Level">township or village.</param>
/// <param name="Shares">One per report group.</param>
public sealed record UnitChange(string Code, string Name, string Level, IReadOnlyList<ShareChange> Shares);

/// <summary>A station the scenario adds, moves or removes.</summary>
/// <param name="Id">Station id.</param>
/// <param name="Name">Station name (the scenario's, unless removed).</param>
/// <param name="Kind">What the scenario does to it.</param>
/// <param name="KindLabel">That in the report's language.</param>
/// <param name="MovedMeters">How far it moved (great-circle metres); 0 unless moved.</param>
public sealed record StationChange(string Id, string Name, StationChangeKind Kind, string KindLabel, double MovedMeters);

/// <summary>What a scenario does to a station.</summary>
public enum StationChangeKind
{
    /// <summary>In the scenario only.</summary>
    Added,

    /// <summary>In both, at another place.</summary>
    Moved,

    /// <summary>In the base only.</summary>
    Removed,
}
