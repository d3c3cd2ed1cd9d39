using System.CommandLine;
using System.Globalization;
using Planner.Core.Coverage;
using Planner.Core.Standards;
using Planner.Reports;
using Planner.Reports.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner report &lt;region-folder|workspace&gt; [--scenario S [--compare]] --format docx|pdf|xlsx|gpkg|shp|html --lang zh|en --out F</c>: the
/// coverage report that officials hand in, with the standards checks of the rule set beside the region folder
/// (or <c>--rules</c>), in Chinese unless English is asked for; of a saved scenario in a workspace, and compared
/// with its base, through <see cref="ScenarioReport"/>.
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
        var minutes = new Option<double?>("--minutes") { Description = "Service-circle limit in minutes (default: the region's)." };
        var mode = new Option<string?>("--mode") { Description = "Travel mode: walk, ebike or drive (default: the region's)." };
        var dataDate = new Option<string?>("--data-date") { Description = "The date the region's data describe, YYYY-MM-DD (shown on the title page)." };
        var scenario = new Option<string?>("--scenario") { Description = "Report a saved scenario of the workspace (its edits applied to the stored base region)." };
        var compare = new Option<bool>("--compare") { Description = "With --scenario: add the comparison with the base region (share per group and unit, stations added, moved, removed)." };
        var command = new Command("report", "Write the coverage report as Word, PDF, Excel, GeoPackage, zipped Shapefile or HTML; exit 2 on bad input.");
        command.Arguments.Add(region);
        command.Options.Add(format);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.Options.Add(rules);
        command.Options.Add(minutes);
        command.Options.Add(mode);
        command.Options.Add(dataDate);
        command.Options.Add(scenario);
        command.Options.Add(compare);
        command.SetAction((parse, ct) =>
        {
            var request = new ReportRequest(
                parse.GetValue(region)!, parse.GetValue(format)!, parse.GetValue(lang)!, parse.GetValue(output)!, parse.GetValue(rules),
                parse.GetValue(minutes), parse.GetValue(mode), parse.GetValue(dataDate));
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
        }

        var options = new CoverageOptions
        {
            Minutes = request.Minutes ?? region.Info.DefaultMinutes,
            Mode = request.Mode ?? region.Info.DefaultMode,
            BuildCircles = true, // circle areas are in every format's station table, and the GIS formats carry the circles
        };
        var optionProblems = options.Problems();
        if (optionProblems.Count > 0)
        {
            return Fail(optionProblems.Select(p => $"--minutes/--mode: {p}"), errors);
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

/// <summary>What <c>planner report</c> was asked for, as typed.</summary>
internal sealed record ReportRequest(string Region, string Format, string Lang, FileInfo Out, FileInfo? Rules, double? Minutes, string? Mode, string? DataDate);
