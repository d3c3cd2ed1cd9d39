using Planner.Reports.Model;
using ScottPlot;

namespace Planner.Reports.Writers;

/// <summary>
/// The bar chart of a report: covered share (%) per township, one bar per group side by side, drawn with
/// ScottPlot in the report's CJK font. PNG for Word and PDF, SVG for HTML.
/// </summary>
public static class ShareChart
{
    /// <summary>Bar colours per group, in group order (colour-blind safe, from the Okabe–Ito palette).</summary>
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];

    private static readonly Lock FontLock = new();
    private static bool fontAdded;

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ReportDocument report, int widthPx = 1200, int heightPx = 560) =>
        Create(report).GetImageBytes(widthPx, heightPx, ImageFormat.Png);

    /// <summary>The chart as an SVG document.</summary>
    public static string Svg(ReportDocument report, int width = 800, int height = 380) => Create(report).GetSvgXml(width, height);

    private static Plot Create(ReportDocument report)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(CjkFont.Family);
        int groups = report.Groups.Count;
        double width = 0.8 / Math.Max(1, groups);
        var ticks = new List<Tick>();
        for (int t = 0; t < report.Townships.Count; t++)
        {
            var township = report.Townships[t].Township;
            ticks.Add(new Tick(t, township.Name));
            for (int g = 0; g < groups; g++)
            {
                plot.Add.Bar(new Bar
                {
                    Position = t - 0.4 + (width * (g + 0.5)),
                    Value = township.Figures[g].Share * 100,
                    Size = width * 0.95,
                    FillColor = Color.FromHex(Palette[g % Palette.Length]),
                    LineWidth = 0,
                });
            }
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.SetLimitsX(-0.6, report.Townships.Count - 0.4);
        plot.YLabel(report.Text.SharePercent, size: 20);
        plot.Title(report.Text.Chart, size: 24);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 20;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        for (int g = 0; g < groups; g++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.Groups[g].Label, FillColor = Color.FromHex(Palette[g % Palette.Length]) });
        }

        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontName = CjkFont.Family;
        plot.Legend.FontSize = 18;
        return plot;
    }

    /// <summary>
    /// ScottPlot keeps its fonts in one process-wide table and the Linux Skia build it ships has no fontconfig,
    /// so the CJK file is added to that table once, by name.
    /// </summary>
    internal static void EnsureFont()
    {
        lock (FontLock)
        {
            if (!fontAdded)
            {
                Fonts.AddFontFile(CjkFont.Family, CjkFont.Require().Path);
                fontAdded = true;
            }
        }
    }
}
