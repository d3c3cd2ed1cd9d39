using System.Text.Json;
using Planner.Api.Regions;
using Planner.Core.Geo;
using Planner.Core.Model;

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
    /// <summary>The edits (a JSON array in the exchange form) about <paramref name="units"/>, and how many were left out.</summary>
    public static (JsonElement Edits, int Elsewhere) Filter(JsonElement edits, Region region, UnitSubtrees units)
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

        var kept = new List<JsonElement>();
        int elsewhere = 0;
        foreach (var e in edits.EnumerateArray())
        {
            bool about = Text(e, "kind") switch
            {
                "add_station" => stations[Text(e, "id") ?? string.Empty] = At(e, units),
                "move_station" => stations[Text(e, "station_id") ?? string.Empty] = stations.GetValueOrDefault(Text(e, "station_id") ?? string.Empty) | At(e, units),
                "remove_station" or "restaff_station" or "change_status" => stations.GetValueOrDefault(Text(e, "station_id") ?? string.Empty),
                "add_team" => teams[Text(e, "id") ?? string.Empty] = At(e, units),
                "remove_team" => teams.GetValueOrDefault(Text(e, "team_id") ?? string.Empty),
                "scale_group" => Text(e, "unit_code") is { } code && units.Contains(code),
                "set_minutes" or "set_mode" or "set_speed" => true,
                _ => false,
            };
            if (about)
            {
                kept.Add(e);
            }
            else
            {
                elsewhere++;
            }
        }

        return (JsonSerializer.SerializeToElement(kept), elsewhere);
    }

    /// <summary>True when an edit's unit code (if it names a unit of the region) or else its lon, lat lies in the units.</summary>
    private static bool At(JsonElement e, UnitSubtrees units) =>
        e.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number && e.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number
            ? units.Holds(Text(e, "unit_code"), new GeoPoint(lon.GetDouble(), lat.GetDouble()))
            : Text(e, "unit_code") is { } code && units.Contains(code);

    private static string? Text(JsonElement e, string member) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(member, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
