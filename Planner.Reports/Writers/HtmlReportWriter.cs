using System.Net;
using System.Text;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The report as one printable HTML page from the same model and tables as Word and PDF (<see cref="ReportTables"/>),
/// with the share chart as inline SVG and the map as an embedded PNG (the same image Word and PDF carry); no external assets.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font:13px/1.5 "Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;margin:2em auto;max-width:64em;color:#222}
        h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
        table{border-collapse:collapse;width:100%;margin:.4em 0}th,td{padding:3px 6px;border:1px solid #ddd;text-align:left}th{background:#eee}
        svg,figure.map img{max-width:100%;height:auto}figure.map{margin:1em 0}@media print{body{margin:0;max-width:none}h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}}
        """;

    /// <summary>The page.</summary>
    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Text;
        var c = report.Circles[0];
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html><html lang=\"{t.Tag}\"><head><meta charset=\"utf-8\"><title>{E(report.Title)}</title><style>{Style}</style></head><body>");
        h.Append($"<h1>{E(report.Title)}</h1>");
        Table(h, [t.Name, string.Empty],
        [
            [t.Circle, c.Describe(t)],
            [t.DataDate, report.DataDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? t.NotStated],
            [t.Generated, report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (UTC+8)"],
            .. ReportTables.ScenarioRow(report),
        ], header: false);
        h.Append($"<h2>{E(t.Summary)}</h2>");
        foreach (var p in report.Summary)
        {
            h.Append($"<p>{E(p)}</p>");
        }

        h.Append($"<figure class=\"map\"><img alt=\"{E(report.RegionName)}\" src=\"data:image/png;base64,{Convert.ToBase64String(CoverageMapImage.Png(report))}\"></figure>");
        h.Append(ShareChart.Svg(report));
        if (report.Minutes is { } minutes)
        {
            var w = MinutesText.For(t.Language);
            h.Append($"<h2>{E(w.Heading)}</h2>").Append(MinutesChart.Svg(report)).Append($"<p>{E(w.Note)}</p>");
            Table(h, ReportTables.MinutesHeader(report), ReportTables.MinutesRows(report, minutes));
        }

        h.Append($"<h2>{E(t.Overall)}</h2>");
        Table(h, ReportTables.OverallHeader(report), ReportTables.OverallRows(report));
        if (report.Comparison is { } comparison)
        {
            var w = ComparisonText.For(t.Language);
            h.Append($"<h2>{E(w.Heading)}</h2>");
            Table(h, ReportTables.ComparisonGroupHeader(report), ReportTables.ComparisonGroupRows(report, comparison));
            Table(h, ReportTables.ComparisonUnitHeader(report), comparison.Units.Select(ReportTables.ComparisonUnitCells).ToList());
            h.Append($"<h3>{E(w.Stations)}</h3>");
            if (comparison.Stations.Count == 0)
            {
                h.Append($"<p>{E(w.NoStationChanges)}</p>");
            }
            else
            {
                Table(h, ReportTables.StationChangeHeader(report), ReportTables.StationChangeRows(comparison));
            }
        }

        h.Append($"<h2>{E(t.Townships)}</h2>");
        Table(h, ReportTables.UnitHeader(report, t.Township), report.Townships.Select(s => ReportTables.UnitCells(report, s.Township)).ToList());
        foreach (var section in report.Townships)
        {
            h.Append($"<h3>{E(section.Township.Name)}</h3>");
            var rows = section.Villages.Select(v => ReportTables.UnitCells(report, v)).ToList();
            rows.Add(ReportTables.UnitCells(report, section.Township with { Name = $"{section.Township.Name} {t.Subtotal}" }));
            Table(h, ReportTables.UnitHeader(report, t.Village), rows);
        }

        h.Append($"<h2>{E(t.Stations)}</h2>");
        Table(h, ReportTables.StationHeader(report), report.Stations.Select(s => ReportTables.StationCells(report, s)).ToList());
        h.Append($"<h2>{E(t.Gaps)}</h2>");
        Table(h, ReportTables.GapHeader(report), report.Gaps.Select(g => ReportTables.GapCells(report, g)).ToList());
        h.Append($"<h2>{E(t.Checks)}</h2>");
        if (report.Checks.Count == 0)
        {
            h.Append($"<p>{E(t.NoChecks)}</p>");
        }
        else
        {
            Table(h, ReportTables.CheckHeader(report), report.Checks.Select(x => ReportTables.CheckCells(report, x)).ToList());
        }

        h.Append($"<h2>{E(t.Sources)}</h2>");
        Table(h, ReportTables.SourceHeader(report), ReportTables.SourceRows(report));
        h.Append("</body></html>");
        return h.ToString();
    }

    private static void Table(StringBuilder h, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool header = true)
    {
        h.Append("<table>");
        if (header)
        {
            h.Append("<tr>").AppendJoin(string.Empty, columns.Select(x => $"<th>{E(x)}</th>")).Append("</tr>");
        }

        foreach (var row in rows)
        {
            h.Append("<tr>").AppendJoin(string.Empty, row.Select(x => $"<td>{E(x)}</td>")).Append("</tr>");
        }

        h.Append("</table>");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
