using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Network;
using Planner.Core.Siting;
using Planner.Core.Tests.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Siting;

public sealed class NetworkTravelTimeSourceTests
{
    [Fact]
    public void Within_TinyFixture_D1ToS1MatchesHandComputation()
    {
        // By hand: s1 (117.2349, 28.2851) is 11.1 m north of road 101 but only 9.8 m west of footway 102 (lon 117.235),
        // so it snaps to the footway, like every station. d1 (117.225, 28.2855): 55.4 m leg to road 101, 0.010 deg of
        // longitude x 98.03 km = 980.3 m east to the crossing with 102, 11.1 m north along 102, 9.8 m leg to s1:
        // 1,056.6 m at 80 m/min (4.8 km/h) = 13.21 min (snapping to road 101 instead would give 12.95).
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        var source = NetworkTravelTimeSource.ForRegion(region, new CoverageOptions { MinIslandVertices = 0 });
        Assert.False(source.IsStraightLine);
        var s1 = region.Stations.Single(s => s.Id == "s1").Location;
        var d1 = region.Demand.Single(d => d.Id == "d1").Location;
        var pair = Assert.Single(source.Within([s1], [d1], 15, CancellationToken.None));
        Assert.InRange(pair.Minutes, 13.19, 13.23);
        Assert.Empty(source.Within([s1], [d1], 13.1, CancellationToken.None));
    }

    [Fact]
    public void Within_TinyFixture_NearestTimesEqualCoverageCalculator()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        var options = new CoverageOptions { Minutes = 60, IncludePlanned = true, BuildCircles = false };
        var report = CoverageCalculator.Compute(region, options);
        var source = NetworkTravelTimeSource.ForRegion(region, options);
        var pairs = source.Within([.. region.Stations.Select(s => s.Location)], [.. region.Demand.Select(d => d.Location)], 60, CancellationToken.None);
        for (int p = 0; p < region.Demand.Length; p++)
        {
            var expected = report.Points.Single(x => x.Id == region.Demand[p].Id);
            var mine = pairs.Where(x => x.Target == p).ToList();
            if (expected.Minutes is { } minutes)
            {
                var best = mine.MinBy(x => x.Minutes);
                Assert.Equal(minutes, best.Minutes, 2);
                Assert.Equal(expected.NearestStation, region.Stations[best.Origin].Id);
            }
            else
            {
                Assert.Empty(mine);
            }
        }
    }

    [Fact]
    public void Within_SeededRandomGraphs_MatchFloydWarshall()
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(8, 30);
            var pos = Enumerable.Range(0, n).Select(_ => (X: rng.NextDouble() * 3000, Y: rng.NextDouble() * 3000)).ToArray();
            var edges = DijkstraTests.RandomEdges(rng, pos);
            var roads = edges.Select((e, i) => Road($"e{i}", "residential", pos[e.A], pos[e.B])).ToList();
            var (g, snap) = DijkstraTests.Prepare(roads);
            var d = DijkstraTests.FloydWarshall(n, edges, pos);
            var origins = Enumerable.Range(0, 6).Select(_ => (E: rng.Next(edges.Count), T: 0.05 + (0.9 * rng.NextDouble()))).ToArray();
            var targets = Enumerable.Range(0, 25).Select(_ => (E: rng.Next(edges.Count), T: 0.05 + (0.9 * rng.NextDouble()))).ToArray();
            double limit = 20;
            var source = new NetworkTravelTimeSource(g, snap, parallelism: 2);
            var pairs = source.Within(
                [.. origins.Select(o => snap.Snap(DijkstraTests.Along(pos, edges[o.E], o.T)))],
                [.. targets.Select(t => snap.Snap(DijkstraTests.Along(pos, edges[t.E], t.T)))],
                limit,
                CancellationToken.None).ToDictionary(x => (x.Origin, x.Target), x => x.Minutes);
            Assert.Equal(origins.Length, source.SearchCount);
            for (int o = 0; o < origins.Length; o++)
            {
                for (int t = 0; t < targets.Length; t++)
                {
                    double expected = DijkstraTests.Expected(d, edges, pos, origins[o].E, origins[o].T, targets[t].E, targets[t].T) / WalkMetresPerSecond / 60;
                    if (expected <= limit - 1e-6)
                    {
                        Assert.True(pairs.TryGetValue((o, t), out double got), $"seed {seed}: ({o},{t}) missing, expected {expected}");
                        Assert.Equal(expected, got, 4);
                    }
                    else if (expected > limit + 1e-6)
                    {
                        Assert.False(pairs.ContainsKey((o, t)), $"seed {seed}: ({o},{t}) beyond the limit");
                    }
                }
            }
        }
    }

    [Fact]
    public void Within_PointBeyondSnapDistance_NeverReached()
    {
        var (g, _) = DijkstraTests.Prepare(Line(0, 1000));
        var source = new NetworkTravelTimeSource(g, new Snapper(g, 100));
        var pairs = source.Within([At(100, 0), At(500, 300)], [At(200, 50), At(600, 500)], 60, CancellationToken.None);
        var only = Assert.Single(pairs);
        Assert.Equal((0, 0), (only.Origin, only.Target));
        Assert.Equal((50 + 100 + 0) / WalkMetresPerSecond / 60, only.Minutes, 6);
    }

    [Fact]
    public void ForRegion_NoRoads_FallsBackToStraightLine()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region! with { Roads = [] };
        Assert.True(NetworkTravelTimeSource.ForRegion(region).IsStraightLine);
    }
}
