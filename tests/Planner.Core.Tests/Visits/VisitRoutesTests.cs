using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;
using Planner.Core.Visits;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Visits;

public class VisitRoutesTests
{
    /// <summary>
    /// A 1.6 km grid of 200 m pieces, residential except a primary road at y = 800 and x = 800 (faster on an
    /// e-bike, so the fastest way is not the shortest) and a one-way street at y = 400 (eastwards only).
    /// </summary>
    private static Region Grid()
    {
        var roads = new List<Road>();
        for (int i = 0; i <= 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                double c = i * 200, a = j * 200, b = (j + 1) * 200;
                roads.Add(c == 400
                    ? Road($"h{i}-{j}", Tags(("highway", "residential"), ("oneway", "yes")), (a, c), (b, c))
                    : Road($"h{i}-{j}", c == 800 ? "primary" : "residential", (a, c), (b, c)));
                roads.Add(Road($"v{i}-{j}", c == 800 ? "primary" : "residential", (c, a), (c, b)));
            }
        }

        return Region(roads, [], [Station("S1", 810, 790, workers: 2)]);
    }

    private static VisitCase Case(string id, double x, double y, int visits) =>
        new(id, At(x, y), null, CaseCategories.ElderlyAlone, visits, 30);

    private static readonly VisitCase[] Cases =
    [
        Case("C1", 130, 1490, 4), Case("C2", 1530, 110, 2), Case("C3", 470, 370, 3), Case("C4", 1290, 1410, 1), Case("C5", 60, 620, 2),
    ];

    private const double HalfSecond = (0.5 / 60) + 1e-9;

    /// <summary>The snap is the next point of the line, or the end itself when the point is on the road (no leg).</summary>
    private static bool Joins(ProjectedPoint snap, ProjectedPoint end, ProjectedPoint next) =>
        snap.DistanceMeters(next) < 1e-6 || snap.DistanceMeters(end) < 1e-6;

    private static double Length(IReadOnlyList<ProjectedPoint> line) => line.Zip(line.Skip(1), (a, b) => a.DistanceMeters(b)).Sum();

    [Fact]
    public void Find_GridWithOneWayAndFastRoads_LengthAndTimeEqualAnIndependentDijkstra()
    {
        var region = Grid();
        var graph = RoadGraph.Build(region, TravelProfile.Builtin("ebike"));
        var snapper = new Snapper(graph);
        var dijkstra = new Dijkstra(graph);
        var search = new PathSearch(graph);
        var points = new[] { Metres(810, 790), Metres(130, 1490), Metres(1530, 110), Metres(470, 370), Metres(1290, 1410), Metres(60, 620), Metres(1000, 410) };
        foreach (var from in points)
        {
            foreach (var to in points.Where(p => p != from))
            {
                var (a, b) = (snapper.Snap(from), snapper.Snap(to));
                dijkstra.Run(a, double.PositiveInfinity);
                var reach = dijkstra.ReachTo(b);

                var path = search.Find(from, a, to, b);

                Assert.Equal(reach.Seconds, path.Seconds, 6);
                Assert.Equal(reach.Meters, path.Meters, 3);
                Assert.Equal(reach.Meters, Length(path.Points), 3);
                Assert.Equal((from, to), (path.Points[0], path.Points[^1]));
                Assert.True(Joins(graph.PointAlong(a.Edge, a.OffsetMeters), path.Points[0], path.Points[1]), "the path joins the road at the origin's snap");
                Assert.True(Joins(graph.PointAlong(b.Edge, b.OffsetMeters), path.Points[^1], path.Points[^2]), "the path leaves the road at the target's snap");
            }
        }
    }

    [Fact]
    public void For_PlanOnGrid_EachLegTakesThePlansMinutesAndPassesEveryStop()
    {
        var region = Grid();
        var plan = VisitPlanner.Plan(region, Cases, new VisitPlanOptions { Mode = "ebike", SecondsPerStation = 0.3, Parallelism = 1 });

        var routes = VisitRoutes.For(region, plan);

        Assert.Equal(plan.Days.Length, routes.Length);
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var day = route.Day;
            Assert.Equal(day.Stops.Length + 2, route.Stops.Length);
            Assert.Equal(day.Stops.Length + 1, route.LegMinutes.Length);
            for (int i = 0; i < day.Stops.Length; i++)
            {
                // The routing matrix holds whole seconds.
                Assert.InRange(route.LegMinutes[i] - day.Stops[i].TravelMinutes, -HalfSecond, HalfSecond);
                Assert.Equal(plan.Homes[day.Stops[i].CaseId], route.Stops[i + 1]);
            }

            Assert.InRange(route.Minutes - day.TravelMinutes, -HalfSecond * route.LegMinutes.Length, HalfSecond * route.LegMinutes.Length);
            Assert.Equal(route.Stops[0], route.Line[0]);
            Assert.Equal(route.Stops[^1], route.Line[^1]);

            // Every home is a vertex of the line, in visit order; the line follows the roads (more points than stops).
            int at = 0;
            foreach (var stop in route.Stops)
            {
                at = route.Line.IndexOf(stop, at);
                Assert.True(at >= 0, "the line passes the stop");
            }

            Assert.True(route.Line.Length > route.Stops.Length);
        }
    }
}
