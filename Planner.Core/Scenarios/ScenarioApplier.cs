using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Regions;

namespace Planner.Core.Scenarios;

/// <summary>A region with a scenario's edits applied, and the travel parameters the scenario runs with.</summary>
/// <param name="Region">The edited region (a new snapshot; the base is unchanged).</param>
/// <param name="Parameters">Effective minutes, mode and speed: the region defaults overridden by the edits.</param>
public sealed record AppliedScenario(Region Region, TravelParameters Parameters);

/// <summary>
/// Applies a scenario's edits, in order, to its base region. Each edit is checked against the region as the
/// edits before it left it (so a station added by edit 1 can be moved by edit 2); every problem is collected
/// and reported together, naming the edit by its 1-based position and kind.
/// </summary>
public static class ScenarioApplier
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>
    /// Applies <paramref name="scenario"/> to <paramref name="region"/>, the region stored under <paramref name="key"/>;
    /// throws <see cref="ScenarioException"/> listing every problem when an edit is invalid or the scenario's base
    /// region is another key.
    /// </summary>
    public static AppliedScenario Apply(RegionKey key, Region region, Scenario scenario)
    {
        var (applied, problems) = Run(key, region, scenario);
        return problems.Count > 0 ? throw new ScenarioException(problems) : applied;
    }

    /// <summary>
    /// Applies <paramref name="scenario"/> to a region held outside any store (a region folder read in memory),
    /// whose key is taken to be its own name; see <see cref="Apply(RegionKey, Region, Scenario)"/>.
    /// </summary>
    public static AppliedScenario Apply(Region region, Scenario scenario) => Apply(OwnKey(region), region, scenario);

    /// <summary>Every problem the scenario has against <paramref name="region"/>, stored under <paramref name="key"/>; empty when it applies cleanly.</summary>
    public static IReadOnlyList<string> Validate(RegionKey key, Region region, Scenario scenario) => Run(key, region, scenario).Problems;

    /// <summary>Every problem the scenario has against a region held outside any store, keyed by its own name.</summary>
    public static IReadOnlyList<string> Validate(Region region, Scenario scenario) => Validate(OwnKey(region), region, scenario);

    private static RegionKey OwnKey(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new RegionKey(region.Info.Name);
    }

    private static (AppliedScenario Applied, List<string> Problems) Run(RegionKey key, Region region, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        if (key.Value != scenario.BaseRegion)
        {
            problems.Add($"scenario '{scenario.Name}' is based on region '{scenario.BaseRegion}', not '{key}'");
        }

        var state = new State(region);
        for (int i = 0; i < scenario.Edits.Length; i++)
        {
            var edit = scenario.Edits[i];
            var error = edit is null ? "edit is null" : state.Apply(edit);
            if (error is not null)
            {
                problems.Add($"edit {i + 1} ({edit?.Kind ?? "?"}): {error}");
            }
        }

        return (new AppliedScenario(state.Region, state.Parameters), problems);
    }

    private sealed class State(Region region)
    {
        public Region Region { get; private set; } = region;

        public TravelParameters Parameters { get; private set; } = new(region.Info.DefaultMinutes, region.Info.DefaultMode, null);

        public string? Apply(ScenarioEdit edit) => edit switch
        {
            AddStationEdit e => AddStation(e),
            MoveStationEdit e => WithStation(e.StationId, s => Position(e.Lon, e.Lat) is { } p ? (s with { Location = p }, null) : (s, BadPosition(e.Lon, e.Lat))),
            RemoveStationEdit e => RemoveStation(e.StationId),
            RestaffStationEdit e => WithStation(e.StationId, s => e.SocialWorkers >= 0 ? (s with { SocialWorkers = e.SocialWorkers }, null) : (s, $"social workers {e.SocialWorkers} is negative")),
            ChangeStatusEdit e => WithStation(e.StationId, s => DomainNames.TryParseStationStatus(e.Status, out var st)
                ? (s with { Status = st.Value }, null) : (s, $"unknown status '{e.Status}': use planned, built or operating")),
            SetMinutesEdit e => Set(e.Minutes is > 0 and <= 240 && double.IsFinite(e.Minutes), Parameters with { LimitMinutes = e.Minutes }, $"minutes {e.Minutes} is not between 0 (exclusive) and 240"),
            SetModeEdit e => Set(TravelParameters.KnownModes.Contains(e.Mode), Parameters with { Mode = e.Mode }, $"unknown mode '{e.Mode}': use {string.Join(", ", TravelParameters.KnownModes)}"),
            SetSpeedEdit e => Set(e.SpeedKmh is > 0 and <= 120 && double.IsFinite(e.SpeedKmh), Parameters with { SpeedKmh = e.SpeedKmh }, $"speed {e.SpeedKmh} km/h is not between 0 (exclusive) and 120"),
            ScaleGroupEdit e => ScaleGroup(e),
            AddTeamEdit e => AddTeam(e),
            RemoveTeamEdit e => RemoveTeam(e.TeamId),
            _ => $"unsupported edit {edit.GetType().Name}",
        };

        private string? Set(bool ok, TravelParameters next, string error)
        {
            if (!ok)
            {
                return error;
            }

            Parameters = next;
            return null;
        }

        private string? AddStation(AddStationEdit e)
        {
            if (string.IsNullOrWhiteSpace(e.Id))
            {
                return "station id is empty";
            }

            if (Region.Stations.Any(s => s.Id == e.Id))
            {
                return $"station '{e.Id}' already exists";
            }

            if (Position(e.Lon, e.Lat) is not { } p)
            {
                return BadPosition(e.Lon, e.Lat);
            }

            if (!DomainNames.TryParseStationLevel(e.Level, out var level))
            {
                return $"unknown level '{e.Level}': use county_center, area_center, township_station or village_point";
            }

            if (!DomainNames.TryParseStationStatus(e.Status, out var status))
            {
                return $"unknown status '{e.Status}': use planned, built or operating";
            }

            if (e.SocialWorkers < 0)
            {
                return $"social workers {e.SocialWorkers} is negative";
            }

            if (UnknownUnit(e.UnitCode) is { } unitError)
            {
                return unitError;
            }

            var station = new Station(e.Id, string.IsNullOrWhiteSpace(e.Name) ? e.Id : e.Name, p, level.Value, status.Value, e.SocialWorkers, e.UnitCode);
            Region = Region with { Stations = Region.Stations.Add(station) };
            return null;
        }

        private string? WithStation(string id, Func<Station, (Station Next, string? Error)> change)
        {
            int index = -1;
            for (int i = 0; i < Region.Stations.Length && index < 0; i++)
            {
                index = Region.Stations[i].Id == id ? i : -1;
            }

            if (index < 0)
            {
                return UnknownStation(id);
            }

            var (next, error) = change(Region.Stations[index]);
            if (error is null)
            {
                Region = Region with { Stations = Region.Stations.SetItem(index, next) };
            }

            return error;
        }

        private string? RemoveStation(string id)
        {
            var station = Region.Stations.FirstOrDefault(s => s.Id == id);
            if (station is null)
            {
                return UnknownStation(id);
            }

            Region = Region with { Stations = Region.Stations.Remove(station) };
            return null;
        }

        private string UnknownStation(string id)
        {
            var known = Region.Stations.Take(5).Select(s => s.Id).ToList();
            return $"unknown station '{id}' (region '{Region.Info.Name}' has {Region.Stations.Length} stations{(known.Count > 0 ? ": " + string.Join(", ", known) + (Region.Stations.Length > 5 ? ", ..." : string.Empty) : string.Empty)})";
        }

        private string? UnknownUnit(string? code) =>
            code is null || Region.Units.Any(u => u.Code == code) ? null : $"unknown unit '{code}'";

        private string? ScaleGroup(ScaleGroupEdit e)
        {
            int g = Region.Groups.IndexOf(e.Group);
            if (g < 0)
            {
                return $"unknown group '{e.Group}': region '{Region.Info.Name}' has {Region.Groups}";
            }

            if (!(e.Factor > 0) || !double.IsFinite(e.Factor))
            {
                return $"factor {e.Factor} must be more than 0";
            }

            var unit = Region.Units.FirstOrDefault(u => u.Code == e.UnitCode);
            if (unit is null)
            {
                return $"unknown unit '{e.UnitCode}'";
            }

            var inside = new UnitHierarchy(Region.Units).Subtree([unit.Code]);
            var known = Region.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            int total = e.Group == PopulationGroups.Total ? -1 : Region.Groups.IndexOf(PopulationGroups.Total);
            var demand = Region.Demand.Select(d =>
            {
                bool inUnit = d.UnitCode is { } code && known.Contains(code)
                    ? inside.Contains(code)
                    : unit.Boundary.Covers(Factory.CreatePoint(new Coordinate(d.Location.Lon, d.Location.Lat)));
                if (!inUnit)
                {
                    return d;
                }

                var counts = d.Counts.ToBuilder();
                double added = counts[g] * (e.Factor - 1);
                counts[g] += added;
                if (total >= 0)
                {
                    counts[total] += added;
                }

                return d with { Counts = counts.MoveToImmutable() };
            });
            Region = Region with { Demand = [.. demand] };
            return null;
        }

        private string? AddTeam(AddTeamEdit e)
        {
            if (string.IsNullOrWhiteSpace(e.Id))
            {
                return "team id is empty";
            }

            if (Region.Teams.Any(t => t.Id == e.Id))
            {
                return $"team '{e.Id}' already exists";
            }

            if (Position(e.Lon, e.Lat) is not { } p)
            {
                return BadPosition(e.Lon, e.Lat);
            }

            if (e.Members < 0 || e.ActiveMembers < 0 || e.ActiveMembers > e.Members)
            {
                return $"members {e.Members} and active members {e.ActiveMembers} must be 0 or more, active at most members";
            }

            if (!(e.WeeklyHours >= 0) || !double.IsFinite(e.WeeklyHours))
            {
                return $"weekly hours {e.WeeklyHours} must be 0 or more";
            }

            if (UnknownUnit(e.UnitCode) is { } unitError)
            {
                return unitError;
            }

            var team = new VolunteerTeam(e.Id, string.IsNullOrWhiteSpace(e.Name) ? e.Id : e.Name, p, e.Members, e.ActiveMembers, e.Skills.IsDefault ? [] : e.Skills, e.WeeklyHours, e.UnitCode);
            Region = Region with { Teams = Region.Teams.Add(team) };
            return null;
        }

        private string? RemoveTeam(string id)
        {
            var team = Region.Teams.FirstOrDefault(t => t.Id == id);
            if (team is null)
            {
                return $"unknown team '{id}' (region '{Region.Info.Name}' has {Region.Teams.Length} teams)";
            }

            Region = Region with { Teams = Region.Teams.Remove(team) };
            return null;
        }

        private static GeoPoint? Position(double lon, double lat) => new GeoPoint(lon, lat) is { IsInRange: true } p ? p : null;

        private static string BadPosition(double lon, double lat) =>
            $"position {new GeoPoint(lon, lat)} is out of the WGS84 range" + (Math.Abs(lat) > 90 && Math.Abs(lon) <= 90 ? ": lon/lat look swapped" : string.Empty);
    }
}
