using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Coverage;
using Planner.Core.Geo;

namespace Planner.Benchmarks;

/// <summary>
/// City scale (1,000,000 edges, 1,000,000 demand points, 5,000 stations): move one station and read the new
/// region coverage per group and per unit, through <see cref="IncrementalCoverage"/> (issue 5 target &lt; 50 ms).
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private IncrementalCoverage _coverage = null!;
    private (string Station, GeoPoint To)[] _moves = [];
    private int _next;

    /// <summary>Generates and prepares the region and computes every catchment once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var region = Scenarios.City;
        var options = new CoverageOptions { BuildCircles = false };
        _coverage = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        var random = new Random(5);
        var ids = _coverage.StationIds;

        // Each move takes a station to a demand point about 1 km away at most (a realistic relocation).
        _moves = [.. Enumerable.Range(0, 256).Select(_ =>
        {
            string id = ids[random.Next(ids.Count)];
            var from = region.Stations.First(s => s.Id == id).Location;
            return (id, new GeoPoint(from.Lon + ((random.NextDouble() - 0.5) * 0.02), from.Lat + ((random.NextDouble() - 0.5) * 0.02)));
        })];
    }

    /// <summary>Moves one station and returns the region's covered total and the number of units reported.</summary>
    [Benchmark]
    public double MoveOneStationAndGetCoverage()
    {
        var (station, to) = _moves[_next++ % _moves.Length];
        _coverage.MoveStation(station, to);
        return _coverage.RegionGroups()["total"].Covered + _coverage.UnitGroups().Count;
    }
}
