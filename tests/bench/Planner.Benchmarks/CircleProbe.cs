using System.Diagnostics;
using Planner.Core.Coverage;

namespace Planner.Benchmarks;

/// <summary>`-- circles`: times service circles alone on the county scenario.</summary>
internal static class CircleProbe
{
    public static void Run()
    {
        var context = CoverageContext.Prepare(Scenarios.County);
        var stations = Scenarios.County.Stations.Select(s => context.Snapper!.Snap(s.Location)).Take(20).ToArray();
        var times = new NetworkTravelTimes(context, stations, new CoverageOptions());
        var worker = times.CreateWorker();
        var list = new List<Planner.Core.Network.ReachedPoint>();
        var sw = Stopwatch.StartNew();
        double catchMs = 0;
        for (int j = 0; j < stations.Length; j++)
        {
            var t0 = sw.Elapsed.TotalMilliseconds;
            worker.Catchment(j, 900, list);
            catchMs += sw.Elapsed.TotalMilliseconds - t0;
            var c = worker.Circle(900);
            if (j < 3)
            {
                Console.WriteLine($"circle {j}: {c?.NumPoints} points, {c?.Area / 1e6:0.00} km2");
            }
        }

        Console.WriteLine($"20 stations: {sw.Elapsed.TotalMilliseconds:0} ms total, {catchMs:0} ms searches");
    }
}

/// <summary>`-- prepare`: times the parts of preparing the county scenario.</summary>
internal static class PrepareProbe
{
    public static void Run(bool city)
    {
        var region = city ? Scenarios.City : Scenarios.County;
        var sw = Stopwatch.StartNew();
        var projection = region.CreateProjection();
        Console.WriteLine($"projection {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var graph = Planner.Core.Network.RoadGraph.Build(region.Roads, projection, Planner.Core.Network.TravelProfile.Walk());
        Console.WriteLine($"graph {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var snapper = new Planner.Core.Network.Snapper(graph);
        Console.WriteLine($"snapper {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var xy = region.Demand.Select(d => projection.Project(d.Location)).ToArray();
        Console.WriteLine($"project points {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        Parallel.For(0, xy.Length, i => snapper.Snap(xy[i]));

        Console.WriteLine($"snap points {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        _ = UnitIndex.Build(region);
        Console.WriteLine($"units {sw.ElapsedMilliseconds} ms");
    }
}

/// <summary>`-- report`: times the stages of a report on the county scenario.</summary>
internal static class ReportProbe
{
    public static void Run()
    {
        var context = CoverageContext.Prepare(Scenarios.County);
        var options = new CoverageOptions { BuildCircles = false };
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var stations = Scenarios.County.Stations.Where(s => s.Status == Planner.Core.Model.StationStatus.Operating).Select(s => context.Snapper!.Snap(s.Location)).ToArray();
            var times = new NetworkTravelTimes(context, stations, options);
            Console.Write($"snap stations {sw.ElapsedMilliseconds} ms; ");
            sw.Restart();
            int n = context.DemandXy.Length;
            var sec = new double[n];
            var st = new int[n];
            times.Nearest(sec, st);
            Console.Write($"nearest {sw.ElapsedMilliseconds} ms; ");
            sw.Restart();
            var c = StationCatchments.Compute(times, stations.Length, Scenarios.County.Demand, [900, 675, 900], 900, 900, 900, options, null);
            Console.Write($"catchments {sw.ElapsedMilliseconds} ms; ");
            sw.Restart();
            var gaps = GapFinder.Find(context, (p, g) => !(sec[p] <= 900), 400, 10);
            Console.Write($"gaps {sw.ElapsedMilliseconds} ms ({gaps.Count}); ");
            sw.Restart();
            var agg = new CoverageAggregation(context, (p, g) => sec[p] <= 900, p => false, new double[n]);
            agg.Units();
            agg.Region();
            Console.WriteLine($"aggregation {sw.ElapsedMilliseconds} ms");
        }
    }
}
