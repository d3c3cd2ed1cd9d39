using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Planner.Reports.Writers;

/// <summary>
/// Flows headings, wrapped paragraphs, images and tables down A4 landscape pages, starting a new page when
/// the next piece does not fit and repeating a table's header on each page it spans. Units are points.
/// </summary>
internal sealed class PdfPageLayout
{
    private const double Margin = 36, CellPad = 3, BodySize = 9;
    private readonly PdfDocument document;
    private readonly XFont body = new(CjkFont.Family, BodySize);
    private readonly XFont bold = new(CjkFont.Family, BodySize, XFontStyleEx.Bold);
    private PdfPage? page;
    private XGraphics? gfx;
    private double y;

    public PdfPageLayout(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    private double Width => page!.Width.Point - (2 * Margin);

    private double Bottom => page!.Height.Point - Margin;

    public void Heading(string text, double size)
    {
        var font = new XFont(CjkFont.Family, size, XFontStyleEx.Bold);
        Ensure((size * 1.4) + 40);
        y += size * 0.6;
        gfx!.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, Width, size * 1.3), XStringFormats.TopLeft);
        y += size * 1.6;
    }

    public void Paragraph(string text)
    {
        foreach (var line in Wrap(text, body, Width))
        {
            Ensure(BodySize * 1.5);
            gfx!.DrawString(line, body, XBrushes.Black, new XRect(Margin, y, Width, BodySize * 1.4), XStringFormats.TopLeft);
            y += BodySize * 1.5;
        }

        y += BodySize * 0.5;
    }

    public void Image(XImage image, double widthPoints)
    {
        double w = Math.Min(widthPoints, Width);
        double h = w * image.PixelHeight / image.PixelWidth;
        Ensure(h + 6);
        gfx!.DrawImage(image, Margin, y, w, h);
        y += h + 6;
    }

    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(header, rows);
        Ensure(RowHeight(header, widths, bold) * 2);
        DrawRow(header, widths, bold, XBrushes.Gainsboro);
        foreach (var row in rows)
        {
            if (y + RowHeight(row, widths, body) > Bottom)
            {
                NewPage();
                DrawRow(header, widths, bold, XBrushes.Gainsboro);
            }

            DrawRow(row, widths, body, null);
        }

        y += BodySize;
    }

    public void Finish() => gfx?.Dispose();

    /// <summary>Widths in proportion to each column's longest text (header counted at half), at least 40 pt, filling the page width.</summary>
    private double[] ColumnWidths(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var want = new double[header.Count];
        for (int c = 0; c < header.Count; c++)
        {
            double longest = gfx!.MeasureString(header[c], bold).Width / 2;
            foreach (var r in rows)
            {
                longest = Math.Max(longest, gfx.MeasureString(r[c], body).Width);
            }

            want[c] = Math.Max(40, Math.Min(longest, 260) + (2 * CellPad));
        }

        double scale = Width / want.Sum();
        return want.Select(w => w * scale).ToArray();
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        (cells.Select((c, i) => Wrap(c, font, widths[i] - (2 * CellPad)).Count).DefaultIfEmpty(1).Max() * BodySize * 1.35) + (2 * CellPad);

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, XBrush? fill)
    {
        double h = RowHeight(cells, widths, font);
        double x = Margin;
        for (int i = 0; i < cells.Count; i++)
        {
            var rect = new XRect(x, y, widths[i], h);
            if (fill is not null)
            {
                gfx!.DrawRectangle(fill, rect);
            }

            gfx!.DrawRectangle(new XPen(XColors.Gray, 0.4), rect);
            double ly = y + CellPad;
            foreach (var line in Wrap(cells[i], font, widths[i] - (2 * CellPad)))
            {
                gfx.DrawString(line, font, XBrushes.Black, new XRect(x + CellPad, ly, widths[i] - (2 * CellPad), BodySize * 1.3), XStringFormats.TopLeft);
                ly += BodySize * 1.35;
            }

            x += widths[i];
        }

        y += h;
    }

    /// <summary>Greedy line breaking: Chinese text may break between any two characters; Latin text breaks at the last space when there is one.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (char ch in text)
        {
            line.Append(ch);
            if (line.Length > 1 && gfx!.MeasureString(line.ToString(), font).Width > width)
            {
                line.Length--;
                var s = line.ToString();
                int space = s.LastIndexOf(' ');
                if (space > 0 && ch < 0x2E80 && s[^1] < 0x2E80)
                {
                    lines.Add(s[..space]);
                    line.Clear().Append(s[(space + 1)..]);
                }
                else
                {
                    lines.Add(s);
                    line.Clear();
                }

                line.Append(ch);
            }
        }

        lines.Add(line.ToString());
        return lines;
    }

    private void Ensure(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Landscape;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}
