using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Regions;

namespace Planner.Core.Scenarios;

/// <summary>A region with a scenario's edits applied, and the travel parameters the scenario runs with.</summary>
/// <param name="Region">The edited region (a new snapshot; the base is unchanged).</param>
/// <param name="Parameters">Effective minutes, mode and speed: the region defaults overridden by the edits.</param>
public sealed record AppliedScenario(Region Region, TravelParameters Parameters);

/// <summary>
/// Applies a scenario's edits, in order, to its base region. The edits are first checked by
/// <see cref="ScenarioEditValidator"/> (the same check the API and the CLI run when edits are saved); every problem
/// is collected and reported together, naming the edit by its 1-based position and kind. Only a scenario without
/// problems is applied, so the application below trusts its edits.
/// </summary>
public static class ScenarioApplier
{
    /// <summary>
    /// Applies <paramref name="scenario"/> to <paramref name="region"/>, the region stored under <paramref name="key"/>;
    /// throws <see cref="ScenarioException"/> listing every problem when an edit is invalid or the scenario's base
    /// region is another key.
    /// </summary>
    public static AppliedScenario Apply(RegionKey key, Region region, Scenario scenario)
    {
        var problems = Validate(key, region, scenario);
        if (problems.Count > 0)
        {
            throw new ScenarioException(problems);
        }

        var state = new State(region);
        foreach (var edit in scenario.Edits)
        {
            state.Apply(edit);
        }

        return new AppliedScenario(state.Region, state.Parameters);
    }

    /// <summary>
    /// Applies <paramref name="scenario"/> to a region held outside any store (a region folder read in memory),
    /// whose key is taken to be its own name; see <see cref="Apply(RegionKey, Region, Scenario)"/>.
    /// </summary>
    public static AppliedScenario Apply(Region region, Scenario scenario) => Apply(OwnKey(region), region, scenario);

    /// <summary>Every problem the scenario has against a region held outside any store, keyed by its own name.</summary>
    public static IReadOnlyList<string> Validate(Region region, Scenario scenario) => Validate(OwnKey(region), region, scenario);

    private static RegionKey OwnKey(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new RegionKey(region.Info.Name);
    }

    /// <summary>Every problem the scenario has against <paramref name="region"/>, stored under <paramref name="key"/>; empty when it applies cleanly.</summary>
    public static IReadOnlyList<string> Validate(RegionKey key, Region region, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        if (key.Value != scenario.BaseRegion)
        {
            problems.Add($"scenario '{scenario.Name}' is based on region '{scenario.BaseRegion}', not '{key}'");
        }

        problems.AddRange(ScenarioEditValidator.Validate(region, scenario.Edits).Select(p => p.Describe()));
        return problems;
    }

    /// <summary>The region and parameters as the edits so far left them; every edit reaching it has been validated.</summary>
    private sealed class State(Region region)
    {
        public Region Region { get; private set; } = region;

        public TravelParameters Parameters { get; private set; } = new(region.Info.DefaultMinutes, region.Info.DefaultMode, null);

        public void Apply(ScenarioEdit edit)
        {
            switch (edit)
            {
                case AddStationEdit e:
                    AddStation(e);
                    break;
                case MoveStationEdit e:
                    WithStation(e.StationId, s => s with { Location = new GeoPoint(e.Lon, e.Lat) });
                    break;
                case RemoveStationEdit e:
                    Region = Region with { Stations = Region.Stations.Remove(Region.Stations.First(s => s.Id == e.StationId)) };
                    break;
                case RestaffStationEdit e:
                    WithStation(e.StationId, s => s with { SocialWorkers = e.SocialWorkers });
                    break;
                case ChangeStatusEdit e:
                    WithStation(e.StationId, s => s with { Status = Parsed(DomainNames.TryParseStationStatus(e.Status, out var st), st) });
                    break;
                case RenameStationEdit e:
                    WithStation(e.StationId, s => s with { Name = e.Name });
                    break;
                case ChangeLevelEdit e:
                    WithStation(e.StationId, s => s with { Level = Parsed(DomainNames.TryParseStationLevel(e.Level, out var lv), lv) });
                    break;
                case SetSupervisorsEdit e:
                    WithStation(e.StationId, s => s with { Supervisors = e.Supervisors });
                    break;
                case SetMinutesEdit e:
                    Parameters = Parameters with { LimitMinutes = e.Minutes };
                    break;
                case SetModeEdit e:
                    Parameters = Parameters with { Mode = e.Mode };
                    break;
                case SetSpeedEdit e:
                    Parameters = Parameters with { SpeedKmh = e.SpeedKmh };
                    break;
                case ScaleGroupEdit e:
                    ScaleGroup(e);
                    break;
                case AddTeamEdit e:
                    var team = new VolunteerTeam(e.Id, string.IsNullOrWhiteSpace(e.Name) ? e.Id : e.Name, new GeoPoint(e.Lon, e.Lat), e.Members, e.ActiveMembers, e.Skills.IsDefault ? [] : e.Skills, e.WeeklyHours, e.UnitCode);
                    Region = Region with { Teams = Region.Teams.Add(team) };
                    break;
                case RemoveTeamEdit e:
                    Region = Region with { Teams = Region.Teams.Remove(Region.Teams.First(t => t.Id == e.TeamId)) };
                    break;
                default:
                    throw new NotSupportedException($"edit {edit.GetType().Name} has no application");
            }
        }

        private void AddStation(AddStationEdit e)
        {
            var level = Parsed(DomainNames.TryParseStationLevel(e.Level, out var l), l);
            var status = Parsed(DomainNames.TryParseStationStatus(e.Status, out var st), st);
            var station = new Station(e.Id, string.IsNullOrWhiteSpace(e.Name) ? e.Id : e.Name, new GeoPoint(e.Lon, e.Lat), level, status, e.SocialWorkers, e.UnitCode);
            Region = Region with { Stations = Region.Stations.Add(station) };
        }

        private void WithStation(string id, Func<Station, Station> change)
        {
            int index = Region.Stations.Select(s => s.Id).ToList().IndexOf(id);
            Region = Region with { Stations = Region.Stations.SetItem(index, change(Region.Stations[index])) };
        }

        private void ScaleGroup(ScaleGroupEdit e)
        {
            int g = Region.Groups.IndexOf(e.Group);
            var unit = Region.Units.First(u => u.Code == e.UnitCode);
            var hierarchy = new UnitHierarchy(Region.Units);
            var inside = hierarchy.Subtree([unit.Code]);
            int total = e.Group == PopulationGroups.Total ? -1 : Region.Groups.IndexOf(PopulationGroups.Total);
            var demand = Region.Demand.Select(d =>
            {
                bool inUnit = hierarchy.HeldBy(d.UnitCode, d.Location, inside);
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
        }

        /// <summary>A name the validator accepted, parsed.</summary>
        private static T Parsed<T>(bool ok, T? value)
            where T : struct =>
            ok && value is { } v ? v : throw new InvalidOperationException("a validated edit names an unknown level or status");
    }
}
