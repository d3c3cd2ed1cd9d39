using System.Diagnostics;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Benchmarks;

/// <summary>
/// A plain stopwatch run (`-- time county|city`): each stage timed after one warm-up, with the process's peak
/// working set, for the figures BenchmarkDotNet is too slow to repeat at city scale on two cores.
/// </summary>
internal static class Timing
{
    public static void Run(string scale)
    {
        var sw = Stopwatch.StartNew();
        var region = scale == "city" ? Scenarios.City : Scenarios.County;
        Console.WriteLine($"generate {region.Roads.Length} roads, {region.Demand.Length} points, {region.Stations.Length} stations: {sw.ElapsedMilliseconds} ms");
        var profile = TravelProfile.Walk();
        var projection = region.CreateProjection();
        RoadGraph graph = null!;
        Time("graph build", 2, () => graph = RoadGraph.Build(region.Roads, projection, profile));
        Console.WriteLine($"  {graph.VertexCount} vertices, {graph.EdgeCount} edges, {graph.Stats.IslandsRemoved} islands removed ({graph.Stats.IslandLengthMeters:0} m)");
        CoverageContext context = null!;
        Time("prepare (graph + snap every point + units)", 1, () => context = CoverageContext.Prepare(region));
        var noCircles = new CoverageOptions { BuildCircles = false };
        var calc = new CoverageCalculator(context, noCircles);
        var stations = region.Stations.Where(s => s.Status == StationStatus.Operating)
            .Select(s => (context.Snapper!.Snap(s.Location), 0)).ToArray();
        for (int i = 0; i < stations.Length; i++)
        {
            stations[i].Item2 = i;
        }

        var search = new Dijkstra(context.Graph!);
        var locations = region.Demand.Select(d => context.Snapper!.Snap(d.Location)).ToArray();
        double covered = 0;
        Time("nearest-station time for every point (one multi-source search)", 3, () =>
        {
            search.Run(stations, double.PositiveInfinity);
            covered = 0;
            for (int p = 0; p < locations.Length; p++)
            {
                covered += search.SecondsTo(locations[p]).Seconds <= 900 ? 1 : 0;
            }
        });
        Console.WriteLine($"  points covered: {covered}");
        var times = new NetworkTravelTimes(context, [.. stations.Select(s => s.Item1)], noCircles);
        Time("all station catchments (bounded searches, 2 threads)", 3, () =>
            StationCatchments.Compute(times, stations.Length, region.Demand, [900, 900 * 3.6 / 4.8, 900], 900, 900, 900, noCircles, null));
        CoverageReport report = null!;
        Time("full coverage report without circles", 3, () => report = calc.Compute());
        Console.WriteLine($"  covered total {report.Groups["total"].Covered} of {report.Groups["total"].Population}, gaps {report.Gaps.Count}");
        if (scale != "city")
        {
            var withCircles = new CoverageCalculator(context, new CoverageOptions());
            Time("full coverage report with service circles", 2, () => report = withCircles.Compute());
            Time("reference: one full Dijkstra per station", 1, () => Console.WriteLine($"  reference covered {ReferenceCoverage.CoveredTotal(context, 15)}"));
        }

        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
    }

    private static void Time(string name, int repeats, Action action)
    {
        action();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < repeats; i++)
        {
            action();
        }

        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / repeats:0.0} ms (mean of {repeats} warm runs)");
    }
}
