using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Benchmarks;

/// <summary>City scale (1,000,000 edges, 1,000,000 demand points, 5,000 stations).</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class CityBenchmarks
{
    private Region _region = null!;
    private LocalProjection _projection = null!;
    private CoverageContext _context = null!;
    private NetworkLocation[] _stations = [];
    private Dijkstra _search = null!;

    /// <summary>Generates and prepares the region once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _region = Scenarios.City;
        _projection = _region.CreateProjection();
        _context = CoverageContext.Prepare(_region);
        _stations = [.. _region.Stations.Where(s => s.Status == StationStatus.Operating).Select(s => _context.Snapper!.Snap(s.Location))];
        _search = new Dijkstra(_context.Graph!);
    }

    /// <summary>Builds the walk graph from the region's roads (projection, splitting, islands, CSR).</summary>
    [Benchmark]
    public int GraphBuild() => RoadGraph.Build(_region.Roads, _projection, TravelProfile.Walk()).EdgeCount;

    /// <summary>Nearest-station time for every demand point: one multi-source search plus one lookup per point.</summary>
    [Benchmark]
    public int NearestStationForEveryPoint()
    {
        var sources = _stations.Select((s, i) => (s, i)).ToArray();
        _search.Run(sources, double.PositiveInfinity);
        int covered = 0;
        foreach (var l in _context.DemandLocations)
        {
            covered += _search.SecondsTo(l).Seconds <= 900 ? 1 : 0;
        }

        return covered;
    }

    /// <summary>Every station's 15-minute catchment by bounded searches on two threads.</summary>
    [Benchmark]
    public int AllCatchments()
    {
        var options = new CoverageOptions { BuildCircles = false };
        var times = new NetworkTravelTimes(_context, _stations, options);
        return StationCatchments.Compute(times, _stations.Length, _region.Demand, [900, 675, 900], 900, 900, 900, options, null).BasePoints.Length;
    }
}
