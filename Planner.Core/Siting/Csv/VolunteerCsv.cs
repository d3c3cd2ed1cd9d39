using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Siting.Csv;

/// <summary>
/// Reads the volunteer lists from CSV: <c>teams.csv</c> <c>id,lon,lat,skills,weekly_hours</c> (skills separated
/// by <c>;</c>; optional <c>name</c>, <c>members</c>, <c>active_members</c>, <c>unit</c>), <c>needs.csv</c>
/// <c>id,lon,lat,kind,hours</c> (optional <c>group</c>, <c>unit</c>), <c>candidates.csv</c> <c>id,lon,lat</c>
/// (optional <c>name</c>, <c>cost</c>). Coordinates are WGS84. Problems are collected, none thrown.
/// </summary>
public static class VolunteerCsv
{
    /// <summary>Reads teams.</summary>
    public static List<VolunteerTeam> ReadTeams(string path, List<InputProblem> problems)
    {
        var teams = new List<VolunteerTeam>();
        SitingCsv.ReadRows(path, problems, ["id", "lon", "lat", "skills", "weekly_hours"], (row, get) =>
        {
            string id = get("id");
            var location = Required(path, row, id, get, problems);
            double hours = SitingCsv.Number(path, row, id, "weekly_hours", get("weekly_hours"), problems) ?? 0;
            int members = (int)(Optional(path, row, id, "members", get, problems) ?? 0);
            int active = (int)(Optional(path, row, id, "active_members", get, problems) ?? members);
            var skills = get("skills").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
            if (skills.IsEmpty)
            {
                problems.Add(new InputProblem(Path.GetFileName(path), row, id, "skills", "no skill given (separate skills with ';')"));
            }

            teams.Add(new VolunteerTeam(id, get("name") is { Length: > 0 } n ? n : id, location, members, active, skills, hours, Empty(get("unit"))));
        });
        return teams;
    }

    /// <summary>Reads needs.</summary>
    public static List<Need> ReadNeeds(string path, List<InputProblem> problems)
    {
        var needs = new List<Need>();
        SitingCsv.ReadRows(path, problems, ["id", "lon", "lat", "kind", "hours"], (row, get) =>
        {
            string id = get("id");
            var location = Required(path, row, id, get, problems);
            double hours = SitingCsv.Number(path, row, id, "hours", get("hours"), problems) ?? 0;
            if (get("kind").Length == 0)
            {
                problems.Add(new InputProblem(Path.GetFileName(path), row, id, "kind", "empty"));
            }

            needs.Add(new Need(id, location, get("kind"), get("group") is { Length: > 0 } g ? g : PopulationGroups.Total, hours, Empty(get("unit"))));
        });
        return needs;
    }

    /// <summary>Reads candidate bases.</summary>
    public static List<Candidate> ReadCandidates(string path, List<InputProblem> problems)
    {
        var candidates = new List<Candidate>();
        SitingCsv.ReadRows(path, problems, ["id", "lon", "lat"], (row, get) =>
        {
            string id = get("id");
            candidates.Add(new Candidate(id, get("name") is { Length: > 0 } n ? n : id, Required(path, row, id, get, problems),
                Optional(path, row, id, "cost", get, problems) ?? 1));
        });
        return candidates;
    }

    private static GeoPoint Required(string path, int row, string id, Func<string, string> get, List<InputProblem> problems)
    {
        var p = SitingCsv.Point(path, row, id, get, problems);
        if (p is null && get("lon").Length == 0 && get("lat").Length == 0)
        {
            problems.Add(new InputProblem(Path.GetFileName(path), row, id, "lon/lat", "empty, a WGS84 position is needed"));
        }

        return p ?? default;
    }

    private static double? Optional(string path, int row, string id, string field, Func<string, string> get, List<InputProblem> problems) =>
        get(field).Length == 0 ? null : SitingCsv.Number(path, row, id, field, get(field), problems);

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
