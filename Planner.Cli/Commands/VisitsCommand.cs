using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiniExcelLibs;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Standards;
using Planner.Core.Visits;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner visits &lt;region&gt; [--cases FILE] [--month 2027-03] [--mode walk|ebike] [--duty-share 0.4]
/// [--seconds-per-station 2] [--rules FILE] [--format json|csv|geojson|xlsx] [--out FILE]</c>: the month's home
/// visits (<see cref="VisitPlanner"/>): per station the hours of visiting and duty, social workers needed against
/// present (the <c>workload_hours</c> rule) and the visits that do not fit, with why. <c>--illustrative-cases
/// FILE</c> instead writes illustrative cases derived from the region's population (the sample's cases.csv).
/// Exit code 2 with one line per problem on bad input.
/// </summary>
internal static class VisitsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create()
    {
        var region = new Argument<string>("region") { Description = "Region folder (e.g. data/guixi)." };
        var cases = new Option<FileInfo?>("--cases") { Description = "Case table (.csv or .xlsx); default: the region's cases.csv." };
        var month = new Option<string>("--month") { Description = "The month planned, YYYY-MM.", DefaultValueFactory = _ => "2027-03" };
        var mode = new Option<string?>("--mode") { Description = "Travel mode of the visits: walk or ebike (drive accepted); default: the region's mode (region.json defaults.mode)." };
        var duty = new Option<double>("--duty-share") { Description = "Share of working days on station duty.", DefaultValueFactory = _ => 0.4 };
        var seconds = new Option<double>("--seconds-per-station") { Description = "Routing search time per station.", DefaultValueFactory = _ => 2 };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rule set with a workload_hours rule (default: Taicang, 1,960 h a year per social worker)." };
        var format = new Option<string>("--format") { Description = "json (everything), csv (per station), geojson (worker days as lines), xlsx (sheets; needs --out).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "geojson", "xlsx");
        var output = ResultOutput.OutOption();
        var illustrative = new Option<FileInfo?>("--illustrative-cases") { Description = "Write ILLUSTRATIVE cases derived from the region's population to this file, note them in region.json, and stop." };
        var command = new Command("visits", "Plan a month of home visits per station and the social workers that workload needs.");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { cases, month, mode, duty, seconds, rules, format, output, illustrative })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var folder = parse.GetValue(region)!;
            if (parse.GetValue(illustrative) is { } sample)
            {
                return WriteIllustrative(folder, sample);
            }

            var messages = new List<string>();
            string fmt = parse.GetValue(format) ?? "json";
            if (ResultOutput.Problem("--out", parse.GetValue(output)) is { } unwritable)
            {
                messages.Add(unwritable);
            }

            if (fmt == "xlsx" && parse.GetValue(output) is null)
            {
                messages.Add("--format xlsx: give --out FILE.xlsx (a workbook is not written to the terminal)");
            }

            if (!DateOnly.TryParseExact(parse.GetValue(month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                messages.Add($"--month: '{parse.GetValue(month)}' is not a month; write YYYY-MM, e.g. 2027-03");
            }

            var options = new VisitPlanOptions
            {
                Month = first == default ? new DateOnly(2027, 3, 1) : first,
                Mode = parse.GetValue(mode) ?? "walk",
                DutyShare = parse.GetValue(duty),
                SecondsPerStation = parse.GetValue(seconds),
            };
            messages.AddRange(options.Problems().Select(p => "--" + p));
            RuleSet? ruleSet = null;
            if (parse.GetValue(rules) is { } rulesFile)
            {
                try
                {
                    ruleSet = RuleSet.Load(rulesFile.FullName);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException)
                {
                    messages.Add($"--rules: {ex.Message}");
                }
            }

            if (messages.Count > 0)
            {
                messages.ForEach(Console.Error.WriteLine);
                return ExitCodes.BadInput;
            }

            var (loaded, loadProblems) = RegionLoading.Load(folder);
            messages.AddRange(loadProblems);
            if (loaded is not null && parse.GetValue(mode) is null)
            {
                options = options with { Mode = loaded.Info.DefaultMode };
                messages.AddRange(options.Problems().Where(p => p.StartsWith("mode", StringComparison.Ordinal)).Select(p => $"{folder}/region.json defaults.{p}"));
            }

            var casePath = parse.GetValue(cases)?.FullName ?? Path.Combine(folder, CaseTableWriter.FileName);
            var caseList = ReadCases(casePath, messages);
            if (loaded is not null && messages.Count == 0)
            {
                messages.AddRange(VisitPlanner.Problems(loaded, caseList, options));
            }

            if (messages.Count > 0 || loaded is null)
            {
                messages.ForEach(Console.Error.WriteLine);
                return ExitCodes.BadInput;
            }

            var plan = TerminalProgress.Run("planning home visits", () => VisitPlanner.Plan(loaded, caseList, options, ruleSet));
            Write(plan, loaded, fmt, parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<VisitCase> ReadCases(string path, List<string> messages)
    {
        try
        {
            var (list, problems) = CaseTableReader.Read(path);
            messages.AddRange(problems.Select(p => p.Line()));
            return [.. list];
        }
        catch (ImportException ex)
        {
            messages.Add(ex.Message);
            return [];
        }
    }

    private static int WriteIllustrative(string folder, FileInfo file)
    {
        if (ResultOutput.Problem("--illustrative-cases", file) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }

        var (loaded, problems) = RegionLoading.Load(folder);
        if (loaded is null)
        {
            problems.ToList().ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }

        var generated = IllustrativeCases.Generate(loaded);
        CaseTableWriter.Write(file.FullName, generated);
        var source = new Core.Model.DataSource("cases", "illustrative cases (planner visits --illustrative-cases)", "n/a", true, IllustrativeCases.Note(generated));
        RegionFolderWriter.WriteInfo(loaded.Info with { Sources = RegionEditing.WithSource(loaded.Info.Sources, source) }, folder);
        Console.WriteLine($"{file}: {generated.Count} illustrative cases");
        return ExitCodes.Ok;
    }

    private static void Write(VisitPlan plan, Core.Model.Region region, string format, FileInfo? output)
    {
        switch (format)
        {
            case "csv":
                ResultOutput.Write("--out", output, StationsCsv(plan), Console.Out);
                break;
            case "geojson":
                ResultOutput.Write("--out", output, VisitPlanGeoJson.Days(VisitRoutes.For(region, plan)), Console.Out);
                break;
            case "xlsx":
                Workbook(plan, output!);
                break;
            default:
                ResultOutput.Write("--out", output, JsonSerializer.Serialize(Summary(plan, region.Info.Name), Json), Console.Out);
                break;
        }
    }

    private static object Summary(VisitPlan plan, string regionName) => new
    {
        region = regionName,
        month = plan.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        plan.WorkingDays,
        travel = plan.Method,
        plan.Cases,
        visitsPlanned = plan.VisitsPlanned,
        visitsUnmet = plan.Unmet.Length,
        quality = new
        {
            plan.Quality.TravelHours, plan.Quality.NearestNeighbourTravelHours, plan.Quality.NearestNeighbourVisits, plan.Quality.LowerBoundTravelHours,
            plan.Quality.SavingOverNearestNeighbour, plan.Quality.GapToLowerBound, plan.Quality.Seconds, plan.Quality.Optimised,
        },
        stations = plan.Stations.Select(s => new
        {
            station = s.StationId, name = s.StationName, s.Mode, s.WorkersPresent, s.WorkersNeeded, s.Cases, s.VisitsAsked, s.VisitsPlanned,
            s.VisitsUnmet, s.VolunteerVisits, travelHours = Round(s.TravelHours), serviceHours = Round(s.ServiceHours),
            unmetHours = Round(s.UnmetHours), dutyHours = Round(s.DutyHours), yearHours = Round(s.YearHours),
        }),
        checks = plan.Checks,
        units = plan.Units.Select(u => new { unit = u.UnitCode, name = u.UnitName, u.Cases, u.FullyVisited, u.UnderVisited, u.VisitsAsked, u.VisitsPlanned }),
        unmet = plan.Unmet.Select(u => new { caseId = u.CaseId, station = u.StationId, u.Visit, u.FirstDay, u.LastDay, u.Reason }),
        volunteers = plan.Volunteers.Select(v => new { caseId = v.CaseId, team = v.TeamId, v.Visits, hours = Round(v.Hours) }),
        days = plan.Days.Select(d => new
        {
            station = d.StationId, worker = d.WorkerId, d.Date, travelMinutes = Round(d.TravelMinutes), serviceMinutes = Round(d.ServiceMinutes),
            back = VisitWindow.Clock((int)Math.Round(d.ReturnMinute)),
            stops = d.Stops.Select(s => new { caseId = s.CaseId, s.Visit, start = VisitWindow.Clock((int)Math.Round(s.StartMinute)), travelMinutes = Round(s.TravelMinutes) }),
        }),
    };

    private static double Round(double value) => Math.Round(value, 2);

    private static readonly string[] StationColumns =
        ["station", "name", "mode", "workers_present", "workers_needed", "cases", "visits_asked", "visits_planned", "visits_unmet", "volunteer_visits",
         "travel_h", "service_h", "unmet_h", "duty_h", "year_h", "passes"];

    private static IEnumerable<object[]> StationRows(VisitPlan plan) => plan.Stations.Select(s => new object[]
    {
        s.StationId, s.StationName, s.Mode, s.WorkersPresent, s.WorkersNeeded, s.Cases, s.VisitsAsked, s.VisitsPlanned, s.VisitsUnmet, s.VolunteerVisits,
        Round(s.TravelHours), Round(s.ServiceHours), Round(s.UnmetHours), Round(s.DutyHours), Round(s.YearHours), s.WorkersPresent >= s.WorkersNeeded,
    });

    private static string StationsCsv(VisitPlan plan)
    {
        var text = new StringBuilder(string.Join(',', StationColumns)).Append('\n');
        foreach (var row in StationRows(plan))
        {
            text.Append(string.Join(',', row.Select(v => Cell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)))).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Cell(string v) => v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v;

    private static void Workbook(VisitPlan plan, FileInfo file)
    {
        var sheets = new Dictionary<string, object>
        {
            ["stations"] = StationRows(plan).Select(r => StationColumns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList(),
            ["unmet"] = plan.Unmet.Select(u => new Dictionary<string, object?>
            {
                ["case"] = u.CaseId, ["station"] = u.StationId, ["visit"] = u.Visit, ["first_day"] = u.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["last_day"] = u.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["reason"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(u.Reason.ToString()),
            }).ToList(),
            ["units"] = plan.Units.Select(u => new Dictionary<string, object>
            {
                ["unit"] = u.UnitCode, ["name"] = u.UnitName, ["cases"] = u.Cases, ["fully_visited"] = u.FullyVisited, ["under_visited"] = u.UnderVisited,
            }).ToList(),
            ["stops"] = plan.Days.SelectMany(d => d.Stops.Select((s, k) => new Dictionary<string, object>
            {
                ["station"] = d.StationId, ["worker"] = d.WorkerId, ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["order"] = k + 1,
                ["case"] = s.CaseId, ["visit"] = s.Visit, ["start"] = VisitWindow.Clock((int)Math.Round(s.StartMinute)), ["travel_min"] = Round(s.TravelMinutes),
            })).ToList(),
        };
        try
        {
            if (file.Exists)
            {
                file.Delete();
            }

            MiniExcel.SaveAs(file.FullName, sheets);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out {file}: cannot be written: {ex.Message}");
        }
    }
}
