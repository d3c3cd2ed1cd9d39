using System.Globalization;
using System.Net;
using System.Text;
using Planner.Api.Coverage;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Api.Reports;

/// <summary>
/// The printable coverage report: parameters, an SVG map, tables by group, unit, station and gap, the
/// standards checks, sources and method, in English or Chinese. Everything is inline (no external assets).
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:13px/1.45 "Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;width:100%;margin:.4em 0}th,td{padding:3px 6px;border-bottom:1px solid #e2e2e2;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.fail{color:#b30000;font-weight:bold}.pass{color:#2a7a2a}
        svg.map{width:100%;height:auto;border:1px solid #ccc;background:#fff}.legend span{display:inline-block;margin-right:1.2em}
        .sw{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px;border:1px solid #888}
        @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}
        """;

    /// <summary>Renders the report.</summary>
    /// <param name="result">The coverage result (for the region, parameters and rule set name).</param>
    /// <param name="report">The report to show (the whole region's or one unit's).</param>
    /// <param name="checks">The checks to show.</param>
    /// <param name="scope">Name of the unit (or units) the report is narrowed to, or null for the region.</param>
    /// <param name="chinese">Chinese labels.</param>
    public static string Render(CoverageResult result, CoverageReport report, IReadOnlyList<StandardCheck> checks, string? scope, bool chinese)
    {
        var l = chinese ? ReportLabels.Chinese : ReportLabels.English;
        var region = result.Region.Region;
        var title = $"{l.Title}: {region.Info.Name}{(scope is null ? string.Empty : " / " + scope)}";
        var codes = report.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var mapUnits = region.Units.Where(u => codes.Contains(u.Code) && u.Level != AdminLevel.Grid).ToList();
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{l.Lang}\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head><body>");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1><p>{E(l.Generated)}: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC</p>");
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.Parameters)}</h2><table><tr><th>{E(l.Minutes)}</th><td class=\"n\">{N(report.Minutes)}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(l.Mode)}</th><td>{E(l.Term(report.Mode))}</td></tr><tr><th>{E(l.Speed)}</th><td class=\"n\">{N(report.SpeedKmh)}</td></tr>");
        h.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(l.Method)}</th><td>{E(l.Term(report.Method))}</td></tr>");
        bool zh = l.Lang == "zh";
        string circle = report.CircleTitle.Length == 0 ? report.Circle : $"{report.Circle} ({report.CircleTitle})";
        string cap = report.CapMeters is { } m ? N(m) : zh ? "无" : "none";
        h.Append(CultureInfo.InvariantCulture, $"<tr><th>{(zh ? "生活圈" : "Life circle")}</th><td>{E(circle)}</td></tr><tr><th>{(zh ? "路网距离上限（米）" : "Network distance cap (m)")}</th><td class=\"n\">{E(cap)}</td></tr></table>");

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.Map)}</h2>").Append(SvgMap.Render(region, mapUnits, report, title));
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"legend\">{E(l.Legend)}: <span><i class=\"sw\" style=\"background:#f4f1ea\"></i>{E(l.Units)}</span><span><i class=\"sw\" style=\"background:#9ecae1\"></i>{E(l.Circles)}</span><span><i class=\"sw\" style=\"background:#f1a08f\"></i>{E(l.Gaps)}</span><span><i class=\"sw\" style=\"background:#08519c;border-radius:6px\"></i>{E(l.Stations)}</span></p>");

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.ByGroup)}</h2><table class=\"groups\"><tr><th>{E(l.Group)}</th><th>{E(l.Population)}</th><th>{E(l.Covered)}</th><th>{E(l.Share)}</th><th>{E(l.Unreachable)}</th></tr>");
        foreach (var (g, c) in report.Groups)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(l.Term(g))}</td><td class=\"n\">{N(c.Population)}</td><td class=\"n\">{N(c.Covered)}</td><td class=\"n\">{P(c.Share)}</td><td class=\"n\">{N(report.Unreachable.GetValueOrDefault(g))}</td></tr>");
        }

        h.Append("</table>");
        UnitTable(h, l, report);
        StationTable(h, l, report);
        GapTable(h, l, report);
        CheckTable(h, l, checks, result.RuleSetName);

        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.Sources)}</h2><table class=\"sources\"><tr><th>{E(l.Layer)}</th><th>{E(l.Name)}</th><th>{E(l.Licence)}</th><th>{E(l.Modelled)}</th></tr>");
        foreach (var s in region.Info.Sources)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Layer)}</td><td>{E(s.Name)}{(s.Note.Length > 0 ? " — " + E(s.Note) : string.Empty)}</td><td>{E(s.Licence)}</td><td>{(s.Modelled ? "✓" : string.Empty)}</td></tr>");
        }

        h.Append(CultureInfo.InvariantCulture, $"</table><h2>{E(l.Method)}</h2><p class=\"method\">{E(l.MethodText)}</p></body></html>");
        return h.ToString();
    }

    private static void UnitTable(StringBuilder h, ReportLabels l, CoverageReport report)
    {
        var groups = report.Groups.Keys.ToList();
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.ByUnit)}</h2><table class=\"units\"><tr><th>{E(l.Unit)}</th><th>{E(l.Level)}</th><th>{E(l.Population)}</th>");
        foreach (var g in groups)
        {
            h.Append(CultureInfo.InvariantCulture, $"<th>{E(l.Share)} ({E(l.Term(g))})</th>");
        }

        h.Append(CultureInfo.InvariantCulture, $"<th>{E(l.Accessibility)}</th></tr>");
        foreach (var u in report.Units.Where(u => u.Level != "grid"))
        {
            var total = u.Groups.TryGetValue(PopulationGroups.Total, out var t) ? t.Population : u.Groups.Values.FirstOrDefault()?.Population ?? 0;
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(u.Name)} <small>{E(u.Code)}</small></td><td>{E(l.Term(u.Level))}</td><td class=\"n\">{N(total)}</td>");
            foreach (var g in groups)
            {
                h.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(u.Groups.TryGetValue(g, out var c) ? P(c.Share) : string.Empty)}</td>");
            }

            h.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{u.Accessibility.ToString("0.###", CultureInfo.InvariantCulture)}</td></tr>");
        }

        h.Append("</table>");
    }

    private static void StationTable(StringBuilder h, ReportLabels l, CoverageReport report)
    {
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.StationsTable)}</h2><table class=\"stations\"><tr><th>{E(l.Name)}</th><th>{E(l.Status)}</th><th>{E(l.SocialWorkers)}</th><th>{E(l.Catchment)}</th><th>{E(l.Area)}</th></tr>");
        foreach (var s in report.Stations)
        {
            var people = s.Catchment.TryGetValue(PopulationGroups.Total, out var t) ? t : s.Catchment.Values.FirstOrDefault();
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Name)}</td><td>{E(l.Term(s.Status))}</td><td class=\"n\">{s.SocialWorkers}</td><td class=\"n\">{N(people)}</td><td class=\"n\">{s.AreaKm2.ToString("0.##", CultureInfo.InvariantCulture)}</td></tr>");
        }

        h.Append("</table>");
    }

    private static void GapTable(StringBuilder h, ReportLabels l, CoverageReport report)
    {
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.GapsTable)}</h2><table class=\"gaps\"><tr><th>{E(l.Gaps)}</th><th>{E(l.Points)}</th><th>{E(l.Population)}</th><th>[lon, lat]</th></tr>");
        foreach (var g in report.Gaps.Take(50))
        {
            var people = g.Groups.TryGetValue(PopulationGroups.Total, out var t) ? t : g.Groups.Values.FirstOrDefault();
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(g.Id)}</td><td class=\"n\">{g.Points}</td><td class=\"n\">{N(people)}</td><td>{g.Centroid[0]:0.#####}, {g.Centroid[1]:0.#####}</td></tr>");
        }

        h.Append("</table>");
    }

    private static void CheckTable(StringBuilder h, ReportLabels l, IReadOnlyList<StandardCheck> checks, string? ruleSet)
    {
        h.Append(CultureInfo.InvariantCulture, $"<h2>{E(l.Standards)}</h2>");
        if (ruleSet is null)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p>{E(l.NoRules)}</p>");
            return;
        }

        h.Append(CultureInfo.InvariantCulture, $"<p>{E(ruleSet)}: {checks.Count(c => c.Passed)} {E(l.Pass)}, {checks.Count(c => !c.Passed)} {E(l.Fail)}</p>");
        h.Append(CultureInfo.InvariantCulture, $"<table class=\"checks\"><tr><th>{E(l.Rule)}</th><th>{E(l.Subject)}</th><th>{E(l.Measured)}</th><th>{E(l.Required)}</th><th>{E(l.Result)}</th></tr>");
        foreach (var c in checks)
        {
            var measured = c.Measured is { } m ? m.ToString(m is > 0 and < 1 ? "0.###" : "0.##", CultureInfo.InvariantCulture) : "n/a";
            h.Append(CultureInfo.InvariantCulture, $"<tr><td title=\"{E(c.RuleIn(l.Lang))}\">{E(c.RuleId)}</td><td>{E(l.Term(c.SubjectKind))}: {E(c.SubjectName)}</td><td class=\"n\">{measured}</td><td class=\"n\">{E(c.Comparison)} {c.Required.ToString("0.##", CultureInfo.InvariantCulture)}</td>");
            h.Append(CultureInfo.InvariantCulture, $"<td class=\"{(c.Passed ? "pass" : "fail")}\">{E(c.Passed ? l.Pass : l.Fail)}</td></tr>");
        }

        h.Append("</table>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(double v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string P(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
