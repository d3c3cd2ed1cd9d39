using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Network;
using Planner.Core.Siting;
using Planner.Core.Siting.Csv;
using Planner.Core.Siting.Matching;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner match</c>: dispatch needs to volunteer teams (min-cost flow) and recommend where to recruit new
/// teams for unmet needs. File mode reads teams, needs and candidates from CSV with straight-line travel times
/// (speed x circuity); region mode (<c>match &lt;region&gt;</c>) takes the region's teams and needs with travel times
/// along its roads (<see cref="NetworkTravelTimeSource"/>; straight line only when the region has no roads).
/// </summary>
internal static class MatchCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var region = new Argument<DirectoryInfo?>("region") { Description = "Region folder (region mode: its teams and needs, travel times along its roads).", Arity = ArgumentArity.ZeroOrOne };
        var teams = new Option<FileInfo?>("--teams") { Description = "teams.csv: id,lon,lat,skills(;-separated),weekly_hours[,name,members,active_members,unit]." };
        var needs = new Option<FileInfo?>("--needs") { Description = "needs.csv: id,lon,lat,kind,hours[,group,unit]." };
        var candidates = new Option<FileInfo?>("--candidates") { Description = "candidates.csv: id,lon,lat[,name,cost]: where new teams could be based (default: at unmet needs)." };
        var limit = new Option<double>("--limit-minutes") { Description = "Largest travel time from a team's base to a need.", DefaultValueFactory = _ => 30 };
        var speed = new Option<double>("--speed-kmh") { Description = "Straight-line fallback speed in km/h.", DefaultValueFactory = _ => 4.5 };
        var circuity = new Option<double>("--circuity") { Description = "Straight-line fallback: road distance over straight distance.", DefaultValueFactory = _ => 1.3 };
        var newTeams = new Option<int>("--new-teams") { Description = "How many new teams to recommend for unmet needs.", DefaultValueFactory = _ => 1 };
        var unit = new Option<double>("--hours-per-unit") { Description = "Granularity of hours in the flow.", DefaultValueFactory = _ => 0.5 };
        var output = ResultOutput.OutOption();
        var format = new Option<string>("--format") { Description = "Output format: json (the only one).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var mode = new Option<string>("--mode") { Description = "Region mode: travel mode along the roads (walk, ebike, drive).", DefaultValueFactory = _ => "walk" };
        var command = new Command("match", "Assign needs to volunteer teams by min-cost flow and recommend where to recruit new teams for unmet needs.");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { teams, needs, candidates, limit, speed, circuity, newTeams, unit, format, output, mode })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var problems = new List<InputProblem>();
            if (ResultOutput.Problem("--out", parse.GetValue(output)) is { } unwritable)
            {
                Console.Error.WriteLine(unwritable);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(region) is { } folder)
            {
                return RunRegion(folder.ToString(), parse.GetValue(mode) ?? "walk", parse.GetValue(candidates), parse.GetValue(unit), new MatchingOptions
                {
                    LimitMinutes = parse.GetValue(limit),
                    HoursPerUnit = parse.GetValue(unit),
                    NewTeams = parse.GetValue(newTeams),
                }, parse.GetValue(output));
            }

            if (parse.GetValue(teams) is not { } teamsFile || parse.GetValue(needs) is not { } needsFile)
            {
                Console.Error.WriteLine("match needs --teams and --needs (or a region folder)");
                return ExitCodes.BadInput;
            }

            var teamList = VolunteerCsv.ReadTeams(teamsFile.FullName, problems);
            var needList = VolunteerCsv.ReadNeeds(needsFile.FullName, problems);
            var candidateList = parse.GetValue(candidates) is { } c ? VolunteerCsv.ReadCandidates(c.FullName, problems) : null;
            var messages = problems.Select(p => p.ToString()).ToList();
            if (TravelLimits.SpeedProblem(parse.GetValue(speed)) is { } speedProblem)
            {
                messages.Add($"--speed-kmh: {speedProblem}");
            }

            if (TravelLimits.MinutesProblem(parse.GetValue(limit)) is { } limitProblem)
            {
                messages.Add($"--limit-minutes: {limitProblem}");
            }

            if (!(parse.GetValue(circuity) >= 1))
            {
                messages.Add("--circuity: must be >= 1");
            }

            if (!(parse.GetValue(unit) > 0))
            {
                messages.Add("--hours-per-unit: must be > 0");
            }

            if (messages.Count > 0)
            {
                messages.ForEach(Console.Error.WriteLine);
                return ExitCodes.BadInput;
            }

            var result = TerminalProgress.Run("matching", () => VolunteerMatcher.Match(teamList, needList, new StraightLineTravelTimes(parse.GetValue(speed), parse.GetValue(circuity)), new MatchingOptions
            {
                LimitMinutes = parse.GetValue(limit),
                HoursPerUnit = parse.GetValue(unit),
                NewTeams = parse.GetValue(newTeams),
                RecruitCandidates = candidateList,
            }));
            Write(Json(result), parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int RunRegion(string folder, string mode, FileInfo? candidatesFile, double hoursPerUnit, MatchingOptions options, FileInfo? output)
    {
        var coverageOptions = new CoverageOptions { Mode = mode, BuildCircles = false };
        var messages = coverageOptions.Problems().ToList();
        if (TravelLimits.MinutesProblem(options.LimitMinutes) is { } limitProblem)
        {
            messages.Add($"--limit-minutes: {limitProblem}");
        }

        if (!(hoursPerUnit > 0))
        {
            messages.Add("--hours-per-unit: must be > 0");
        }

        var inputProblems = new List<InputProblem>();
        var candidateList = candidatesFile is not null ? VolunteerCsv.ReadCandidates(candidatesFile.FullName, inputProblems) : null;
        messages.AddRange(inputProblems.Select(p => p.ToString()));
        var (region, loadProblems) = messages.Count == 0 ? RegionLoading.Load(folder) : (null, []);
        messages.AddRange(loadProblems);
        if (messages.Count > 0 || region is null)
        {
            messages.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }

        var recruitAt = candidateList ?? (region.Candidates.Length > 0 ? [.. region.Candidates] : null);
        var result = TerminalProgress.Run("matching along the roads", () => VolunteerMatcher.Match(
            [.. region.Teams], [.. region.Needs], NetworkTravelTimeSource.ForRegion(region, coverageOptions), options with { RecruitCandidates = recruitAt }));
        var json = Json(result);
        json["region"] = region.Info.Name;
        json["mode"] = mode;
        json["limitMinutes"] = options.LimitMinutes;
        json["teams"] = region.Teams.Length;
        json["needCount"] = region.Needs.Length;
        json["recruitCandidates"] = recruitAt is null ? "unmet needs' own locations" : $"{recruitAt.Count} candidates";
        Write(json, output);
        return ExitCodes.Ok;
    }

    private static void Write(JsonObject json, FileInfo? output)
    {
        ResultOutput.Write("--out", output, json.ToJsonString(Indented), Console.Out);
    }

    private static JsonObject Json(MatchingResult r) => new()
    {
        ["travel"] = r.StraightLine ? "straight-line estimate (speed x circuity), not network times" : "network",
        ["matched"] = r.MatchedCount,
        ["unmatched"] = r.UnmatchedCount,
        ["hoursTimesMinutes"] = r.TravelMinutesTimesHours,
        ["assignments"] = new JsonArray([.. r.Assignments.Select(a => (JsonNode)new JsonObject
        {
            ["need"] = a.NeedId, ["team"] = a.TeamId, ["hours"] = a.Hours, ["minutes"] = Math.Round(a.Minutes, 2),
        })]),
        ["needs"] = new JsonArray([.. r.Needs.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = n.NeedId, ["kind"] = n.Kind, ["hoursNeeded"] = n.HoursNeeded, ["hoursServed"] = n.HoursServed,
            ["matched"] = n.Matched, ["reason"] = n.Reason,
        })]),
        ["recruit"] = new JsonArray([.. r.Recruitment.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id, ["lon"] = s.Location.Lon, ["lat"] = s.Location.Lat,
            ["needs"] = new JsonArray([.. s.NeedIds.Select(id => (JsonNode?)id)]),
            ["skills"] = new JsonObject(s.Skills.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))),
        })]),
    };
}
