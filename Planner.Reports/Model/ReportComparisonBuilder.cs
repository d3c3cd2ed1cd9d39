using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Scenarios;

namespace Planner.Reports.Model;

/// <summary>
/// Sets a scenario's report against its base: the region-wide shares come from the core's
/// <see cref="ScenarioComparison"/> (the one comparison the CLI and the API make), the unit shares from the two
/// runs unit by unit, and the stations added, moved and removed from the two regions' station lists (a station
/// whose place differs is moved, however little).
/// </summary>
public static class ReportComparisonBuilder
{
    /// <summary>The scenario's report with its comparison section and a sentence on it in the summary.</summary>
    /// <param name="scenarioReport">The report of the scenario's run (<see cref="ReportBuilder.Build"/>).</param>
    /// <param name="baseRegion">The base region as it is.</param>
    /// <param name="baseCoverage">The base region's run.</param>
    /// <param name="scenarioRegion">The region with the scenario's edits applied.</param>
    /// <param name="scenarioCoverage">The scenario's run (the one <paramref name="scenarioReport"/> was built from).</param>
    public static ReportDocument Compare(ReportDocument scenarioReport, Region baseRegion, CoverageReport baseCoverage, Region scenarioRegion, CoverageReport scenarioCoverage)
    {
        ArgumentNullException.ThrowIfNull(scenarioReport);
        ArgumentNullException.ThrowIfNull(baseRegion);
        ArgumentNullException.ThrowIfNull(baseCoverage);
        ArgumentNullException.ThrowIfNull(scenarioRegion);
        ArgumentNullException.ThrowIfNull(scenarioCoverage);
        var words = ComparisonText.For(scenarioReport.Text.Language);
        var name = scenarioReport.ScenarioName ?? scenarioCoverage.Region;
        var core = ScenarioComparison.Compare(words.BaseName, baseCoverage, name, scenarioCoverage);
        var byGroup = core.Groups.ToDictionary(g => g.Group, StringComparer.Ordinal);
        var groups = scenarioReport.Groups.Select(g => byGroup.TryGetValue(g.Key, out var d) ? new ShareChange(d.ShareA, d.ShareB) : new ShareChange(0, 0)).ToList();

        var baseUnits = baseCoverage.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var units = scenarioCoverage.Units.Where(u => u.Level is "township" or "village" && baseUnits.ContainsKey(u.Code))
            .OrderBy(u => u.Level == "township" ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnitChange(u.Code, u.Name, u.Level, scenarioReport.Groups.Select(g => new ShareChange(
                baseUnits[u.Code].Groups.GetValueOrDefault(g.Key)?.Share ?? 0, u.Groups.GetValueOrDefault(g.Key)?.Share ?? 0)).ToList()))
            .ToList();

        var comparison = new ReportComparison(words.BaseName, name, groups, units, Stations(baseRegion, scenarioRegion, words));
        var withComparison = scenarioReport with { Comparison = comparison };
        return withComparison with { Summary = [.. scenarioReport.Summary, ReportSummary.Comparison(withComparison)] };
    }

    private static List<StationChange> Stations(Region baseRegion, Region scenarioRegion, ComparisonText words)
    {
        var before = baseRegion.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var after = scenarioRegion.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var changes = new List<StationChange>();
        foreach (var s in scenarioRegion.Stations)
        {
            if (!before.TryGetValue(s.Id, out var old))
            {
                changes.Add(new StationChange(s.Id, s.Name, StationChangeKind.Added, words.Added, 0));
            }
            else if (old.Location != s.Location)
            {
                var metres = ReportBuilder.GreatCircleMeters(old.Location.Lon, old.Location.Lat, s.Location.Lon, s.Location.Lat);
                changes.Add(new StationChange(s.Id, s.Name, StationChangeKind.Moved, words.Moved, metres));
            }
        }

        changes.AddRange(baseRegion.Stations.Where(s => !after.ContainsKey(s.Id)).Select(s => new StationChange(s.Id, s.Name, StationChangeKind.Removed, words.Removed, 0)));
        return [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }
}
