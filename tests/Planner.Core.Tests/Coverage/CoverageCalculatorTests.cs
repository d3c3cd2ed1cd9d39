using Planner.Core.Coverage;
using Planner.Core.Model;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Coverage;

public class CoverageCalculatorTests
{
    private static readonly CoverageOptions NoIslands = new() { MinIslandVertices = 0 };

    private static CoverageReport Run(Region region, CoverageOptions? options = null) =>
        CoverageCalculator.Compute(region, options ?? NoIslands);

    [Fact]
    public void Coverage_StationOnEdge_CoversPointAtZeroMinutes()
    {
        var r = Run(Region(Line(0, 500, 1000), [Point("p", 300, 0)], [Station("s", 300, 0)]));
        var p = Assert.Single(r.Points);
        Assert.Equal(0, p.Minutes);
        Assert.True(p.Covered);
        Assert.Equal("s", p.NearestStation);
    }

    [Fact]
    public void Coverage_PointsAlongLine_MatchHandMinutesAndLimit()
    {
        // 80 m/min: 1180 m = 14.75 min covered, 1220 m = 15.25 min not; elderly walk 60 m/min, so 880 m (14.67) is covered for them, 1180 m is not.
        var region = Region(Line(0, 1000, 2000), [Point("a", 1180, 0), Point("b", 1220, 0), Point("c", 880, 0)], [Station("s", 0, 0)]);
        var r = Run(region);
        Assert.Equal(14.75, r.Points[0].Minutes!.Value, 6);
        Assert.Equal(15.25, r.Points[1].Minutes!.Value, 6);
        Assert.Equal([true, false, true], r.Points.Select(p => p.Covered));
        Assert.Equal(300, r.Groups["total"].Population);
        Assert.Equal(200, r.Groups["total"].Covered);
        Assert.Equal(20, r.Groups["elderly"].Covered);
        Assert.Equal(200, r.Stations[0].Catchment["total"]);
        Assert.Equal(20, r.Stations[0].Catchment["elderly"]);
        Assert.Equal(3.6, r.GroupSpeedsKmh["elderly"]);
    }

    [Fact]
    public void Coverage_SpeedOverride_ScalesTimes()
    {
        var region = Region(Line(0, 1000, 2000), [Point("a", 1500, 0)], [Station("s", 0, 0)]);
        var r = Run(region, NoIslands with { SpeedKmh = 6 });
        Assert.Equal(15, r.Points[0].Minutes!.Value, 6);
        Assert.Equal(6, r.SpeedKmh);
    }

    [Fact]
    public void Coverage_FarPoint_ReportedUnreachableAndNotCovered()
    {
        var r = Run(Region(Line(0, 1000), [Point("near", 10, 0), Point("far", 500, 800)], [Station("s", 500, 0)]));
        Assert.Equal(100, r.Unreachable["total"]);
        Assert.True(r.Points[1].Unreachable);
        Assert.False(r.Points[1].Covered);
        Assert.Null(r.Points[1].Minutes);
        Assert.Equal(100, r.Groups["total"].Covered);
        Assert.Single(r.Gaps);
    }

    [Fact]
    public void Coverage_NoStations_NothingCoveredEverythingInGaps()
    {
        var r = Run(Region(Line(0, 1000), [Point("a", 10, 0), Point("b", 900, 0)], []));
        Assert.Equal(0, r.Groups["total"].Covered);
        Assert.Empty(r.Stations);
        Assert.Equal(200, r.Gaps.Sum(g => g.Groups["total"]));
        Assert.All(r.Points, p => Assert.Null(p.NearestStation));
    }

    [Fact]
    public void Coverage_PlannedStation_CountedOnlyWhenAsked()
    {
        var region = Region(Line(0, 1000), [Point("a", 10, 0)], [Station("s", 0, 0, StationStatus.Planned)]);
        Assert.Equal(0, Run(region).Groups["total"].Covered);
        Assert.Equal(100, Run(region, NoIslands with { IncludePlanned = true }).Groups["total"].Covered);
    }

