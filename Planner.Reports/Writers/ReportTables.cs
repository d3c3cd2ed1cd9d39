using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The printed tables of a report as text cells, shared by the Word, PDF and HTML writers so that they show
/// the same columns and the same rounding (<see cref="ReportNumbers"/>). Excel keeps numbers as numbers and
/// has its own columns (<see cref="XlsxReportWriter"/>).
/// </summary>
internal static class ReportTables
{
    public static IReadOnlyList<string> OverallHeader(ReportDocument r) =>
        [r.Text.Group, r.Text.Population, r.Text.Covered, r.Text.SharePercent, r.Text.Unreachable];

    public static IReadOnlyList<IReadOnlyList<string>> OverallRows(ReportDocument r) =>
        r.Groups.Select((g, i) => (IReadOnlyList<string>)[g.Label, ReportNumbers.People(r.Overall[i].Population),
            ReportNumbers.People(r.Overall[i].Covered), ReportNumbers.Percent(r.Overall[i].Share), ReportNumbers.People(r.Unreachable[i])]).ToList();

    /// <summary>Unit table header: name, total population, then one covered-share column per group.</summary>
    public static IReadOnlyList<string> UnitHeader(ReportDocument r, string nameHeader) =>
        [r.Text.Code, nameHeader, r.Text.Population, .. r.Groups.Select(g => r.Text.GroupHeader(g, r.Text.SharePercent))];

    public static IReadOnlyList<string> UnitCells(ReportDocument r, UnitRow u) =>
        [u.Code, u.Name, ReportNumbers.People(u.Figures[0].Population), .. u.Figures.Select(f => ReportNumbers.Percent(f.Share))];

    public static IReadOnlyList<string> StationHeader(ReportDocument r) =>
        [r.Text.Name, r.Text.Level, r.Text.Status, r.Text.Township, r.Text.SocialWorkers, .. r.Groups.Select(g => r.Text.GroupHeader(g, r.Text.Catchment)), r.Text.AreaKm2];

    public static IReadOnlyList<string> StationCells(ReportDocument r, StationRow s) =>
        [s.Name, s.LevelLabel, s.StatusLabel, s.TownshipName, s.SocialWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. s.Catchment.Select(ReportNumbers.People), ReportNumbers.Number(s.AreaKm2)];

    public static IReadOnlyList<string> GapHeader(ReportDocument r) =>
        [r.Text.Village, r.Text.Township, .. r.Groups.Select(g => r.Text.GroupHeader(g, r.Text.People)), r.Text.NearestStation, r.Text.DistanceMeters];

    public static IReadOnlyList<string> GapCells(ReportDocument r, GapRow g) =>
        [g.VillageName, g.TownshipName, .. g.People.Select(ReportNumbers.People), g.NearestStationName,
            g.NearestStationMeters is { } m ? ReportNumbers.People(m) : "–"];

    public static IReadOnlyList<string> CheckHeader(ReportDocument r) =>
        [r.Text.Rule, r.Text.Subject, r.Text.Measured, r.Text.Required, r.Text.Result];

    public static IReadOnlyList<string> CheckCells(ReportDocument r, CheckRow c) =>
        [c.RuleText, c.SubjectName, ReportNumbers.Measured(c.Measured), $"{c.Comparison} {ReportNumbers.Measured(c.Required)}", c.Passed ? r.Text.Pass : r.Text.Fail];

    public static IReadOnlyList<string> SourceHeader(ReportDocument r) => [r.Text.Layer, r.Text.Name, r.Text.Licence, r.Text.Modelled];

    public static IReadOnlyList<IReadOnlyList<string>> SourceRows(ReportDocument r) =>
        r.Sources.Select(s => (IReadOnlyList<string>)[s.Layer, s.Name, s.Licence, r.Text.Term(s.Modelled ? "yes" : "no")]).ToList();

    /// <summary>Comparison per group: group, base share, scenario share, change in points.</summary>
    public static IReadOnlyList<string> ComparisonGroupHeader(ReportDocument r)
    {
        var w = ComparisonText.For(r.Text.Language);
        return [r.Text.Group, w.Base, w.InScenario, w.ChangePoints];
    }

    public static IReadOnlyList<IReadOnlyList<string>> ComparisonGroupRows(ReportDocument r, ReportComparison c) =>
        r.Groups.Select((g, i) => (IReadOnlyList<string>)[g.Label, ReportNumbers.Percent(c.Groups[i].Base), ReportNumbers.Percent(c.Groups[i].Scenario), ReportNumbers.Points(c.Groups[i].Change)]).ToList();

    /// <summary>Comparison per unit: code, name, then base, scenario and change per group.</summary>
    public static IReadOnlyList<string> ComparisonUnitHeader(ReportDocument r)
    {
        var w = ComparisonText.For(r.Text.Language);
        return [r.Text.Code, r.Text.Name, .. r.Groups.SelectMany(g => new[] { r.Text.GroupHeader(g, w.Base), r.Text.GroupHeader(g, w.InScenario), r.Text.GroupHeader(g, w.ChangePoints) })];
    }

    public static IReadOnlyList<string> ComparisonUnitCells(UnitChange u) =>
        [u.Code, u.Name, .. u.Shares.SelectMany(s => new[] { ReportNumbers.Percent(s.Base), ReportNumbers.Percent(s.Scenario), ReportNumbers.Points(s.Change) })];

    public static IReadOnlyList<string> StationChangeHeader(ReportDocument r)
    {
        var w = ComparisonText.For(r.Text.Language);
        return ["ID", r.Text.Name, w.Change, w.MovedMeters];
    }

    public static IReadOnlyList<IReadOnlyList<string>> StationChangeRows(ReportComparison c) =>
        c.Stations.Select(s => (IReadOnlyList<string>)[s.Id, s.Name, s.KindLabel, s.Kind == StationChangeKind.Moved ? ReportNumbers.People(s.MovedMeters) : "–"]).ToList();

    /// <summary>The scenario row of the title block, when the report is of a scenario.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ScenarioRow(ReportDocument r) =>
        r.ScenarioName is { } name ? [[ComparisonText.For(r.Text.Language).Scenario, name]] : [];

    /// <summary>Travel-time table: bin, people, share of the group's people.</summary>
    public static IReadOnlyList<string> MinutesHeader(ReportDocument r)
    {
        var w = MinutesText.For(r.Text.Language);
        return [w.Range, w.People, w.Share];
    }

    public static IReadOnlyList<IReadOnlyList<string>> MinutesRows(ReportDocument r, MinutesHistogram h)
    {
        var w = MinutesText.For(r.Text.Language);
        double all = h.People;
        string Share(double people) => ReportNumbers.Percent(all > 0 ? people / all : 0);
        return
        [
            .. h.Bins.Select(b => (IReadOnlyList<string>)[MinutesText.Label(b), ReportNumbers.People(b.People), Share(b.People)]),
            [w.NoStation, ReportNumbers.People(h.NoStation), Share(h.NoStation)],
        ];
    }
}
