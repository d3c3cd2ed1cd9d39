using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The report as a PDF (PDFsharp 6) on A4 landscape pages: title block, summary, the map, the share chart, and the same
/// tables as the Word document (<see cref="ReportTables"/>), in the installed CJK font embedded as a subset
/// with its Unicode map, so the text can be searched and copied (pdftotext reads it).
/// </summary>
public static class PdfReportWriter
{
    /// <summary>Writes the PDF to <paramref name="output"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write the .pdf.</param>
    /// <param name="chartPng">The share chart as PNG, or null to draw it.</param>
    public static void Write(ReportDocument report, Stream output, byte[]? chartPng = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        CjkFontResolver.EnsureInstalled();
        var t = report.Text;
        var c = report.Circles[0];
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "CoverageMap planner";
        var page = new PdfPageLayout(document);

        page.Heading(report.Title, 20);
        page.Paragraph($"{t.Circle}: {c.Describe(t)}");
        page.Paragraph($"{t.DataDate}: {report.DataDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? t.NotStated}    " +
            $"{t.Generated}: {report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (UTC+8)");
        foreach (var row in ReportTables.ScenarioRow(report))
        {
            page.Paragraph($"{row[0]}: {row[1]}");
        }

        page.Heading(t.Summary, 14);
        foreach (var p in report.Summary)
        {
            page.Paragraph(p);
        }

        using (var map = new MemoryStream(CoverageMapImage.Png(report)))
        {
            page.Image(XImage.FromStream(map), widthPoints: 560);
        }

        using (var png = new MemoryStream(chartPng ?? ShareChart.Png(report)))
        {
            page.Image(XImage.FromStream(png), widthPoints: 600);
        }

        if (report.Minutes is { } minutes)
        {
            var w = MinutesText.For(t.Language);
            page.Heading(w.Heading, 14);
            using (var png = new MemoryStream(MinutesChart.Png(report)))
            {
                page.Image(XImage.FromStream(png), widthPoints: 600);
            }

            page.Paragraph(w.Note);
            page.Table(ReportTables.MinutesHeader(report), ReportTables.MinutesRows(report, minutes));
        }

        page.Heading(t.Overall, 14);
        page.Table(ReportTables.OverallHeader(report), ReportTables.OverallRows(report));
        if (report.Comparison is { } comparison)
        {
            var w = ComparisonText.For(t.Language);
            page.Heading(w.Heading, 14);
            page.Table(ReportTables.ComparisonGroupHeader(report), ReportTables.ComparisonGroupRows(report, comparison));
            page.Table(ReportTables.ComparisonUnitHeader(report), comparison.Units.Select(ReportTables.ComparisonUnitCells).ToList());
            page.Heading(w.Stations, 12);
            if (comparison.Stations.Count == 0)
            {
                page.Paragraph(w.NoStationChanges);
            }
            else
            {
                page.Table(ReportTables.StationChangeHeader(report), ReportTables.StationChangeRows(comparison));
            }
        }

        page.Heading(t.Townships, 14);
        page.Table(ReportTables.UnitHeader(report, t.Township), report.Townships.Select(s => ReportTables.UnitCells(report, s.Township)).ToList());
        foreach (var section in report.Townships)
        {
            page.Heading(section.Township.Name, 12);
            var rows = section.Villages.Select(v => ReportTables.UnitCells(report, v)).ToList();
            rows.Add(ReportTables.UnitCells(report, section.Township with { Name = $"{section.Township.Name} {t.Subtotal}" }));
            page.Table(ReportTables.UnitHeader(report, t.Village), rows);
        }

        page.Heading(t.Stations, 14);
        page.Table(ReportTables.StationHeader(report), report.Stations.Select(s => ReportTables.StationCells(report, s)).ToList());
        page.Heading(t.Gaps, 14);
        page.Table(ReportTables.GapHeader(report), report.Gaps.Select(g => ReportTables.GapCells(report, g)).ToList());
        page.Heading(t.Checks, 14);
        if (report.Checks.Count == 0)
        {
            page.Paragraph(t.NoChecks);
        }
        else
        {
            page.Table(ReportTables.CheckHeader(report), report.Checks.Select(x => ReportTables.CheckCells(report, x)).ToList());
        }

        page.Heading(t.Sources, 14);
        page.Table(ReportTables.SourceHeader(report), ReportTables.SourceRows(report));
        page.Finish();
        document.Save(output, closeStream: false);
    }
}
