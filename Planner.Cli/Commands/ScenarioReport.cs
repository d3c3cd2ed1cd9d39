using System.Globalization;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Scenarios;
using Planner.Core.Standards;
using Planner.Reports;
using Planner.Reports.Model;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner report WORKSPACE --scenario S [--compare]</c>: the report of a saved scenario (its edits applied to
/// the stored base region, run with the travel parameters the edits leave, as <c>planner scenario run</c> does), and
/// with <c>--compare</c> its comparison with the base region as it is: covered share per group and unit in both,
/// and the stations the scenario adds, moves and removes.
/// </summary>
internal static class ScenarioReport
{
    /// <summary>Problems with what was asked for, before the workspace is opened (one line each).</summary>
    public static List<string> Problems(ReportRequest request, string? scenario, bool compare)
    {
        var problems = new List<string>();
        if (compare && string.IsNullOrWhiteSpace(scenario))
        {
            problems.Add("--compare: compares a scenario with its base; give the scenario with --scenario S.");
        }

        if (scenario is not null && string.IsNullOrWhiteSpace(scenario))
        {
            problems.Add("--scenario: give a scenario name.");
        }

        if (ReportFormat.Find(request.Format) is null)
        {
            problems.Add($"--format: '{request.Format}' is not a report format; use one of {string.Join(", ", ReportFormat.All.Select(f => f.Name))}.");
        }

        if (request.Lang is not ("zh" or "en"))
        {
            problems.Add($"--lang: '{request.Lang}' is not a report language; use zh or en.");
        }

        if (request.DataDate is { Length: > 0 } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"--data-date: '{d}' is not a date; write it as YYYY-MM-DD.");
        }

        if (request.Out.Directory is { Exists: false } dir)
        {
            problems.Add($"--out: folder '{dir.FullName}' does not exist.");
        }

        if (request.Rules is { Exists: false } rules)
        {
            problems.Add($"--rules: rule set '{rules.FullName}' does not exist.");
        }

        if (request.Minutes is not null || request.Mode is not null)
        {
            problems.Add("--minutes/--mode: a scenario runs with its own travel parameters; change them with planner scenario edit --minutes/--mode.");
        }

        return problems;
    }

    /// <summary>Writes the scenario's report from the open workspace; 0 when written, 2 on bad input.</summary>
    public static async Task<int> RunAsync(IWorkspaceStore store, ReportRequest request, string scenarioName, bool compare, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var (found, notFound) = await ScenarioLookup.ScenarioAsync(store, scenarioName, null, cancellationToken).ConfigureAwait(false);
        var stored = found is { } k ? await store.GetScenarioAsync(k, cancellationToken).ConfigureAwait(false) : null;
        if (found is not { } key || stored is null)
        {
            errors.WriteLine($"--scenario: {notFound ?? $"scenario '{scenarioName}' is not in {store.Description}."}");
            return ExitCodes.BadInput;
        }

        var baseRegion = (await store.GetRegionAsync(key.Region.Value, cancellationToken).ConfigureAwait(false))?.Value;
        if (baseRegion is null)
        {
            errors.WriteLine($"--scenario: scenario '{scenarioName}': its base region '{key.Region}' is not in {store.Description}.");
            return ExitCodes.BadInput;
        }

        var ruleSet = LoadRules(request, out var ruleProblem);
        if (ruleProblem is not null)
        {
            errors.WriteLine(ruleProblem);
            return ExitCodes.BadInput;
        }

        var plan = ScenarioRun.Plan(key.Region, baseRegion, stored.Value);
        var coverage = CoverageCommand.Compute(plan.Region, plan.Options with { BuildCircles = true });
        var format = ReportFormat.Find(request.Format)!;
        var report = ReportBuilder.Build(plan.Region, coverage, Checks(plan.Region, ruleSet, coverage), new ReportOptions
        {
            Language = request.Lang == "en" ? ReportLanguage.English : ReportLanguage.Chinese,
            DataDate = request.DataDate is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            RuleSetName = ruleSet?.Name,
            ScenarioName = scenarioName,
        });
        if (compare)
        {
            // The base as it is: the same plan with no edits, so its minutes and mode are the region's own.
            var basePlan = ScenarioRun.Plan(key.Region, baseRegion, new Scenario(scenarioName, key.Region.Value, []));
            var baseCoverage = CoverageCommand.Compute(basePlan.Region, basePlan.Options);
            report = ReportComparisonBuilder.Compare(report, basePlan.Region, baseCoverage, plan.Region, coverage);
        }

        using (var file = File.Create(request.Out.FullName))
        {
            ReportRenderer.Write(report, format, file);
        }

        output.WriteLine($"{request.Out.FullName}: {report.Title} ({format.Name}, {new FileInfo(request.Out.FullName).Length.ToString("#,0", CultureInfo.InvariantCulture)} bytes)");
        return ExitCodes.Ok;
    }

    /// <summary>The rule set: <c>--rules</c>, else standards/default.json beside a workspace file, else none.</summary>
    private static RuleSet? LoadRules(ReportRequest request, out string? problem)
    {
        problem = null;
        var path = request.Rules?.FullName;
        if (path is null && File.Exists(request.Region))
        {
            path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.Region))!, "standards", "default.json");
        }

        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return RuleSet.Load(path);
        }
        catch (InvalidDataException ex)
        {
            problem = $"--rules: {ex.Message}";
            return null;
        }
    }

    private static IReadOnlyList<StandardCheck> Checks(Region region, RuleSet? ruleSet, CoverageReport coverage) => ruleSet is null
        ? []
        : StandardsChecker.Check(region, ruleSet, coverage.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered))).ToList());
}
