using NetTopologySuite.Geometries;

namespace Planner.Reports.Model;

/// <summary>One township (乡镇/街道) with its subtotal row and its villages/communities.</summary>
/// <param name="Township">The township's own figures (its subtotal: every point in it).</param>
/// <param name="Villages">Its villages and communities, by code.</param>
public sealed record TownshipSection(UnitRow Township, IReadOnlyList<UnitRow> Villages);

/// <summary>One administrative unit's figures.</summary>
/// <param name="Code">Division code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Level">county, township, village or grid.</param>
/// <param name="ParentName">Name of the enclosing unit, or empty.</param>
/// <param name="Figures">One per report group, in the report's group order.</param>
/// <param name="Accessibility">Population-weighted mean 2SFCA accessibility (social workers per 1,000 people).</param>
public sealed record UnitRow(string Code, string Name, string Level, string ParentName, IReadOnlyList<GroupFigure> Figures, double Accessibility)
{
    /// <summary>Boundary, WGS84; null when the region has none for the unit.</summary>
    public Geometry? Boundary { get; init; }
}

/// <summary>One counted station.</summary>
/// <param name="Id">Station id.</param>
/// <param name="Name">Station name.</param>
/// <param name="LevelLabel">Level in the report's language (乡镇社工站, ...).</param>
/// <param name="StatusLabel">Status in the report's language.</param>
/// <param name="TownshipName">Township it lies in, or empty.</param>
/// <param name="SocialWorkers">Full-time social workers.</param>
/// <param name="Catchment">People per group within its circle, in the report's group order.</param>
/// <param name="AreaKm2">Area of its service circle, km² (0 when circles were not built).</param>
/// <param name="Ratio">2SFCA ratio: social workers per 1,000 people in its catchment.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Lat">Latitude.</param>
public sealed record StationRow(string Id, string Name, string LevelLabel, string StatusLabel, string TownshipName, int SocialWorkers,
    IReadOnlyList<double> Catchment, double AreaKm2, double Ratio, double Lon, double Lat)
{
    /// <summary>Service-circle polygon, WGS84, when built.</summary>
    public Geometry? Circle { get; init; }
}

/// <summary>One uncovered cluster, named by the village it lies in.</summary>
/// <param name="Id">gap-1, gap-2, ...</param>
/// <param name="VillageName">Village/community containing its centre, or empty when none does.</param>
/// <param name="TownshipName">Township of that village, or empty.</param>
/// <param name="Points">Demand points in it.</param>
/// <param name="People">People per group, in the report's group order.</param>
/// <param name="NearestStationName">The counted station nearest its centre in a straight line, or empty.</param>
/// <param name="NearestStationMeters">Straight-line (great-circle) distance from its centre to that station, metres; null without stations.</param>
/// <param name="Lon">Longitude of its population-weighted centre.</param>
/// <param name="Lat">Latitude of its centre.</param>
public sealed record GapRow(string Id, string VillageName, string TownshipName, int Points, IReadOnlyList<double> People,
    string NearestStationName, double? NearestStationMeters, double Lon, double Lat)
{
    /// <summary>Outline, WGS84.</summary>
    public Geometry? Outline { get; init; }
}

/// <summary>One standards check, with its rule in the report's language.</summary>
/// <param name="RuleId">Rule id.</param>
/// <param name="RuleText">The rule in words.</param>
/// <param name="SubjectKind">Unit or station, in the report's language.</param>
/// <param name="SubjectName">Unit or station name.</param>
/// <param name="Measured">Measured value, or null when it cannot be measured.</param>
/// <param name="Comparison">&gt;= or &gt;.</param>
/// <param name="Required">Required value.</param>
/// <param name="Passed">Whether the rule holds.</param>
/// <param name="Note">How the figure was obtained or why it is missing.</param>
public sealed record CheckRow(string RuleId, string RuleText, string SubjectKind, string SubjectName, double? Measured, string Comparison,
    double Required, bool Passed, string Note);
