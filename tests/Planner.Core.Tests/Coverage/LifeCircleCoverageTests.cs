using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.Synthetic;
using Planner.Core.Tests.Import;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Coverage;

public class LifeCircleCoverageTests
{
    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    [Fact]
    public void Gb50180_15min_PointAt950MetresOnAStraightRoad_CoveredAtTheCapOf1000NotAt900()
    {
        // 950 m at 4.8 km/h is 11.9 minutes: within 15 minutes, within a 1,000 m cap, beyond a 900 m one.
        var region = Region(Line(0, 1000, 2000), [Point("p", 950, 0, total: 100, elderly: 0)], [Station("s", 0, 0)]);
        var circle = new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Default);

        var report = CoverageCalculator.Compute(region, circle);
        var capped = CoverageCalculator.Compute(region, circle with { CapMeters = 900 });

        Assert.Equal((1000.0, "gb50180-15min"), (report.CapMeters!.Value, report.Circle));
        Assert.Equal(100, report.Groups["total"].Covered);
        Assert.Equal(0, capped.Groups["total"].Covered);
        Assert.Equal((1, 1), (report.Settlements.Points, report.Settlements.Covered));
        Assert.Equal(0, capped.Settlements.Covered);
    }

    [Fact]
    public void Uncapped_PointAt1100Metres_CoveredByTimeAloneAsBefore()
    {
        // 1,100 m is 13.75 minutes at 4.8 km/h: the old 1,200 m reach covers it, the 1,000 m cap does not.
        var region = Region(Line(0, 1000, 2000), [Point("p", 1100, 0, total: 100, elderly: 0)], [Station("s", 0, 0)]);
        var options = new CoverageOptions { BuildCircles = false };
        Assert.Equal(100, CoverageCalculator.Compute(region, options.ForCircle(Catalog.Default, noCap: true)).Groups["total"].Covered);
        Assert.Equal(0, CoverageCalculator.Compute(region, options.ForCircle(Catalog.Default)).Groups["total"].Covered);
        Assert.Null(CoverageCalculator.Compute(region, options.ForCircle(Catalog.Default, noCap: true)).CapMeters);
    }

    [Fact]
    public void Cap_FastestStationBeyondCapButAnotherWithin_CoveredByTheOther()
    {
        // Drive: a fast primary road 3 km round to the point versus 400 m along a slow track from a second station.
        var speeds = TravelProfile.Walk() with
        {
            HighwaySpeedsKmh = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("primary", 60),
        };
        var roads = new[]
        {
            Road("fast", "primary", (-3000, 0), (0, 0)),
            Road("slow", "footway", (0, 0), (400, 0)),
        };
        var region = Region(roads, [Point("p", 0, 0, total: 10, elderly: 0)], [Station("far", -3000, 0), Station("near", 400, 0)]);
        var options = new CoverageOptions { Profile = speeds, Minutes = 15, CapMeters = 1000, BuildCircles = false };
        Assert.Equal(10, CoverageCalculator.Compute(region, options).Groups["total"].Covered);
    }

    [Fact]
    public void Tiers_SameStations_AreMonotone5In10In15()
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(3000, 4000, 12, Seed: 7));
        // Every station at one level, so the tiers count the same stations.
        region = region with { Stations = [.. region.Stations.Select(s => s with { Level = StationLevel.TownshipStation, Status = StationStatus.Operating })] };
        var context = CoverageContext.Prepare(region);
        var covered = new[] { "gb50180-5min", "gb50180-10min", "gb50180-15min" }
            .Select(id => new CoverageCalculator(context, new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Find(id)!)).Compute())
            .ToArray();
        for (int t = 1; t < covered.Length; t++)
        {
            for (int p = 0; p < covered[t].Points.Count; p++)
            {
                Assert.True(!covered[t - 1].Points[p].Covered || covered[t].Points[p].Covered, $"point {p} covered by tier {t - 1} but not {t}");
            }

            foreach (var g in region.Groups.Names)
            {
                Assert.True(covered[t - 1].Groups[g].Covered <= covered[t].Groups[g].Covered);
            }
        }

        Assert.True(covered[0].Groups["total"].Covered < covered[2].Groups["total"].Covered, "the tiers should differ on this region");
    }

    [Fact]
    public void Gb50180_15min_Guixi_EqualsPlainDistanceDijkstraAtTheCap()
    {
        var result = RegionFolderReader.Read(Path.Combine(ImportFixtures.RepoRoot(), "data", "guixi"));
        var region = Assert.IsType<Region>(result.Region);
        var options = new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Default);
        var context = CoverageContext.Prepare(region, options);
        var report = new CoverageCalculator(context, options).Compute();

        // Independent: a plain Dijkstra by metres from every counted station, over the same edges.
        var stations = region.Stations.Where(options.Counts).Select(s => context.Snapper!.Snap(context.Projection.Project(s.Location))).ToArray();
        var meters = PlainDistances(context.Graph!, stations, context.DemandLocations, 1000);
        int total = region.Groups.IndexOf("total"), elderly = region.Groups.IndexOf("elderly");
        double expectTotal = 0, expectElderly = 0;
        for (int p = 0; p < meters.Length; p++)
        {
            // Base pace 4.8 km/h reaches 1,200 m in 15 minutes: the 1,000 m cap binds. The elderly's 3.6 km/h reaches 900 m.
            expectTotal += meters[p] <= 1000 ? region.Demand[p].Counts[total] : 0;
            expectElderly += meters[p] <= 900 ? region.Demand[p].Counts[elderly] : 0;
        }

        Assert.True(expectTotal > 0 && expectElderly > 0);
        Assert.InRange(report.Groups["total"].Covered, expectTotal * 0.999, expectTotal * 1.001);
        Assert.InRange(report.Groups["elderly"].Covered, expectElderly * 0.999, expectElderly * 1.001);
    }

    /// <summary>Network metres from the nearest source to every location: a textbook Dijkstra on edge lengths, then partial edges and legs.</summary>
    private static double[] PlainDistances(RoadGraph graph, NetworkLocation[] sources, NetworkLocation[] targets, double bound)
    {
        var t = graph.Edges;
        var adjacency = new List<(int To, double Meters)>[graph.VertexCount];
        for (int v = 0; v < adjacency.Length; v++)
        {
            adjacency[v] = [];
        }

        for (int e = 0; e < graph.EdgeCount; e++)
        {
            adjacency[t.From[e]].Add((t.To[e], t.LengthMeters[e]));
            adjacency[t.To[e]].Add((t.From[e], t.LengthMeters[e]));
        }

        var dist = Enumerable.Repeat(double.PositiveInfinity, graph.VertexCount).ToArray();
        var queue = new PriorityQueue<int, double>();
        foreach (var s in sources.Where(s => s.IsOnNetwork))
        {
            Relax(t.From[s.Edge], s.OffsetMeters + s.LegMeters);
            Relax(t.To[s.Edge], t.LengthMeters[s.Edge] - s.OffsetMeters + s.LegMeters);
        }

        while (queue.TryDequeue(out int v, out double d))
        {
            if (d > dist[v] || d > bound)
            {
                continue;
            }

            foreach (var (w, m) in adjacency[v])
            {
                Relax(w, d + m);
            }
        }

        return [.. targets.Select(p =>
        {
            if (!p.IsOnNetwork)
            {
                return double.PositiveInfinity;
            }

            double best = Math.Min(dist[t.From[p.Edge]] + p.OffsetMeters, dist[t.To[p.Edge]] + t.LengthMeters[p.Edge] - p.OffsetMeters) + p.LegMeters;
            foreach (var s in sources.Where(s => s.Edge == p.Edge))
            {
                best = Math.Min(best, Math.Abs(s.OffsetMeters - p.OffsetMeters) + s.LegMeters + p.LegMeters);
            }

            return best;
        })];

        void Relax(int v, double d)
        {
            if (d < dist[v])
            {
                dist[v] = d;
                queue.Enqueue(v, d);
            }
        }
    }
}
