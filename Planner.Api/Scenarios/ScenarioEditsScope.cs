using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Scenarios;

namespace Planner.Api.Scenarios;

/// <summary>
/// The edits of a scenario that a key seeing only some units of the region may read: edits about stations and
/// teams in those units (where they stand, or where an edit adds or moves them), groups scaled in those units,
/// and the region-wide parameters (minutes, mode, speed), which apply there too. Edits about the rest of the
/// region are left out and counted. Edits are read in order, so a station added or moved into the units by an
/// earlier edit counts as theirs for the later ones.
/// </summary>
internal static class ScenarioEditsScope
{
    /// <summary>The edits about <paramref name="units"/>, and how many were left out.</summary>
    public static (IReadOnlyList<ScenarioEdit> Edits, int Elsewhere) Filter(IReadOnlyList<ScenarioEdit> edits, Region region, UnitSelection units)
    {
        var stations = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var s in region.Stations)
        {
            stations.TryAdd(s.Id, units.Holds(s.UnitCode, s.Location));
        }

        var teams = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var t in region.Teams)
        {
            teams.TryAdd(t.Id, units.Holds(t.UnitCode, t.Base));
        }

        var kept = new List<ScenarioEdit>();
        foreach (var edit in edits)
        {
            bool about = edit switch
            {
                AddStationEdit e => stations[e.Id] = units.Holds(e.UnitCode, new GeoPoint(e.Lon, e.Lat)),
                MoveStationEdit e => stations[e.StationId] = stations.GetValueOrDefault(e.StationId) | units.Holds(null, new GeoPoint(e.Lon, e.Lat)),
                RemoveStationEdit e => stations.GetValueOrDefault(e.StationId),
                RestaffStationEdit e => stations.GetValueOrDefault(e.StationId),
                ChangeStatusEdit e => stations.GetValueOrDefault(e.StationId),
                RenameStationEdit e => stations.GetValueOrDefault(e.StationId),
                ChangeLevelEdit e => stations.GetValueOrDefault(e.StationId),
                SetSupervisorsEdit e => stations.GetValueOrDefault(e.StationId),
                AddTeamEdit e => teams[e.Id] = units.Holds(e.UnitCode, new GeoPoint(e.Lon, e.Lat)),
                RemoveTeamEdit e => teams.GetValueOrDefault(e.TeamId),
                ScaleGroupEdit e => units.Contains(e.UnitCode),
                SetMinutesEdit or SetModeEdit or SetSpeedEdit => true,
                _ => false,
            };
            if (about)
            {
                kept.Add(edit);
            }
        }

        return (kept, edits.Count - kept.Count);
    }
}
