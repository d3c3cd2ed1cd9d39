using Planner.Reports.Model;
using ScottPlot;

namespace Planner.Reports.Writers;

/// <summary>
/// The travel-time histogram of a report (<see cref="MinutesHistogram"/>): people per minutes bin as bars, blue
/// within the circle's limit, orange beyond it, grey for those who reach no station; drawn with ScottPlot in the
/// report's CJK font. PNG for Word and PDF, SVG for HTML.
/// </summary>
public static class MinutesChart
{
    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(ReportDocument report, int widthPx = 1200, int heightPx = 520) =>
        Create(report).GetImageBytes(widthPx, heightPx, ImageFormat.Png);

    /// <summary>The chart as an SVG document.</summary>
    public static string Svg(ReportDocument report, int width = 800, int height = 350) => Create(report).GetSvgXml(width, height);

    private static Plot Create(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var histogram = report.Minutes ?? throw new ArgumentException("the report has no travel-time histogram", nameof(report));
        var words = MinutesText.For(report.Text.Language);
        double limit = report.Circles[0].Minutes;
        ShareChart.EnsureFont();
        var plot = new Plot();
        plot.Font.Set(CjkFont.Family);
        var ticks = new List<Tick>();
        for (int i = 0; i < histogram.Bins.Count; i++)
        {
            var bin = histogram.Bins[i];
            plot.Add.Bar(new Bar
            {
                Position = i, Value = bin.People, Size = 0.9, LineWidth = 0,
                FillColor = Color.FromHex(bin.FromMinutes < limit ? "#0072B2" : "#E69F00"),
            });
            ticks.Add(new Tick(i, MinutesText.Label(bin)));
        }

        plot.Add.Bar(new Bar { Position = histogram.Bins.Count, Value = histogram.NoStation, Size = 0.9, LineWidth = 0, FillColor = Color.FromHex("#999999") });
        ticks.Add(new Tick(histogram.Bins.Count, words.NoStation));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.SetLimitsX(-0.6, histogram.Bins.Count + 0.6);
        plot.Axes.SetLimitsY(0, Math.Max(1, histogram.Bins.Select(b => b.People).Append(histogram.NoStation).Max()) * 1.08);
        plot.XLabel(words.Range, size: 18);
        plot.YLabel($"{histogram.Group} {words.People}", size: 18);
        plot.Title(words.Heading, size: 22);
        return plot;
    }
}
