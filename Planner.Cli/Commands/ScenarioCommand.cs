using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Scenarios;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner scenario new|edit|run|compare|list</c>: what-if scenarios kept in a workspace. Exit codes: 0 done,
/// 2 bad input (one line per problem naming the edit, field and reason), 3 version conflict (the scenario
/// changed since it was read), 4 workspace unreachable (the table in <see cref="ExitCodes"/>). <c>run</c> and
/// <c>compare</c> take <c>--format</c> and <c>--out</c>.
/// </summary>
internal static class ScenarioCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("scenario", "What-if scenarios in a workspace: new, edit, run, compare, list.");
        command.Subcommands.Add(New());
        command.Subcommands.Add(Edit());
        command.Subcommands.Add(RunCommand());
        command.Subcommands.Add(Compare());
        command.Subcommands.Add(List());
        return command;
    }

    private static Argument<string> WorkspaceArgument() =>
        new("workspace") { Description = "Workspace: a .gpkg file or a PostgreSQL connection string (Host=...;Database=...)." };

    private static Option<string?> RegionOption() =>
        new("--region") { Description = "The scenario's region (key, division code or own name); needed only when scenarios of that name exist in several regions." };

    private static Command New()
    {
        var workspace = WorkspaceArgument();
        var name = new Argument<string>("name") { Description = "Scenario name." };
        var baseRegion = new Option<string>("--base") { Description = "The stored region the scenario edits: its key (guixi), division code (360681) or own name (贵溪市).", Required = true };
        var command = new Command("new", "Create an empty scenario on a stored region.") { workspace, name, baseRegion };
        command.SetAction((parse, ct) => Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, e, token) =>
        {
            string scenario = parse.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(scenario))
            {
                e.WriteLine("name: a scenario name is required.");
                return ExitCodes.BadInput;
            }

            var (region, problem) = await ScenarioLookup.RegionAsync(store, parse.GetValue(baseRegion)!, "--base", token).ConfigureAwait(false);
            if (region is not { } key)
            {
                e.WriteLine($"{problem} Import a region with planner import FOLDER --into WORKSPACE.");
                return ExitCodes.BadInput;
            }

            var created = new Scenario(scenario, key.Value, []);
            if (await store.GetScenarioAsync(created.Key, token).ConfigureAwait(false) is not null)
            {
                e.WriteLine($"name: scenario '{scenario}' of region '{key}' already exists in {store.Description}.");
                return ExitCodes.BadInput;
            }

            long version = await store.SaveScenarioAsync(created, null, token).ConfigureAwait(false);
            o.WriteLine($"created scenario '{scenario}' on region '{key}' (version {version})");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Edit()
    {
        var workspace = WorkspaceArgument();
        var name = new Argument<string>("name") { Description = "Scenario name." };
        var add = Multi("--add-station", "lon,lat[,name]: add an operating township station.", 1);
        var move = Multi("--move-station", "id lon,lat: move a station.", 2);
        var remove = Multi("--remove-station", "id: remove a station.", 1);
        var restaff = Multi("--restaff", "id N: set a station's social workers.", 2);
        var status = Multi("--status", "id S: set a station's status (planned, built, operating).", 2);
        var minutes = Multi("--minutes", "N: the service-circle limit in minutes.", 1);
        var mode = Multi("--mode", "M: travel mode (walk, ebike, drive).", 1);
        var speed = Multi("--speed-kmh", "X: base speed override in km/h.", 1);
        var scale = Multi("--scale-group", "g unit factor: scale group g in a unit (and the units under it) by factor.", 3);
        var addTeam = Multi("--add-team", "lon,lat,members,weekly_hours,skill;skill[,name]: add a volunteer team (all members active).", 1);
        var removeTeam = Multi("--remove-team", "id: remove a volunteer team.", 1);
        var editsFile = Multi("--edits", "FILE.json: append the edits in a JSON file (an array of edits, or one edit, as scenario JSON writes them).", 1);
        var expect = new Option<long?>("--expect-version") { Description = "Save only if the scenario is still at this version (from scenario list); else exit 3." };
        var region = RegionOption();
        var command = new Command("edit", "Append edits to a scenario, in command-line order; each is validated against the base region.") { workspace, name, region, expect };
        var edits = new[] { add, move, remove, restaff, status, minutes, mode, speed, scale, addTeam, removeTeam, editsFile };
        foreach (var option in edits)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, e, token) =>
        {
            string scenarioName = parse.GetValue(name)!;
            var (found, notFound) = await ScenarioLookup.ScenarioAsync(store, scenarioName, parse.GetValue(region), token).ConfigureAwait(false);
            var stored = found is { } k ? await store.GetScenarioAsync(k, token).ConfigureAwait(false) : null;
            if (found is not { } key || stored is null)
            {
                var problem = notFound ?? $"scenario '{scenarioName}' is not in {store.Description}.";
                e.WriteLine(problem.StartsWith("--", StringComparison.Ordinal) ? problem : $"name: {problem}");
                return ExitCodes.BadInput;
            }

            var baseRegion = await store.GetRegionAsync(key.Region.Value, token).ConfigureAwait(false);
            if (baseRegion is null)
            {
                e.WriteLine($"scenario '{scenarioName}': its base region '{key.Region}' is not in {store.Description}.");
                return ExitCodes.BadInput;
            }

            var problems = new List<string>();
            var scenario = stored.Value;
            var existing = ScenarioApplier.Validate(key.Region, baseRegion.Value, scenario).Count == 0 ? ScenarioApplier.Apply(key.Region, baseRegion.Value, scenario).Region : baseRegion.Value;
            int added = 0, addedTeams = 0;
            foreach (var (option, values) in InOrder(parse, edits))
            {
                if (option == "--edits")
                {
                    foreach (var fromFile in ReadEditsFile(values[0], problems))
                    {
                        scenario = scenario.With(fromFile);
                    }
                }
                else if (ParseEdit(option, values, existing, ref added, ref addedTeams, problems) is { } edit)
                {
                    scenario = scenario.With(edit);
                }
            }

            if (problems.Count == 0 && scenario.Edits.Length == stored.Value.Edits.Length && !parse.Tokens.Any(t => t.Type == TokenType.Option && edits.Any(x => x.Name == t.Value)))
            {
                problems.Add("edit: give at least one edit (--add-station, --move-station, --remove-station, --restaff, --status, --minutes, --mode, --speed-kmh, --scale-group, --add-team, --remove-team, --edits).");
            }

            problems.AddRange(ScenarioApplier.Validate(key.Region, baseRegion.Value, scenario));
            if (problems.Count > 0)
            {
                problems.ForEach(e.WriteLine);
                return ExitCodes.BadInput;
            }

            long expected = parse.GetValue(expect) ?? stored.Version;
            long version = await store.SaveScenarioAsync(scenario, expected, token).ConfigureAwait(false);
            for (int i = stored.Value.Edits.Length; i < scenario.Edits.Length; i++)
            {
                o.WriteLine($"edit {i + 1}: {ScenarioJson.Serialize(scenario.Edits[i])}");
            }

            o.WriteLine($"saved scenario '{scenarioName}' version {version} ({scenario.Edits.Length} edits)");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command RunCommand()
    {
        var workspace = WorkspaceArgument();
        var name = new Argument<string>("name") { Description = "Scenario name." };
        var format = new Option<string>("--format") { Description = "Output: text (a summary) or json (the coverage JSON of planner coverage).", DefaultValueFactory = _ => "text" };
        var region = RegionOption();
        var output = ResultOutput.OutOption();
        var command = new Command("run", "Apply a scenario's edits, compute its coverage and save the result in the workspace.") { workspace, name, region, format, output };
        command.SetAction((parse, ct) =>
        {
            string f = parse.GetValue(format) ?? "text";
            if (f is not ("text" or "json"))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--format: '{f}' is unknown; use text or json.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (ResultOutput.Problem("--out", parse.GetValue(output)) is { } unwritable)
            {
                parse.InvocationConfiguration.Error.WriteLine(unwritable);
                return Task.FromResult(ExitCodes.BadInput);
            }

            return Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, e, token) =>
            {
                var (report, problem) = await ComputeAsync(store, parse.GetValue(name)!, parse.GetValue(region), true, token).ConfigureAwait(false);
                if (report is null)
                {
                    e.WriteLine(problem);
                    return ExitCodes.BadInput;
                }

                ResultOutput.Write("--out", parse.GetValue(output), f == "json" ? CoverageWriters.ToJson(report) : Summary(parse.GetValue(name)!, report), o);
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Command Compare()
    {
        var workspace = WorkspaceArgument();
        var a = new Argument<string>("a") { Description = "First scenario." };
        var b = new Argument<string>("b") { Description = "Second scenario." };
        var format = new Option<string>("--format") { Description = "Output: text, json or csv.", DefaultValueFactory = _ => "text" };
        var region = RegionOption();
        var output = ResultOutput.OutOption();
        var command = new Command("compare", "Compare the coverage of two scenarios: per group and unit, stations whose catchment changed, new and closed gaps.") { workspace, a, b, region, format, output };
        command.SetAction((parse, ct) =>
        {
            string f = parse.GetValue(format) ?? "text";
            if (f is not ("text" or "json" or "csv"))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--format: '{f}' is unknown; use text, json or csv.");
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (ResultOutput.Problem("--out", parse.GetValue(output)) is { } unwritable)
            {
                parse.InvocationConfiguration.Error.WriteLine(unwritable);
                return Task.FromResult(ExitCodes.BadInput);
            }

            return Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, e, token) =>
            {
                string nameA = parse.GetValue(a)!, nameB = parse.GetValue(b)!;
                var (ra, pa) = await ComputeAsync(store, nameA, parse.GetValue(region), false, token).ConfigureAwait(false);
                var (rb, pb) = await ComputeAsync(store, nameB, parse.GetValue(region), false, token).ConfigureAwait(false);
                if (ra is null || rb is null)
                {
                    foreach (var p in new[] { pa, pb }.OfType<string>())
                    {
                        e.WriteLine(p);
                    }

                    return ExitCodes.BadInput;
                }

                var comparison = ScenarioComparison.Compare(nameA, ra, nameB, rb);
                string text = f switch
                {
                    "json" => JsonSerializer.Serialize(comparison, Json) + "\n",
                    "csv" => comparison.ToCsv(),
                    _ => CompareText(comparison),
                };
                if (parse.GetValue(output) is { } file)
                {
                    ResultOutput.Write("--out", file, text, o);
                }
                else
                {
                    o.Write(text);
                }
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Command List()
    {
        var workspace = WorkspaceArgument();
        var command = new Command("list", "List the regions and scenarios of a workspace with their versions.") { workspace };
        command.SetAction((parse, ct) => Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, _, token) =>
        {
            foreach (var r in await store.ListRegionHeadersAsync(token).ConfigureAwait(false))
            {
                o.WriteLine($"region   {r.Key}  v{r.Version}  {r.Title}{(r.Code.Length > 0 ? $" ({r.Code})" : string.Empty)}");
            }

            foreach (var s in await store.ListScenariosAsync(token).ConfigureAwait(false))
            {
                var scenario = await store.GetScenarioAsync(s.Key, token).ConfigureAwait(false);
                var result = await store.GetResultAsync(s.Key, "coverage", token).ConfigureAwait(false);
                o.WriteLine($"scenario {s.Key.Name}  v{s.Version}  base {s.Key.Region}  {scenario?.Value.Edits.Length ?? 0} edits{(result is null ? string.Empty : "  (coverage saved)")}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    /// <summary>Applies the scenario to its stored base region and computes coverage; saves it as result <c>coverage</c> when asked.</summary>
    private static async Task<(CoverageReport? Report, string? Problem)> ComputeAsync(IWorkspaceStore store, string name, string? regionText, bool save, CancellationToken token)
    {
        var (found, notFound) = await ScenarioLookup.ScenarioAsync(store, name, regionText, token).ConfigureAwait(false);
        var scenario = found is { } k ? await store.GetScenarioAsync(k, token).ConfigureAwait(false) : null;
        if (found is not { } key || scenario is null)
        {
            return (null, notFound ?? $"scenario '{name}' is not in {store.Description}.");
        }

        var region = await store.GetRegionAsync(key.Region.Value, token).ConfigureAwait(false);
        if (region is null)
        {
            return (null, $"scenario '{name}': its base region '{key.Region}' is not in {store.Description}.");
        }

        var plan = ScenarioRun.Plan(key.Region, region.Value, scenario.Value);
        var report = CoverageCommand.Compute(plan.Region, plan.Options);
        if (save)
        {
            var existing = await store.GetResultAsync(key, "coverage", token).ConfigureAwait(false);
            var circles = report.Stations.Where(s => s.Circle is not null)
                .Select(s => new ServiceCircleFeature(s.Id, report.Minutes, s.Circle!)).ToImmutableArray();
            await store.SaveResultAsync(new ScenarioResult(key, "coverage", CoverageWriters.ToJson(report), circles), existing?.Version, token).ConfigureAwait(false);
        }

        return (report, null);
    }

    private static string Summary(string name, CoverageReport report)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"scenario {name}: region {report.Region}, {report.Minutes:0.##} min {report.Mode} at {report.SpeedKmh:0.##} km/h ({report.Method}), {report.Stations.Count} counted stations"),
        };
        lines.AddRange(report.Groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"  {g.Key,-10} {g.Value.Covered,10:0} of {g.Value.Population,10:0} covered ({g.Value.Share:P1})")));
        lines.Add($"  {report.Gaps.Count} gaps; result saved as 'coverage'");
        return string.Join("\n", lines);
    }

    private static string CompareText(ScenarioComparison c)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{c.A} -> {c.B}\n");
        foreach (var g in c.Groups)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {g.Group,-10} {g.CoveredA,10:0} -> {g.CoveredB,10:0}  ({g.Change:+0;-0;0}, {g.ShareA:P1} -> {g.ShareB:P1})\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"units changed: {c.Units.Select(u => u.Code).Distinct().Count()}\n");
        foreach (var u in c.Units.Where(u => u.Level == "township"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {u.Code} {u.Name} {u.Group}: {u.CoveredA:0} -> {u.CoveredB:0} ({u.Change:+0;-0;0})\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"stations changed: {c.Stations.Count}\n");
        foreach (var s in c.Stations)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {s.Id} {s.Name} {s.Change}: total {s.CatchmentA.GetValueOrDefault(PopulationGroups.Total):0} -> {s.CatchmentB.GetValueOrDefault(PopulationGroups.Total):0}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"new gaps: {c.NewGaps.Count}, closed gaps: {c.ClosedGaps.Count}\n");
        foreach (var (gaps, label) in new[] { (c.NewGaps, "new"), (c.ClosedGaps, "closed") })
        {
            foreach (var g in gaps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {label} {g.Id} at {g.Centroid[0]:0.0000},{g.Centroid[1]:0.0000}: {g.Points} points, total {g.Groups.GetValueOrDefault(PopulationGroups.Total):0}\n");
            }
        }

        return sb.ToString();
    }

    private static Option Multi(string name, string description, int values) => values == 1
        ? new Option<string>(name) { Description = description }
        : new Option<string[]>(name)
        {
            Description = description,
            Arity = new ArgumentArity(values, values),
            AllowMultipleArgumentsPerToken = true,
        };

    /// <summary>The edit options given, in command-line order, each with its values.</summary>
    private static IEnumerable<(string Option, string[] Values)> InOrder(ParseResult parse, Option[] options)
    {
        var found = new List<(int Position, string Option, string[] Values)>();
        foreach (var option in options)
        {
            if (parse.GetResult(option) is { } result && result.Tokens.Count > 0)
            {
                int position = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.Option && t.Value == option.Name);
                found.Add((position, option.Name, [.. result.Tokens.Select(t => t.Value)]));
            }
        }

        return found.OrderBy(f => f.Position).Select(f => (f.Option, f.Values));
    }

    private static ScenarioEdit? ParseEdit(string option, string[] v, Region region, ref int added, ref int addedTeams, List<string> problems)
    {
        string? error = null;
        ScenarioEdit? edit = null;
        switch (option)
        {
            case "--add-station":
                var parts = v[0].Split(',', 3);
                if (parts.Length >= 2 && Number(parts[0]) is { } lon && Number(parts[1]) is { } lat)
                {
                    string id = NextId("new", ref added, candidate => region.Stations.Any(s => s.Id == candidate));
                    edit = new AddStationEdit(id, parts.Length > 2 ? parts[2] : id, lon, lat);
                }
                else
                {
                    error = $"'{v[0]}' is not lon,lat[,name]";
                }

                break;
            case "--move-station":
                var p = v[1].Split(',');
                edit = p.Length == 2 && Number(p[0]) is { } x && Number(p[1]) is { } y ? new MoveStationEdit(v[0], x, y) : null;
                error = edit is null ? $"'{v[1]}' is not lon,lat" : null;
                break;
            case "--remove-station":
                edit = new RemoveStationEdit(v[0]);
                break;
            case "--restaff":
                edit = int.TryParse(v[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? new RestaffStationEdit(v[0], n) : null;
                error = edit is null ? $"'{v[1]}' is not a whole number of social workers" : null;
                break;
            case "--status":
                edit = new ChangeStatusEdit(v[0], v[1]);
                break;
            case "--minutes":
                edit = Number(v[0]) is { } m ? new SetMinutesEdit(m) : null;
                error = edit is null ? $"'{v[0]}' is not a number of minutes" : null;
                break;
            case "--mode":
                edit = new SetModeEdit(v[0]);
                break;
            case "--speed-kmh":
                edit = Number(v[0]) is { } s ? new SetSpeedEdit(s) : null;
                error = edit is null ? $"'{v[0]}' is not a speed in km/h" : null;
                break;
            case "--scale-group":
                edit = Number(v[2]) is { } f ? new ScaleGroupEdit(v[0], v[1], f) : null;
                error = edit is null ? $"'{v[2]}' is not a factor" : null;
                break;
            case "--add-team":
                (edit, error) = ParseAddTeam(v[0], region, ref addedTeams);
                break;
            case "--remove-team":
                edit = new RemoveTeamEdit(v[0]);
                break;
        }

        if (error is not null)
        {
            problems.Add($"{option}: {error}");
        }

        return edit;
    }

    /// <summary>
    /// Parses <c>lon,lat,members,weekly_hours,skill;skill[,name]</c>. Every member counts as active: a team
    /// added in a what-if is one the planner means to recruit, not one with a history of attendance.
    /// </summary>
    private static (ScenarioEdit? Edit, string? Error) ParseAddTeam(string value, Region region, ref int added)
    {
        var t = value.Split(',', 6);
        if (t.Length < 5 || Number(t[0]) is not { } lon || Number(t[1]) is not { } lat)
        {
            return (null, $"'{value}' is not lon,lat,members,weekly_hours,skill;skill[,name]");
        }

        if (!int.TryParse(t[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int members))
        {
            return (null, $"'{t[2]}' is not a whole number of members");
        }

        if (Number(t[3]) is not { } hours)
        {
            return (null, $"'{t[3]}' is not a number of weekly hours");
        }

        var skills = t[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string id = NextId("team", ref added, candidate => region.Teams.Any(x => x.Id == candidate));
        return (new AddTeamEdit(id, t.Length > 5 ? t[5] : id, lon, lat, members, members, [.. skills], hours), null);
    }

    /// <summary>The next id <c>prefix-N</c> (counting on from <paramref name="counter"/>) that the region does not use.</summary>
    private static string NextId(string prefix, ref int counter, Func<string, bool> taken)
    {
        string id;
        do
        {
            id = $"{prefix}-{++counter}";
        }
        while (taken(id));
        return id;
    }

    /// <summary>Reads the edits of a JSON file: an array of edits or a single edit; problems name the file and the field.</summary>
    private static IReadOnlyList<ScenarioEdit> ReadEditsFile(string path, List<string> problems)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"--edits: {path}: {ex.Message}");
            return [];
        }

        // One reader for edit JSON at every edge (the API's bodies too): wrong kinds are problems naming their path.
        var (edits, readProblems) = ScenarioEditJson.Parse(json);
        problems.AddRange(readProblems.Select(p => $"--edits: {path}: {p.Path}: {p.Message}"));
        return readProblems.Count > 0 ? [] : edits;
    }

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : null;
}
