using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Coverage;

namespace Planner.Benchmarks;

/// <summary>County scale (50,000 edges, 20,000 demand points, 250 stations): the full report on a loaded region, and the plain reference.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CountyBenchmarks
{
    private CoverageContext _context = null!;

    /// <summary>Generates and prepares the region once.</summary>
    [GlobalSetup]
    public void Setup() => _context = CoverageContext.Prepare(Scenarios.County);

    /// <summary>Every figure of the report except the service-circle polygons.</summary>
    [Benchmark(Baseline = true)]
    public double FullReport() => new CoverageCalculator(_context, new CoverageOptions { BuildCircles = false }).Compute().Groups["total"].Covered;

    /// <summary>The full report including 250 service-circle polygons.</summary>
    [Benchmark]
    public double FullReportWithCircles() => new CoverageCalculator(_context, new CoverageOptions()).Compute().Groups["total"].Covered;

    /// <summary>The default life circle, GB 50180's 15-minute walk capped at 1,000 m, without circle polygons.</summary>
    [Benchmark]
    public double OneTier() => CoverageTiers.Compute(_context, [Tier("gb50180-15min")])[0].Groups["total"].Covered;

    /// <summary>Three GB 50180 tiers (5, 10, 15 minutes) over the same prepared network, without circle polygons.</summary>
    [Benchmark]
    public double ThreeTiers() => CoverageTiers.Compute(_context, [Tier("gb50180-5min"), Tier("gb50180-10min"), Tier("gb50180-15min")])[2].Groups["total"].Covered;

    private static CoverageOptions Tier(string id) =>
        new CoverageOptions { BuildCircles = false }.ForCircle(Planner.Core.Circles.LifeCircleCatalog.Builtin().Find(id)!);

    /// <summary>One full Dijkstra per station over the whole graph (BCL priority queue, fresh arrays).</summary>
    [Benchmark]
    public double Reference() => ReferenceCoverage.CoveredTotal(_context, 15);
}
