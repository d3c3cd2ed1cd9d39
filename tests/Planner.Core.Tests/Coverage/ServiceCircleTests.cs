using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Coverage;

public class ServiceCircleTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public void Circle_LShapedRoad_FollowsRoadsNotConvexHull(double cellMeters)
    {
        // Station at the corner of an L of two 1000 m arms; 6.25 min at 80 m/min reaches 500 m along each arm.
        // Hand area of the 60 m buffer of the reached L (500 m + 500 m): two 500×120 rectangles minus their 60×60
        // overlap, two half discs at the ends and the outer quarter disc at the corner = 130,537 m².
        var region = Region(
            [Road("a", "residential", (0, 0), (1000, 0)), Road("b", "residential", (1000, 0), (1000, 1000))],
            [Point("p", 10, 0)],
            [Station("s", 1000, 0)]);
        var report = CoverageCalculator.Compute(region, new CoverageOptions { Minutes = 6.25, MinIslandVertices = 0, SimplifyMeters = 0, CircleCellMeters = cellMeters });
        var station = Assert.Single(report.Stations);
        double hand = (2 * 500 * 120) - (60 * 60) + (Math.PI * 60 * 60 * 1.25);
        Assert.InRange(station.AreaKm2 * 1e6, hand * 0.97, hand * 1.03);

        var projected = region.CreateProjection().Project(station.Circle!);
        Assert.True(projected.Area < 0.6 * projected.ConvexHull().Area, $"area {projected.Area} vs hull {projected.ConvexHull().Area}");
        Assert.True(projected.Contains(new Point(Metres(1000, 450).X, Metres(1000, 450).Y)));
        Assert.False(projected.Contains(new Point(Metres(700, 300).X, Metres(700, 300).Y)));
    }

    [Fact]
    public void Circle_RingRoadAroundUnreachableBlock_KeepsHole()
    {
        // A 400 m square block: everything is reached, the inside is not, so the circle has a hole.
        var region = Region(
            [Road("ring", "residential", (0, 0), (400, 0), (400, 400), (0, 400), (0, 0))],
            [],
            [Station("s", 0, 0)]);
        var report = CoverageCalculator.Compute(region, new CoverageOptions { MinIslandVertices = 0 });
        var circle = region.CreateProjection().Project(report.Stations[0].Circle!);
        var polygon = Assert.IsType<Polygon>(circle);
        Assert.Equal(1, polygon.NumInteriorRings);
    }
}
