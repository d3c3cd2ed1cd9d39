using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Planner.Core.Coverage;

/// <summary>
/// The coverage of one region: who reaches a counted station within the limit, per group, unit, station and
/// gap. Serialised with camelCase names it is the JSON contract of <c>planner coverage</c>. Geometries are
/// WGS84 (longitude, latitude) and left out of the JSON.
/// </summary>
public sealed record CoverageReport
{
    /// <summary>Region name.</summary>
    public required string Region { get; init; }

    /// <summary>The limit in minutes.</summary>
    public required double Minutes { get; init; }

    /// <summary>Travel mode name.</summary>
    public required string Mode { get; init; }

    /// <summary>The life circle used: its id (<c>gb50180-15min</c>), or "custom" for an ad-hoc circle of minutes and mode.</summary>
    public string Circle { get; init; } = "custom";

    /// <summary>The circle's title in Chinese and English (empty for an ad-hoc circle).</summary>
    public string CircleTitle { get; init; } = string.Empty;

    /// <summary>The network-distance cap in metres a covered point had to be within, or null when there was none.</summary>
    public double? CapMeters { get; init; }

    /// <summary>Base speed in km/h (the profile's or the override).</summary>
    public required double SpeedKmh { get; init; }

    /// <summary>"network" (along the roads) or "straight-line" (no roads: distance times the circuity factor).</summary>
    public required string Method { get; init; }

    /// <summary>Groups whose pace differs from the base speed, in km/h.</summary>
    public required IReadOnlyDictionary<string, double> GroupSpeedsKmh { get; init; }

    /// <summary>Population, covered population and covered share per group for the whole region.</summary>
    public required IReadOnlyDictionary<string, GroupCoverage> Groups { get; init; }

    /// <summary>The settlement share: demand points with people, and how many of them are covered at the total group's limit.</summary>
    public SettlementCoverage Settlements { get; init; } = SettlementCoverage.Of(0, 0);

    /// <summary>People per group at points farther than the maximum snap distance from every allowed road (never covered).</summary>
    public required IReadOnlyDictionary<string, double> Unreachable { get; init; }

    /// <summary>Every unit at every level, with its coverage per group and mean 2SFCA accessibility.</summary>
    public required IReadOnlyList<UnitCoverage> Units { get; init; }

    /// <summary>Every counted station with its catchment, shared points and service-circle area.</summary>
    public required IReadOnlyList<StationCoverage> Stations { get; init; }

    /// <summary>Clusters of uncovered people, largest first.</summary>
    public required IReadOnlyList<CoverageGap> Gaps { get; init; }

    /// <summary>The road network's build figures (null for the straight-line method and for a report narrowed to some units).</summary>
    public Network.RoadGraphStats? Network { get; init; }

    /// <summary>Per demand point: nearest station, minutes, covered, accessibility (not in the JSON; see <c>--points</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<PointCoverage> Points { get; init; } = [];
}

/// <summary>Population, covered population and covered share of one group.</summary>
/// <param name="Population">People in the group.</param>
/// <param name="Covered">People within the limit of a counted station, at the group's pace.</param>
/// <param name="Share">Covered / population, 0 when the population is 0.</param>
public sealed record GroupCoverage(double Population, double Covered, double Share);

/// <summary>Coverage of one administrative unit (its points and those of every unit under it).</summary>
/// <param name="Code">Division code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Level">county, township, village or grid.</param>
/// <param name="ParentCode">Enclosing unit.</param>
/// <param name="Groups">Coverage per group.</param>
/// <param name="Accessibility">Population-weighted mean 2SFCA accessibility (social workers per 1,000 people within reach).</param>
public sealed record UnitCoverage(string Code, string Name, string Level, string? ParentCode, IReadOnlyDictionary<string, GroupCoverage> Groups, double Accessibility)
{
    /// <summary>The unit's settlement share (demand points with people, covered at the total group's limit).</summary>
    public SettlementCoverage Settlements { get; init; } = SettlementCoverage.Of(0, 0);
}

/// <summary>Settlements (demand points with people) and how many are covered: the second coverage rate of Chinese evaluations.</summary>
/// <param name="Points">Demand points with people.</param>
/// <param name="Covered">Of those, the covered ones.</param>
/// <param name="Share">Covered / points, 0 when there are none.</param>
public sealed record SettlementCoverage(int Points, int Covered, double Share)
{
    /// <summary>The coverage of <paramref name="covered"/> of <paramref name="points"/> settlements.</summary>
    public static SettlementCoverage Of(int points, int covered) => new(points, covered, points > 0 ? Math.Round((double)covered / points, 6) : 0);
}

/// <summary>One counted station's reach.</summary>
/// <param name="Id">Station id.</param>
/// <param name="Name">Station name.</param>
/// <param name="Status">planned, built or operating.</param>
/// <param name="SocialWorkers">Supply used by 2SFCA.</param>
/// <param name="Reachable">False when the station is farther than the snap distance from every road.</param>
/// <param name="Catchment">People per group within the limit of this station, at each group's pace.</param>
/// <param name="SharedPoints">Demand points in its catchment (base pace) also within the limit of another station.</param>
/// <param name="AreaKm2">Area of its service-circle polygon, km² (0 when circles are not built).</param>
/// <param name="Ratio">2SFCA supply-to-demand ratio R_j: social workers per 1,000 people in its catchment.</param>
public sealed record StationCoverage(string Id, string Name, string Status, int SocialWorkers, bool Reachable,
    IReadOnlyDictionary<string, double> Catchment, int SharedPoints, double AreaKm2, double Ratio)
{
    /// <summary>Service-circle polygon in WGS84, when built.</summary>
    [JsonIgnore]
    public Geometry? Circle { get; init; }
}

/// <summary>A cluster of uncovered demand points.</summary>
/// <param name="Id">gap-1, gap-2, ... by decreasing population.</param>
/// <param name="Centroid">Population-weighted centre, [lon, lat] WGS84.</param>
/// <param name="Points">Demand points in the cluster.</param>
/// <param name="Groups">People per group in the cluster.</param>
public sealed record CoverageGap(string Id, double[] Centroid, int Points, IReadOnlyDictionary<string, double> Groups)
{
    /// <summary>Outline polygon in WGS84.</summary>
    [JsonIgnore]
    public Geometry? Outline { get; init; }

    /// <summary>Its demand points with their uncovered people, in the order they were summed (not in the JSON).</summary>
    [JsonIgnore]
    public IReadOnlyList<GapPoint> Members { get; init; } = [];
}

/// <summary>One demand point's result.</summary>
/// <param name="Id">Demand point id.</param>
/// <param name="NearestStation">Id of the station with the shortest time, or null when none is reachable.</param>
/// <param name="Minutes">Travel minutes at the base pace to that station, or null.</param>
/// <param name="Covered">Within the limit at the base pace.</param>
/// <param name="Unreachable">Farther than the snap distance from every allowed road.</param>
/// <param name="Accessibility">2SFCA accessibility A_i: social workers per 1,000 people, summed over stations within the limit.</param>
public sealed record PointCoverage(string Id, string? NearestStation, double? Minutes, bool Covered, bool Unreachable, double Accessibility);
