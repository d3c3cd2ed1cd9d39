using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Validation;

/// <summary>What a region holds, as <c>planner validate</c> prints it.</summary>
/// <param name="Name">Region name.</param>
/// <param name="Code">Division code.</param>
/// <param name="Bounds">WGS84 bounding box of all features.</param>
/// <param name="Projection">Name of the local metric projection computations use.</param>
/// <param name="UnitsByLevel">Number of units per level (county, township, village, grid).</param>
/// <param name="PopulationByGroup">People per group over all demand points.</param>
/// <param name="DemandPoints">Number of demand points.</param>
/// <param name="RoadKmByClass">Road length in km per OSM highway class, longest first (measured in the projection).</param>
/// <param name="StationsByStatus">Stations per status.</param>
/// <param name="Teams">Volunteer teams.</param>
/// <param name="Needs">Needs.</param>
/// <param name="Candidates">Candidate sites.</param>
/// <param name="PublicBuildingsByKind">Existing public buildings per kind, most numerous first (ties by kind).</param>
public sealed record RegionSummary(
    string Name,
    string Code,
    GeoBounds Bounds,
    string Projection,
    ImmutableArray<KeyValuePair<string, int>> UnitsByLevel,
    ImmutableArray<KeyValuePair<string, double>> PopulationByGroup,
    int DemandPoints,
    ImmutableArray<KeyValuePair<string, double>> RoadKmByClass,
    ImmutableArray<KeyValuePair<string, int>> StationsByStatus,
    int Teams,
    int Needs,
    int Candidates,
    ImmutableArray<KeyValuePair<string, int>> PublicBuildingsByKind)
{
    /// <summary>Number of existing public buildings.</summary>
    public int PublicBuildings => PublicBuildingsByKind.Sum(kv => kv.Value);

    /// <summary>Summarises <paramref name="region"/>.</summary>
    public static RegionSummary Of(Region region)
    {
        var bounds = region.Bounds;
        var projection = bounds.IsEmpty ? null : region.CreateProjection();
        var roadKm = region.Roads
            .GroupBy(r => r.Highway.Length == 0 ? "(none)" : r.Highway, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, double>(g.Key, g.Sum(r => projection!.Project(r.Line).Length) / 1000.0))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        var population = region.PopulationByGroup();
        return new RegionSummary(
            region.Info.Name,
            region.Info.Code,
            bounds,
            projection?.Name ?? "(no data)",
            [.. Enum.GetValues<AdminLevel>().Select(l => new KeyValuePair<string, int>(DomainNames.Of(l), region.Units.Count(u => u.Level == l)))],
            [.. region.Groups.Names.Select((g, i) => new KeyValuePair<string, double>(g, population[i]))],
            region.Demand.Length,
            [.. roadKm],
            [.. Enum.GetValues<StationStatus>().Select(s => new KeyValuePair<string, int>(DomainNames.Of(s), region.Stations.Count(x => x.Status == s)))],
            region.Teams.Length,
            region.Needs.Length,
            region.Candidates.Length,
            [.. region.PublicBuildings.GroupBy(b => b.Kind, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)]);
    }
}
