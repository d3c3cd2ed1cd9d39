using Planner.Core.Model;
using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Network;

public class DijkstraTests
{
    internal static (RoadGraph Graph, Snapper Snapper) Prepare(IEnumerable<Road> roads, TravelProfile? profile = null)
    {
        var g = RoadGraph.Build(Region(roads, [], []), profile ?? TravelProfile.Walk(), new RoadGraphOptions(0));
        return (g, new Snapper(g));
    }

    [Fact]
    public void SecondsTo_ThreeEdgeLine_MatchesHandComputation()
    {
        // Edges 0-100, 100-300, 300-600 m. Source 20 m off the road at x=50, target 30 m off at x=450:
        // 20 + 50 + 200 + 150 + 30 = 450 m at 4.8 km/h.
        var (g, snap) = Prepare(Line(0, 100, 300, 600));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(50, 20)), double.PositiveInfinity);
        var (seconds, label) = search.SecondsTo(snap.Snap(Metres(450, -30)));
        Assert.Equal(450 / WalkMetresPerSecond, seconds, 6);
        Assert.Equal(0, label);
    }

    [Fact]
    public void ReachTo_ThreeEdgeLine_CarriesTheNetworkDistanceOfTheSamePath()
    {
        // The same 450 m as above (legs 20 + 30, partial edges 50 + 150, one whole edge 200).
        var (g, snap) = Prepare(Line(0, 100, 300, 600));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(50, 20)), double.PositiveInfinity);
        var reach = search.ReachTo(snap.Snap(Metres(450, -30)));
        Assert.Equal(450, reach.Meters, 6);
        Assert.Equal(450 / WalkMetresPerSecond, reach.Seconds, 6);
    }

    [Fact]
    public void ReachTo_SameEdge_MetresAlongThePartialEdge()
    {
        var (g, snap) = Prepare(Line(0, 1000));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(600, 10)), double.PositiveInfinity);
        Assert.Equal(10 + 400 + 5, search.ReachTo(snap.Snap(Metres(200, -5))).Meters, 6);
    }

    [Fact]
    public void ReachTo_DriveOnewayDetour_MetresOfTheDetour()
    {
        // The fastest (only) way west along the oneway bottom side is round the square: 200 + 3000 + 600 m.
        var roads = new[]
        {
            Road("bottom", Tags(("highway", "residential"), ("oneway", "yes")), (0, 0), (1000, 0)),
            Road("right", "residential", (1000, 0), (1000, 1000)),
            Road("top", "residential", (1000, 1000), (0, 1000)),
            Road("left", "residential", (0, 1000), (0, 0)),
        };
        var (g, snap) = Prepare(roads, TravelProfile.Builtin("drive"));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(800, 0)), double.PositiveInfinity);
        Assert.Equal(3800, search.ReachTo(snap.Snap(Metres(600, 0))).Meters, 6);
    }

    [Fact]
    public void SecondsTo_SameEdge_RunsAlongThePartialEdge()
    {
        var (g, snap) = Prepare(Line(0, 1000));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(200, 0)), double.PositiveInfinity);
        Assert.Equal(300 / WalkMetresPerSecond, search.SecondsTo(snap.Snap(Metres(500, 0))).Seconds, 6);
    }

    [Fact]
    public void SecondsTo_BeyondLimit_Infinite()
    {
        var (g, snap) = Prepare(Line(0, 100, 300, 600));
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(0, 0)), 400 / WalkMetresPerSecond);
        Assert.True(double.IsFinite(search.SecondsTo(snap.Snap(Metres(390, 0))).Seconds));
        Assert.True(double.IsPositiveInfinity(search.SecondsTo(snap.Snap(Metres(410, 0))).Seconds));
    }

    [Fact]
    public void Drive_OnewayAgainstDirection_GoesAround()
    {
        // A square: the bottom side is oneway eastward; going west must take the other three sides.
        var roads = new[]
        {
            Road("bottom", Tags(("highway", "residential"), ("oneway", "yes")), (0, 0), (1000, 0)),
            Road("right", "residential", (1000, 0), (1000, 1000)),
            Road("top", "residential", (1000, 1000), (0, 1000)),
            Road("left", "residential", (0, 1000), (0, 0)),
        };
        var drive = TravelProfile.Builtin("drive");
        var (g, snap) = Prepare(roads, drive);
        var search = new Dijkstra(g);
        search.Run(snap.Snap(Metres(800, 0)), double.PositiveInfinity);
        double speed = drive.SpeedKmhOn(roads[1]) / 3.6;
        Assert.Equal((200 + 3000 + 600) / speed, search.SecondsTo(snap.Snap(Metres(600, 0))).Seconds, 6);
        Assert.Equal(200 / speed, search.SecondsTo(snap.Snap(Metres(1000, 0))).Seconds, 6);
    }

    [Fact]
    public void MultiSource_LabelsNearestSource()
    {
        var (g, snap) = Prepare(Line(0, 500, 1000, 1500, 2000));
        var search = new Dijkstra(g);
        search.Run([(snap.Snap(Metres(100, 0)), 7), (snap.Snap(Metres(1900, 0)), 9)], double.PositiveInfinity);
        Assert.Equal(7, search.SecondsTo(snap.Snap(Metres(900, 0))).Label);
        Assert.Equal(9, search.SecondsTo(snap.Snap(Metres(1100, 0))).Label);
        Assert.Equal(100 / WalkMetresPerSecond, search.SecondsTo(snap.Snap(Metres(1800, 0))).Seconds, 6);
    }

    [Fact]
    public void SecondsTo_SeededRandomGraphs_MatchFloydWarshall()
    {
        for (int seed = 1; seed <= 60; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(8, 40);
            var pos = Enumerable.Range(0, n).Select(_ => (X: rng.NextDouble() * 3000, Y: rng.NextDouble() * 3000)).ToArray();
            var edges = RandomEdges(rng, pos);
            var roads = edges.Select((e, i) => Road($"e{i}", "residential", pos[e.A], pos[e.B])).ToList();
            var (g, snap) = Prepare(roads);
            var d = FloydWarshall(n, edges, pos);
            var search = new Dijkstra(g);
            for (int trial = 0; trial < 20; trial++)
            {
                var (ea, ta) = (rng.Next(edges.Count), 0.05 + (0.9 * rng.NextDouble()));
                var (eb, tb) = (rng.Next(edges.Count), 0.05 + (0.9 * rng.NextDouble()));
                double expected = Expected(d, edges, pos, ea, ta, eb, tb) / WalkMetresPerSecond;
                search.Run(snap.Snap(Along(pos, edges[ea], ta)), double.PositiveInfinity);
                var reach = search.ReachTo(snap.Snap(Along(pos, edges[eb], tb)));
                double actual = reach.Seconds;
                Assert.True(
                    double.IsPositiveInfinity(expected) ? double.IsPositiveInfinity(actual) : Math.Abs(expected - actual) < 1e-4,
                    $"seed {seed} trial {trial}: expected {expected}, got {actual}");

                // One speed everywhere: the fastest path is the shortest, so its metres are the Floyd-Warshall distance.
                double expectedMeters = expected * WalkMetresPerSecond;
                Assert.True(
                    double.IsPositiveInfinity(expectedMeters) ? double.IsPositiveInfinity(reach.Meters) : Math.Abs(expectedMeters - reach.Meters) < 1e-3,
                    $"seed {seed} trial {trial}: expected {expectedMeters} m, got {reach.Meters} m");
            }
        }
    }

    internal static List<(int A, int B)> RandomEdges(Random rng, (double X, double Y)[] pos)
    {
        var set = new HashSet<(int, int)>();
        for (int a = 0; a < pos.Length; a++)
        {
            var near = Enumerable.Range(0, pos.Length).Where(b => b != a).OrderBy(b => Dist(pos[a], pos[b])).Take(rng.Next(1, 4));
            foreach (int b in near)
            {
                set.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        return [.. set.OrderBy(e => e)];
    }

    private static double Dist((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    internal static Planner.Core.Geo.ProjectedPoint Along((double X, double Y)[] pos, (int A, int B) e, double t) =>
        Metres(pos[e.A].X + (t * (pos[e.B].X - pos[e.A].X)), pos[e.A].Y + (t * (pos[e.B].Y - pos[e.A].Y)));

    internal static double[,] FloydWarshall(int n, List<(int A, int B)> edges, (double X, double Y)[] pos)
    {
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : double.PositiveInfinity;
            }
        }

        foreach (var (a, b) in edges)
        {
            d[a, b] = d[b, a] = Math.Min(d[a, b], Dist(pos[a], pos[b]));
        }

        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    d[i, j] = Math.Min(d[i, j], d[i, k] + d[k, j]);
                }
            }
        }

        return d;
    }

    internal static double Expected(double[,] d, List<(int A, int B)> edges, (double X, double Y)[] pos, int ea, double ta, int eb, double tb)
    {
        var (a, b) = (edges[ea], edges[eb]);
        double la = Dist(pos[a.A], pos[a.B]), lb = Dist(pos[b.A], pos[b.B]);
        double best = double.PositiveInfinity;
        foreach (var (u, du) in new[] { (a.A, ta * la), (a.B, (1 - ta) * la) })
        {
            foreach (var (v, dv) in new[] { (b.A, tb * lb), (b.B, (1 - tb) * lb) })
            {
                best = Math.Min(best, du + d[u, v] + dv);
            }
        }

        return ea == eb ? Math.Min(best, Math.Abs(ta - tb) * la) : best;
    }
}
