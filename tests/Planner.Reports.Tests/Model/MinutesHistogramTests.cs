using System.Globalization;
using Planner.Reports.Model;

namespace Planner.Reports.Tests.Model;

[Collection(GuixiCollection.Name)]
public class MinutesHistogramTests(GuixiReport guixi)
{
    /// <summary>Every resident is counted once: the bins and the no-station row add up to the JSON report's total population.</summary>
    [Fact]
    public void Histogram_Guixi_AddsUpToTheJsonTotalPopulation()
    {
        var h = guixi.Document.Minutes!;
        var total = guixi.Json.RootElement.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble();
        Assert.Equal(total, h.People, 6);
        Assert.Equal(5, h.BinMinutes);
        Assert.Equal(7, h.Bins.Count); // 0–5, ..., 25–30 for a 15-minute circle, then 30+
        Assert.Null(h.Bins[^1].ToMinutes);
    }

    /// <summary>The bins against a second count: the point minutes the engine writes (its points CSV), binned here by thresholds.</summary>
    [Fact]
    public void Histogram_Guixi_BinsEqualACountOverThePointsCsv()
    {
        var csv = Planner.Core.Coverage.CoverageWriters.PointsCsv(guixi.Coverage).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[2].Length == 0 ? (double?)null : double.Parse(c[2], CultureInfo.InvariantCulture));
        var people = guixi.Region.Demand.Select(d => (Minutes: csv[d.Id], People: d.Counts[0])).ToList();
        var h = guixi.Document.Minutes!;
        foreach (var bin in h.Bins)
        {
            // The CSV rounds minutes to 0.001, so a point within that of a bin edge may fall either side.
            double Sum(double slack) => people.Where(p => p.Minutes is { } m && m >= bin.FromMinutes - slack && (bin.ToMinutes is not { } to || m < to + slack)).Sum(p => p.People);
            Assert.InRange(bin.People, Sum(-0.001), Sum(0.001));
        }

        Assert.Equal(people.Where(p => p.Minutes is null).Sum(p => p.People), h.NoStation, 6);
        Assert.True(h.Bins.Count(b => b.People > 0) >= 3, "the Guixi residents should spread over several bins");
    }

    /// <summary>A report narrowed to units has no per-point times, so no histogram (rather than a wrong one).</summary>
    [Fact]
    public void Histogram_WithoutPointTimes_IsNull() =>
        Assert.Null(MinutesHistogram.Of(guixi.Region, guixi.Coverage with { Points = [] }, guixi.Document.Groups[0]));
}
