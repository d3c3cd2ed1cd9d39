using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Scenarios;

/// <summary>
/// What the validator knows while it walks a list of edits in order: the region, the stations and teams as the
/// earlier edits left them (ids only), and the problems found so far. Each edit type checks its own fields through
/// it (<see cref="ScenarioEdit.Check"/>), so a new edit kind brings its rules with it.
/// </summary>
/// <remarks>Members take the C# property name (<c>nameof(SpeedKmh)</c>) and report the JSON field name (<c>speed_kmh</c>).</remarks>
internal sealed class ScenarioEditCheck
{
    private readonly Region _region;
    private readonly GeoBounds _bounds;
    private readonly double _marginDegrees;
    private readonly HashSet<string> _units;
    private readonly List<string> _stations;
    private readonly List<string> _teams;
    private readonly List<ScenarioProblem> _problems = [];
    private int _index;
    private string _kind = string.Empty;

    public ScenarioEditCheck(Region region, double marginDegrees)
    {
        _region = region;
        _bounds = region.Bounds;
        _marginDegrees = marginDegrees;
        _units = region.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        _stations = [.. region.Stations.Select(s => s.Id)];
        _teams = [.. region.Teams.Select(t => t.Id)];
    }

    public IReadOnlyList<ScenarioProblem> Problems => _problems;

    /// <summary>Starts checking edit <paramref name="index"/>.</summary>
    public void Begin(int index, string kind) => (_index, _kind) = (index, kind);

    public void Problem(string property, string message, ScenarioProblemKind kind) =>
        _problems.Add(ScenarioProblem.AtEdit(_index, _kind, property.Length == 0 ? string.Empty : ScenarioJson.FieldName(property), message, kind));

    /// <summary>A station the edit changes: it must exist now.</summary>
    public void ExistingStation(string property, string id)
    {
        if (!_stations.Contains(id))
        {
            Problem(property, $"unknown station '{id}' (region '{_region.Info.Name}' has {_stations.Count} stations{Some(_stations)})", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A station the edit adds: its id must be new; later edits see it.</summary>
    public void NewStation(string property, string id)
    {
        if (NewId(property, id, "station", _stations))
        {
            _stations.Add(id);
        }
    }

    /// <summary>A station the edit removes: later edits no longer see it.</summary>
    public void RemovedStation(string id) => _stations.Remove(id);

    /// <summary>A team the edit changes: it must exist now.</summary>
    public void ExistingTeam(string property, string id)
    {
        if (!_teams.Contains(id))
        {
            Problem(property, $"unknown team '{id}' (region '{_region.Info.Name}' has {_teams.Count} teams{Some(_teams)})", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A team the edit adds: its id must be new; later edits see it.</summary>
    public void NewTeam(string property, string id)
    {
        if (NewId(property, id, "team", _teams))
        {
            _teams.Add(id);
        }
    }

    /// <summary>A team the edit removes: later edits no longer see it.</summary>
    public void RemovedTeam(string id) => _teams.Remove(id);

    /// <summary>
    /// A WGS84 position (reported at the longitude): in range, and in the region's bounding box grown by the margin;
    /// swapped longitude and latitude are named as such.
    /// </summary>
    public void Position(string lonProperty, double lon, double lat)
    {
        var p = new GeoPoint(lon, lat);
        string at = $"[{N(lon)}, {N(lat)}]";
        const string Swapped = ": lon/lat look swapped (it looks like [lat, lon]; give the longitude first)";
        if (!p.IsInRange)
        {
            Problem(lonProperty, $"position {at} is out of the WGS84 range{(Math.Abs(lat) > 90 && Math.Abs(lon) <= 90 ? Swapped : string.Empty)}", ScenarioProblemKind.OutOfRange);
            return;
        }

        var grown = _bounds.Grown(_marginDegrees);
        if (_bounds.IsEmpty || grown.Contains(p))
        {
            return;
        }

        Problem(lonProperty, grown.Contains(new GeoPoint(lat, lon))
            ? $"position {at} lies outside the region but [{N(lat)}, {N(lon)}] lies inside{Swapped}"
            : $"position {at} lies outside the region {_bounds}", ScenarioProblemKind.OutOfRange);
    }

    /// <summary>A number in a range; <paramref name="what"/> names it in the message (<c>speed</c>), <paramref name="unit"/> follows the bounds.</summary>
    public void InRange(string property, double value, ValueRange range, string what, string unit)
    {
        if (!range.Contains(value))
        {
            Problem(property, $"{what} {N(value)} is out of range; give {range.Describe(unit)}", ScenarioProblemKind.OutOfRange);
        }
    }

    /// <summary>A count of people (staff, members): 0 or more and at most <paramref name="max"/>.</summary>
    public void Count(string property, double value, double max, string what)
    {
        if (!(value >= 0))
        {
            Problem(property, $"{what} {N(value)} is negative", ScenarioProblemKind.OutOfRange);
        }
        else if (!(value <= max))
        {
            Problem(property, $"{what} {N(value)} is more than {N(max)}", ScenarioProblemKind.OutOfRange);
        }
    }

    /// <summary>A unit code that may be absent but, when given, must be a unit of the region.</summary>
    public void OptionalUnit(string property, string? code)
    {
        if (code is not null)
        {
            Unit(property, code);
        }
    }

    /// <summary>A unit code of the region.</summary>
    public void Unit(string property, string code)
    {
        if (!_units.Contains(code))
        {
            Problem(property, $"unknown unit '{code}'", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A population group of the region.</summary>
    public void Group(string property, string group)
    {
        if (!_region.Groups.Contains(group))
        {
            Problem(property, $"unknown group '{group}': region '{_region.Info.Name}' has {string.Join(", ", _region.Groups.Names)}", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A travel mode of <see cref="TravelLimits.Modes"/>.</summary>
    public void Mode(string property, string mode)
    {
        if (!TravelLimits.IsMode(mode))
        {
            Problem(property, $"unknown mode '{mode}': use {string.Join(", ", TravelLimits.Modes)}", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A station level file name.</summary>
    public void StationLevel(string property, string level)
    {
        if (!DomainNames.TryParseStationLevel(level, out _))
        {
            Problem(property, $"unknown level '{level}': use county_center, area_center, township_station or village_point", ScenarioProblemKind.Unknown);
        }
    }

    /// <summary>A station status file name.</summary>
    public void StationStatus(string property, string status)
    {
        if (!DomainNames.TryParseStationStatus(status, out _))
        {
            Problem(property, $"unknown status '{status}': use planned, built or operating", ScenarioProblemKind.Unknown);
        }
    }

    private bool NewId(string property, string id, string what, List<string> existing)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(property, $"{what} id is empty", ScenarioProblemKind.Malformed);
            return false;
        }

        if (existing.Contains(id))
        {
            Problem(property, $"{what} '{id}' already exists", ScenarioProblemKind.Conflict);
            return false;
        }

        return true;
    }

    private static string Some(List<string> ids) =>
        ids.Count == 0 ? string.Empty : ": " + string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", ..." : string.Empty);

    private static string N(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
