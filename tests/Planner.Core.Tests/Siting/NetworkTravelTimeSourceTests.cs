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
    public void ForContext_DriveWithSpeedOverride_MinutesEqualCoverageNearestMinutes()
    {
        // By car a primary road runs at 50 km/h and a residential street at 25 km/h; an override of 45 km/h on the
        // drive profile's 30 scales both by 1.5 (75 and 37.5), as coverage does. s1 stands 5 m off the primary;
        // d2 stands on the street 1,000 m up from the primary's end: 3,005 m at 75 km/h (2.404 min) plus 1,000 m
        // at 37.5 km/h (1.6 min) = 4.004 min. "far" is beyond the 500 m snap distance.
        var roads = new[] { Road("p", "primary", (0, 0), (3000, 0)), Road("r", "residential", (3000, 0), (3000, 2000)) };
        Planner.Core.Model.DemandPoint[] demand = [Point("d1", 1000, 10), Point("d2", 3000, 1000), Point("d3", 3010, 2000), Point("far", 9000, 9000)];
        var region = Region(roads, demand, [Station("s1", 0, 5)]);
        var options = new CoverageOptions { Mode = "drive", SpeedKmh = 45, Minutes = 30, BuildCircles = false, MinIslandVertices = 0 };

        var report = CoverageCalculator.Compute(region, options);
        var source = NetworkTravelTimeSource.ForContext(CoverageContext.Prepare(region, options), options);
        var pairs = source.Within([region.Stations[0].Location], [.. demand.Select(d => d.Location)], 1000, CancellationToken.None);

        for (int p = 0; p < demand.Length; p++)
        {
            var expected = report.Points.Single(x => x.Id == demand[p].Id);
            var mine = pairs.Where(x => x.Target == p).ToList();
            if (expected.Minutes is { } minutes)
            {
                Assert.Equal(minutes, Assert.Single(mine).Minutes, 3);
            }
            else
            {
                Assert.Empty(mine);
            }
        }

        Assert.Equal(4.004, pairs.Single(x => x.Target == 1).Minutes, 6);
        Assert.Null(report.Points.Single(x => x.Id == "far").Minutes);
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
