using System.CommandLine;
using System.Globalization;
using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.Standards;
using Planner.Reports;
using Planner.Reports.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner report &lt;region-folder|workspace&gt; [--scenario S [--compare]] --format docx|pdf|xlsx|gpkg|shp|html --lang zh|en --out F
/// [--circle ID] [--no-cap] [--minutes M] [--mode walk|ebike|drive] [--speed-kmh X] [--include-planned]</c>: the coverage
/// report that officials hand in, for the same life circle as <c>planner coverage</c> with the same arguments (it names
/// the circle and its cap), with the standards checks of the rule set beside the region folder (or <c>--rules</c>), in
/// Chinese unless English is asked for; of a saved scenario in a workspace, and compared with its base, through
/// <see cref="ScenarioReport"/>.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var region = new Argument<string>("region") { Description = "Region folder (e.g. data/guixi), or with --scenario a workspace (.gpkg or PostgreSQL connection string)." };
        var format = new Option<string>("--format") { Description = "docx, pdf, xlsx, gpkg, shp (a zip of Shapefile sets) or html.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong([.. ReportFormat.All.Select(f => f.Name)]);
        var lang = new Option<string>("--lang") { Description = "zh (简体中文, default) or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rule set JSON (default: standards/default.json beside the region folder, when there is one)." };
        var circle = new Option<string?>("--circle") { Description = "Life circle by id (data/standards/circles.json); gb50180-15min by default, as planner coverage." };
        var noCap = new Option<bool>("--no-cap") { Description = "Lift the circle's network-distance cap (time alone decides)." };
        var minutes = new Option<double?>("--minutes") { Description = "Ad-hoc circle: limit in minutes (the region's when only --mode or --speed-kmh is given)." };
        var mode = new Option<string?>("--mode") { Description = "Ad-hoc circle: travel mode walk, ebike or drive (the region's when only --minutes or --speed-kmh is given)." };
        var speed = new Option<double?>("--speed-kmh") { Description = "Ad-hoc circle: override the mode's base speed in km/h." };
        var planned = new Option<bool>("--include-planned") { Description = "Count planned and built stations as well as operating ones." };
        var dataDate = new Option<string?>("--data-date") { Description = "The date the region's data describe, YYYY-MM-DD (shown on the title page)." };
        var scenario = new Option<string?>("--scenario") { Description = "Report a saved scenario of the workspace (its edits applied to the stored base region)." };
        var compare = new Option<bool>("--compare") { Description = "With --scenario: add the comparison with the base region (share per group and unit, stations added, moved, removed)." };
        var command = new Command("report", "Write the coverage report as Word, PDF, Excel, GeoPackage, zipped Shapefile or HTML; exit 2 on bad input.");
        command.Arguments.Add(region);
        command.Options.Add(format);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.Options.Add(rules);
        command.Options.Add(circle);
        command.Options.Add(noCap);
        command.Options.Add(minutes);
        command.Options.Add(mode);
        command.Options.Add(speed);
        command.Options.Add(planned);
        command.Options.Add(dataDate);
        command.Options.Add(scenario);
        command.Options.Add(compare);
        command.SetAction((parse, ct) =>
        {
            var request = new ReportRequest(
                parse.GetValue(region)!, parse.GetValue(format)!, parse.GetValue(lang)!, parse.GetValue(output)!, parse.GetValue(rules),
                parse.GetValue(minutes), parse.GetValue(mode), parse.GetValue(dataDate))
            {
                Circle = parse.GetValue(circle), NoCap = parse.GetValue(noCap), SpeedKmh = parse.GetValue(speed), IncludePlanned = parse.GetValue(planned),
            };
            string? name = parse.GetValue(scenario);
            bool comparing = parse.GetValue(compare);
            if (name is null && !comparing)
            {
                return Task.FromResult(Run(request, Console.Out, Console.Error));
            }

            var problems = ScenarioReport.Problems(request, name, comparing);
            return problems.Count > 0
                ? Task.FromResult(Fail(problems, parse.InvocationConfiguration.Error))
                : Workspace.RunAsync(parse, request.Region, (store, o, e, token) => ScenarioReport.RunAsync(store, request, name!, comparing, o, e, token), ct);
        });
        return command;
    }

    /// <summary>Writes the report; 0 when written, 2 on bad input (one line per problem).</summary>
    public static int Run(ReportRequest request, TextWriter output, TextWriter errors)
    {
        var problems = new List<string>();
        var format = ReportFormat.Find(request.Format);
        if (format is null)
        {
            problems.Add($"--format: '{request.Format}' is not a report format; use one of {string.Join(", ", ReportFormat.All.Select(f => f.Name))}.");
        }

        if (request.Lang is not ("zh" or "en"))
        {
            problems.Add($"--lang: '{request.Lang}' is not a report language; use zh or en.");
        }

        DateOnly? dataDate = null;
        if (request.DataDate is { Length: > 0 } d)
        {
            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dataDate = parsed;
            }
            else
            {
                problems.Add($"--data-date: '{d}' is not a date; write it as YYYY-MM-DD.");
            }
        }

        if (request.Out.Directory is { Exists: false } dir)
        {
            problems.Add($"--out: folder '{dir.FullName}' does not exist.");
        }

        var (region, loadProblems) = RegionLoading.Load(request.Region);
        problems.AddRange(loadProblems);
        if (problems.Count > 0 || region is null || format is null)
        {
            return Fail(problems, errors);
        }

        var rulesPath = request.Rules?.FullName ?? Path.Combine(request.Region, "..", "standards", "default.json");
        RuleSet? ruleSet = null;
        if (request.Rules is not null && !request.Rules.Exists)
        {
            return Fail([$"--rules: rule set '{request.Rules.FullName}' does not exist."], errors);
        }

        if (File.Exists(rulesPath))
        {
            try
            {
                ruleSet = RuleSet.Load(rulesPath);
            }
            catch (InvalidDataException ex)
            {
                return Fail([$"--rules: {ex.Message}"], errors);
            }

            if (ruleSet.GroupProblems(region.Groups, Path.GetFileName(rulesPath)) is { Count: > 0 } groupProblems)
            {
                return Fail(groupProblems.Select(p => $"--rules: {p}"), errors);
            }
        }

        // The same circle as `planner coverage` with the same arguments (CircleChoice): the region's default (else the
        // standard's) unless a circle is named or minutes, mode or speed define an ad-hoc one.
        var asked = new CoverageOptions
        {
            Minutes = request.Minutes ?? region.Info.DefaultMinutes,
            Mode = request.Mode ?? region.Info.DefaultMode,
            SpeedKmh = request.SpeedKmh,
            IncludePlanned = request.IncludePlanned,
            BuildCircles = true, // circle areas are in every format's station table, and the GIS formats carry the circles
        };
        bool adHoc = request.Minutes is not null || request.Mode is not null || request.SpeedKmh is not null;
        var (runs, circleProblems) = CircleChoice.Resolve(region.Info, asked, LifeCircleCatalog.Builtin(), request.Circle is { } id ? [id] : [], adHoc, request.NoCap,
            "--circle", "--minutes/--mode/--speed-kmh");
        if (circleProblems.Count > 0)
        {
            return Fail(circleProblems, errors);
        }

        var options = runs[0];
        var optionProblems = options.Problems();
        if (optionProblems.Count > 0)
        {
            return Fail(optionProblems.Select(p => $"--minutes/--mode/--speed-kmh: {p}"), errors);
        }

        var coverage = CoverageCalculator.Compute(region, options);
        var checks = ruleSet is null
            ? []
            : StandardsChecker.Check(region, ruleSet, coverage.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered))).ToList());
        var report = ReportBuilder.Build(region, coverage, checks, new ReportOptions
        {
            Language = request.Lang == "en" ? ReportLanguage.English : ReportLanguage.Chinese,
            DataDate = dataDate,
            RuleSetName = ruleSet?.Name,
        });
        using (var file = File.Create(request.Out.FullName))
        {
            ReportRenderer.Write(report, format, file);
        }

        output.WriteLine($"{request.Out.FullName}: {report.Title} ({format.Name}, {new FileInfo(request.Out.FullName).Length.ToString("#,0", CultureInfo.InvariantCulture)} bytes)");
        return ExitCodes.Ok;
    }

    private static int Fail(IEnumerable<string> problems, TextWriter errors)
    {
        foreach (var p in problems)
        {
            errors.WriteLine(p);
        }

        return ExitCodes.BadInput;
    }
}

/// <summary>What <c>planner report</c> was asked for, as typed; minutes, mode and speed make an ad-hoc circle.</summary>
internal sealed record ReportRequest(string Region, string Format, string Lang, FileInfo Out, FileInfo? Rules, double? Minutes, string? Mode, string? DataDate)
{
    /// <summary>The life circle's id (<c>--circle</c>), or null for the default (or the ad-hoc circle).</summary>
    public string? Circle { get; init; }

    /// <summary>Lifts the circle's distance cap (<c>--no-cap</c>).</summary>
    public bool NoCap { get; init; }

    /// <summary>Base speed override in km/h (<c>--speed-kmh</c>).</summary>
    public double? SpeedKmh { get; init; }

    /// <summary>Counts planned and built stations too (<c>--include-planned</c>).</summary>
    public bool IncludePlanned { get; init; }
}