    [Fact]
    public void Coverage_NoRoads_UsesStraightLineWithCircuity()
    {
        // 1000 m × 1.3 = 1300 m at 80 m/min = 16.25 minutes.
        var region = Region([], [Point("a", 1000, 0)], [Station("s", 0, 0)]);
        var r = Run(region);
        Assert.Equal("straight-line", r.Method);
        Assert.Equal(16.25, r.Points[0].Minutes!.Value, 6);
        Assert.False(r.Points[0].Covered);
        Assert.True(Run(region, NoIslands with { Minutes = 17 }).Points[0].Covered);
        double circle = Math.PI * Math.Pow(1.2 / 1.3, 2);
        Assert.InRange(r.Stations[0].AreaKm2, circle * 0.99, circle);
    }

    [Fact]
    public void Coverage_SharedPoints_CountPointsReachedByBothStations()
    {
        var r = Run(Region(Line(0, 1000, 2000), [Point("a", 100, 0), Point("mid", 1000, 0), Point("b", 1900, 0)], [Station("s1", 0, 0), Station("s2", 2000, 0)]));
        Assert.Equal(1, r.Stations[0].SharedPoints);
        Assert.Equal(1, r.Stations[1].SharedPoints);
    }

    [Fact]
    public void TwoStepFloatingCatchment_TwoStations_MatchesHandValues()
    {
        // s1 (3 workers) reaches a (100) and mid (100): R1 = 3/200 per person = 15 per 1000.
        // s2 (6 workers) reaches mid and b (100): R2 = 30 per 1000. A(mid) = 45, A(a) = 15, A(b) = 30.
        var r = Run(Region(Line(0, 1000, 2000), [Point("a", 100, 0), Point("mid", 1000, 0), Point("b", 1900, 0)], [Station("s1", 0, 0, workers: 3), Station("s2", 2000, 0, workers: 6)]));
        Assert.Equal(15, r.Stations[0].Ratio, 9);
        Assert.Equal(30, r.Stations[1].Ratio, 9);
        Assert.Equal([15, 45, 30], r.Points.Select(p => Math.Round(p.Accessibility, 9)));
    }

    [Fact]
    public void Units_PointsRollUpToParents()
    {
        var units = new[]
        {
            new AdminUnit("360681", "county", AdminLevel.County, null, Box(-100, -100, 3000, 100)),
            new AdminUnit("360681001", "west", AdminLevel.Township, "360681", Box(-100, -100, 1000, 100)),
            new AdminUnit("360681002", "east", AdminLevel.Township, "360681", Box(1000, -100, 3000, 100)),
            new AdminUnit("360681002001", "village", AdminLevel.Village, "360681002", Box(1000, -100, 3000, 100)),
        };
        var demand = new[] { Point("a", 100, 0), Point("b", 2500, 0), Point("c", 10, 0, unit: "360681002001") };
        var r = Run(Region(Line(0, 1000, 2000, 3000), demand, [Station("s", 0, 0)], units));
        var byCode = r.Units.ToDictionary(u => u.Code);
        Assert.Equal(300, byCode["360681"].Groups["total"].Population);
        Assert.Equal(200, byCode["360681"].Groups["total"].Covered);
        Assert.Equal(100, byCode["360681001"].Groups["total"].Population);
        Assert.Equal(200, byCode["360681002"].Groups["total"].Population);
        Assert.Equal(0.5, byCode["360681002001"].Groups["total"].Share);
        Assert.Equal("village", byCode["360681002001"].Level);
    }

    [Fact]
    public void Gaps_TwoDistantUncoveredClusters_TwoGapsLargestFirst()
    {
        var demand = new[] { Point("a1", 5000, 0, 10), Point("a2", 5100, 0, 10), Point("b1", 9000, 0, 50) };
        var r = Run(Region(Line(0, 5000, 10000), demand, [Station("s", 0, 0)]));
        Assert.Equal(2, r.Gaps.Count);
        Assert.Equal("gap-1", r.Gaps[0].Id);
        Assert.Equal(50, r.Gaps[0].Groups["total"]);
        Assert.Equal(2, r.Gaps[1].Points);
        var c = At(5050, 0);
        Assert.Equal(c.Lon, r.Gaps[1].Centroid[0], 5);
        Assert.NotNull(r.Gaps[1].Outline);
    }
}
