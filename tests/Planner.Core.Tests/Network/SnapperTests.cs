using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Network;

public class SnapperTests
{
    private static RoadGraph LineGraph() =>
        RoadGraph.Build(Region(Line(0, 100, 300), [], []), TravelProfile.Walk(), new RoadGraphOptions(0));

    [Fact]
    public void Snap_PointBesideEdgeInterior_JoinsInteriorNotNode()
    {
        var g = LineGraph();
        var loc = new Snapper(g).Snap(Metres(130, 20));
        Assert.True(loc.IsOnNetwork);
        Assert.Equal(20, loc.LegMeters, 6);
        var at = g.PointAlong(loc.Edge, loc.OffsetMeters);
        Assert.Equal(Metres(130, 0).X, at.X, 6);
        Assert.Equal(Metres(130, 0).Y, at.Y, 6);
    }

    [Fact]
    public void Snap_FartherThanMax_Unreachable()
    {
        var g = LineGraph();
        Assert.False(new Snapper(g, 500).Snap(Metres(150, 501)).IsOnNetwork);
        Assert.True(new Snapper(g, 500).Snap(Metres(150, 499)).IsOnNetwork);
        Assert.False(new Snapper(g, 100).Snap(Metres(150, 150)).IsOnNetwork);
    }

    [Fact]
    public void Snap_BeyondLineEnd_JoinsEndWithDiagonalLeg()
    {
        var loc = new Snapper(LineGraph()).Snap(Metres(340, 30));
        Assert.Equal(50, loc.LegMeters, 6);
    }
}

/// <summary>The grid-indexed snapper against a brute-force scan of every segment (a second method).</summary>
public class SnapperBruteForceTests
{
    [Theory]
    [InlineData(1, 500.0)]
    [InlineData(2, 120.0)]
    [InlineData(3, 2000.0)]
    public void Snap_RandomPointsOnSyntheticNetwork_MatchesScanOfEverySegment(int seed, double maxSnapMeters)
    {
        var region = Planner.Core.Synthetic.SyntheticRegionGenerator.Generate(
            new Planner.Core.Synthetic.SyntheticRegionSpec(Edges: 3000, DemandPoints: 10, Stations: 2, Seed: seed));
        var graph = RoadGraph.Build(region, TravelProfile.Walk());
        var snapper = new Snapper(graph, maxSnapMeters);
        var t = graph.Edges;
        double minX = t.X.Min(), maxX = t.X.Max(), minY = t.Y.Min(), maxY = t.Y.Max();
        var random = new Random(seed);
        int onNetwork = 0, offNetwork = 0;
        for (int n = 0; n < 2000; n++)
        {
            // Some points lie well outside the road extent, where the grid must widen its search.
            double x = minX - 1500 + (random.NextDouble() * (maxX - minX + 3000));
            double y = minY - 1500 + (random.NextDouble() * (maxY - minY + 3000));
            var expected = BruteForce(t, x, y, maxSnapMeters);
            var actual = snapper.Snap(new Planner.Core.Geo.ProjectedPoint(x, y));
            Assert.Equal(expected.IsOnNetwork, actual.IsOnNetwork);
            if (actual.IsOnNetwork)
            {
                onNetwork++;
                Assert.Equal(expected.Edge, actual.Edge);
                Assert.Equal(expected.OffsetMeters, actual.OffsetMeters, 6);
                Assert.Equal(expected.LegMeters, actual.LegMeters, 6);
            }
            else
            {
                offNetwork++;
            }
        }

        // Both outcomes are exercised.
        Assert.True(onNetwork > 100 && offNetwork > 100, $"{onNetwork} on, {offNetwork} off");
    }

    private static NetworkLocation BruteForce(EdgeTable t, double x, double y, double maxMeters)
    {
        int bestEdge = -1;
        double best = double.PositiveInfinity, along = 0;
        for (int e = 0; e < t.Count; e++)
        {
            for (int i = t.CoordStart[e]; i < t.CoordStart[e + 1] - 1; i++)
            {
                double ax = t.X[i], ay = t.Y[i], dx = t.X[i + 1] - ax, dy = t.Y[i + 1] - ay;
                double len2 = (dx * dx) + (dy * dy);
                double u = len2 > 0 ? Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / len2, 0, 1) : 0;
                double ex = ax + (u * dx) - x, ey = ay + (u * dy) - y;
                double d = Math.Sqrt((ex * ex) + (ey * ey));
                if (d < best)
                {
                    (best, bestEdge, along) = (d, e, t.Offset[i] + (u * (t.Offset[i + 1] - t.Offset[i])));
                }
            }
        }

        return best <= maxMeters ? new NetworkLocation(bestEdge, along, best) : NetworkLocation.Unreachable;
    }
}
