using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Coverage;
using Planner.Api.Problems;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Api.Scenarios;

/// <summary>
/// Checks scenario edits as they arrive, so that each problem comes back naming its path
/// (<c>edits[2].lon</c>): known kinds, stations and teams that exist, locations in the region and in
/// [lon, lat] order, minutes and speeds in range, known modes and groups.
/// </summary>
internal static class ScenarioEditsCheck
{
    /// <summary>The edit kinds of the scenario exchange form.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["add_station", "move_station", "remove_station", "restaff_station", "change_status", "set_minutes", "set_mode", "set_speed", "scale_group", "add_team", "remove_team"];

    /// <summary>The first problem of <paramref name="edits"/> against <paramref name="region"/>, or null.</summary>
    public static ProblemHttpResult? Check(JsonElement edits, Region region, int maxEdits)
    {
        if (edits.ValueKind != JsonValueKind.Array)
        {
            return ApiProblems.Field("edits", "must be an array of edits.");
        }

        if (edits.GetArrayLength() > maxEdits)
        {
            return ApiProblems.Field("edits", $"holds {edits.GetArrayLength()} edits; at most {maxEdits} are accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        var stations = region.Stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var teams = region.Teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        int i = 0;
        foreach (var e in edits.EnumerateArray())
        {
            var at = $"edits[{i++}]";
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String)
            {
                return ApiProblems.Field($"{at}.kind", "every edit is an object with a kind.");
            }

            var kind = k.GetString()!;
            var problem = kind switch
            {
                "add_station" => Id(e, at, "id", stations, mustExist: false) ?? Location(e, at, region),
                "move_station" => Id(e, at, "station_id", stations, mustExist: true) ?? Location(e, at, region),
                "remove_station" or "change_status" => Id(e, at, "station_id", stations, mustExist: true),
                "restaff_station" => Id(e, at, "station_id", stations, mustExist: true) ?? Number(e, at, "social_workers", 0, 1000),
                "set_minutes" => Number(e, at, "minutes", double.Epsilon, CoverageQuery.MaxMinutes),
                "set_speed" => Number(e, at, "speed_kmh", double.Epsilon, CoverageQuery.MaxSpeedKmh),
                "set_mode" => Mode(e, at),
                "scale_group" => Group(e, at, region) ?? Number(e, at, "factor", 0, 100),
                "add_team" => Id(e, at, "id", teams, mustExist: false) ?? Location(e, at, region),
                "remove_team" => Id(e, at, "team_id", teams, mustExist: true),
                _ => ApiProblems.Field($"{at}.kind", $"'{kind}' is not an edit; use one of {string.Join(", ", Kinds)}.", StatusCodes.Status422UnprocessableEntity),
            };
            if (problem is not null)
            {
                return problem;
            }

            if (kind == "add_station")
            {
                stations.Add(e.GetProperty("id").GetString()!);
            }
            else if (kind == "add_team")
            {
                teams.Add(e.GetProperty("id").GetString()!);
            }
            else if (kind == "remove_station")
            {
                stations.Remove(e.GetProperty("station_id").GetString()!);
            }
            else if (kind == "remove_team")
            {
                teams.Remove(e.GetProperty("team_id").GetString()!);
            }
        }

        return null;
    }

    private static ProblemHttpResult? Id(JsonElement e, string at, string member, HashSet<string> known, bool mustExist)
    {
        if (!e.TryGetProperty(member, out var v) || v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            return ApiProblems.Field($"{at}.{member}", "is required (a string).");
        }

        var id = v.GetString()!;
        return (mustExist, known.Contains(id)) switch
        {
            (true, false) => ApiProblems.Field($"{at}.{member}", $"'{id}' is not in the region (or was removed by an earlier edit).", StatusCodes.Status422UnprocessableEntity),
            (false, true) => ApiProblems.Field($"{at}.{member}", $"'{id}' already exists.", StatusCodes.Status409Conflict),
            _ => null,
        };
    }

    private static ProblemHttpResult? Location(JsonElement e, string at, Region region)
    {
        if (!e.TryGetProperty("lon", out var lon) || lon.ValueKind != JsonValueKind.Number || !e.TryGetProperty("lat", out var lat) || lat.ValueKind != JsonValueKind.Number)
        {
            return ApiProblems.Field($"{at}.lon", "lon and lat are required numbers (WGS84 degrees).");
        }

        return GeoJsonPoints.CheckLocation(lon.GetDouble(), lat.GetDouble(), $"{at}.lon", region.Bounds);
    }

    private static ProblemHttpResult? Number(JsonElement e, string at, string member, double min, double max)
    {
        if (!e.TryGetProperty(member, out var v) || v.ValueKind != JsonValueKind.Number)
        {
            return ApiProblems.Field($"{at}.{member}", "is required (a number).");
        }

        var x = v.GetDouble();
        return x >= min && x <= max ? null
            : ApiProblems.Field($"{at}.{member}", $"{x.ToString(CultureInfo.InvariantCulture)} is out of range [{(min == double.Epsilon ? "above 0" : min.ToString(CultureInfo.InvariantCulture))}, {max.ToString(CultureInfo.InvariantCulture)}].", StatusCodes.Status422UnprocessableEntity);
    }

    private static ProblemHttpResult? Mode(JsonElement e, string at) =>
        e.TryGetProperty("mode", out var v) && v.ValueKind == JsonValueKind.String && TravelProfile.BuiltinNames.Contains(v.GetString()!)
            ? null
            : ApiProblems.Field($"{at}.mode", $"must be one of {string.Join(", ", TravelProfile.BuiltinNames)}.", StatusCodes.Status422UnprocessableEntity);

    private static ProblemHttpResult? Group(JsonElement e, string at, Region region) =>
        e.TryGetProperty("group", out var v) && v.ValueKind == JsonValueKind.String && region.Groups.Contains(v.GetString()!)
            ? null
            : ApiProblems.Field($"{at}.group", $"must be one of the region's groups: {string.Join(", ", region.Groups.Names)}.", StatusCodes.Status422UnprocessableEntity);
}
