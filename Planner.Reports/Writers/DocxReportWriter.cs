using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Planner.Reports.Model;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Planner.Reports.Writers;

/// <summary>
/// The report as a Word document (DocumentFormat.OpenXml) that an official can edit: Word's own Title,
/// Heading 1 and Heading 2 styles (so the navigation pane and a table of contents work), real tables, and the
/// map and the share chart embedded as PNGs. Chinese text asks for Microsoft YaHei, which Word on Chinese Windows has and
/// LibreOffice replaces by an installed CJK font.
/// </summary>
public static class DocxReportWriter
{
    /// <summary>Chart size on the page: 16 cm × 7.5 cm, in EMU (360,000 per cm).</summary>
    private const long ChartWidthEmu = 16 * 360_000L, ChartHeightEmu = 7_466 * 360L;

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write the .docx.</param>
    /// <param name="chartPng">The share chart as PNG (drawn once by the caller when it writes several formats), or null to draw it.</param>
    public static void Write(ReportDocument report, Stream output, byte[]? chartPng = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(report.Text);
        var body = new Body();
        main.Document = new Document(body);
        var t = report.Text;
        var c = report.Circles[0];

        body.Append(Para(report.Title, "Title"));
        body.Append(Table([t.Name, string.Empty],
        [
            [t.Circle, c.Describe(t)],
            [t.DataDate, report.DataDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? t.NotStated],
            [t.Generated, report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (UTC+8)"],
            .. ReportTables.ScenarioRow(report),
        ], header: false));

        body.Append(Para(t.Summary, "Heading1"));
        foreach (var p in report.Summary)
        {
            body.Append(Para(p));
        }

        body.Append(new Paragraph(new Run(Image(main, CoverageMapImage.Png(report), 1U, ChartWidthEmu, ChartWidthEmu * 3 / 4))));
        body.Append(new Paragraph(new Run(Image(main, chartPng ?? ShareChart.Png(report), 2U, ChartWidthEmu, ChartHeightEmu))));
        if (report.Minutes is { } minutes)
        {
            var w = MinutesText.For(t.Language);
            body.Append(Para(w.Heading, "Heading1"));
            body.Append(new Paragraph(new Run(Image(main, MinutesChart.Png(report), 3U, ChartWidthEmu, ChartWidthEmu * 520 / 1200))));
            body.Append(Para(w.Note));
            body.Append(Table(ReportTables.MinutesHeader(report), ReportTables.MinutesRows(report, minutes)));
        }

        body.Append(Para(t.Overall, "Heading1"));
        body.Append(Table(ReportTables.OverallHeader(report), ReportTables.OverallRows(report)));
        if (report.Comparison is { } comparison)
        {
            var w = ComparisonText.For(t.Language);
            body.Append(Para(w.Heading, "Heading1"));
            body.Append(Table(ReportTables.ComparisonGroupHeader(report), ReportTables.ComparisonGroupRows(report, comparison)));
            body.Append(Table(ReportTables.ComparisonUnitHeader(report), comparison.Units.Select(ReportTables.ComparisonUnitCells).ToList()));
            body.Append(Para(w.Stations, "Heading2"));
            body.Append(comparison.Stations.Count == 0 ? Para(w.NoStationChanges) : (OpenXmlElement)Table(ReportTables.StationChangeHeader(report), ReportTables.StationChangeRows(comparison)));
        }

        body.Append(Para(t.Townships, "Heading1"));
        body.Append(Table(ReportTables.UnitHeader(report, t.Township), report.Townships.Select(s => ReportTables.UnitCells(report, s.Township)).ToList()));
        foreach (var section in report.Townships)
        {
            body.Append(Para(section.Township.Name, "Heading2"));
            var rows = section.Villages.Select(v => ReportTables.UnitCells(report, v)).ToList();
            rows.Add(ReportTables.UnitCells(report, section.Township with { Name = $"{section.Township.Name} {t.Subtotal}" }));
            body.Append(Table(ReportTables.UnitHeader(report, t.Village), rows));
        }

        body.Append(Para(t.Stations, "Heading1"));
        body.Append(Table(ReportTables.StationHeader(report), report.Stations.Select(s => ReportTables.StationCells(report, s)).ToList()));
        body.Append(Para(t.Gaps, "Heading1"));
        body.Append(Table(ReportTables.GapHeader(report), report.Gaps.Select(g => ReportTables.GapCells(report, g)).ToList()));
        body.Append(Para(t.Checks, "Heading1"));
        if (report.Checks.Count == 0)
        {
            body.Append(Para(t.NoChecks));
        }
        else
        {
            body.Append(Table(ReportTables.CheckHeader(report), report.Checks.Select(x => ReportTables.CheckCells(report, x)).ToList()));
        }

        body.Append(Para(t.Sources, "Heading1"));
        body.Append(Table(ReportTables.SourceHeader(report), ReportTables.SourceRows(report)));
        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1000, Bottom = 1000, Left = 1000U, Right = 1000U, Header = 500U, Footer = 500U, Gutter = 0U }));
        main.Document.Save();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return p;
    }

    private static Table Table(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool header = true)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        if (header)
        {
            var tr = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var h in columns)
            {
                tr.Append(Cell(h, bold: true));
            }

            table.Append(tr);
        }

        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                tr.Append(Cell(cell, bold: false));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }), run));
    }

    private static Styles Styles(ReportText t)
    {
        RunFonts Fonts() => new() { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "Microsoft YaHei" };
        Style Heading(string id, string name, int level, string sizeHalfPoints) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new FontSize { Val = sizeHalfPoints }))
        { Type = StyleValues.Paragraph, StyleId = id };

        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = "20" }, new Languages { Val = t.Tag, EastAsia = "zh-CN" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "100" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "240" }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "36" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            Heading("Heading1", "heading 1", 0, "30"),
            Heading("Heading2", "heading 2", 1, "24"),
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(border, new TableCellMarginDefault(
                new TopMargin { Width = "20", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "20", Type = TableWidthUnitValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    /// <summary>A PNG added as an image part and placed inline, <paramref name="cx"/> × <paramref name="cy"/> EMU.</summary>
    private static Drawing Image(MainDocumentPart main, byte[] pngBytes, uint id, long cx, long cy)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(pngBytes))
        {
            part.FeedData(png);
        }

        return Inline(main.GetIdOfPart(part), id, cx, cy);
    }

    private static Drawing Inline(string relationshipId, uint id, long cx, long cy) => new(
        new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"image{id}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"image{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
}
