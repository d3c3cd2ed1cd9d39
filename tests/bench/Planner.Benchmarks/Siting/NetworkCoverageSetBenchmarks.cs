using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Siting;
using Planner.Core.Synthetic;

namespace Planner.Benchmarks.Siting;

/// <summary>
/// Network coverage sets for siting at county scale: a synthetic region (50,000 road edges, 50,000 demand points,
/// 250 operating stations, seed 42) with 2,000 candidates (every 25th demand point's location), 15 minutes' walk.
/// Measures <see cref="RegionCoverageMatrixSource.Build"/> over <see cref="NetworkTravelTimeSource"/>: snapping
/// 2,250 sites and 50,000 points, then one bounded Dijkstra per site on all cores.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class NetworkCoverageSetBenchmarks
{
    private Region _region = null!;
    private ITravelTimeSource _travel = null!;

    /// <summary>Generates the region and builds its road graph once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(50_000, 50_000, 250, Seed: 42));
        var candidates = region.Demand.Where((_, i) => i % 25 == 0).Take(2_000)
            .Select((d, i) => new Candidate($"c{i:D4}", $"candidate {i}", d.Location, 1)).ToArray();
        _region = region with { Candidates = [.. candidates] };
        _travel = NetworkTravelTimeSource.ForRegion(_region, new CoverageOptions { Minutes = 15, Mode = "walk" });
    }

    /// <summary>Coverage sets of 2,250 sites (250 stations + 2,000 candidates) over 50,000 points within 15 min.</summary>
    [Benchmark]
    public int BuildCoverageSets()
    {
        var matrix = new RegionCoverageMatrixSource(_travel).Build(_region, 15, 15, CancellationToken.None);
        int pairs = 0;
        for (int s = 0; s < matrix.Sites.Length; s++)
        {
            pairs += matrix.CoveredBy(s).Length;
        }

        Console.WriteLine($"SITING-NETWORK sites={matrix.Sites.Length} demand={matrix.Demand.Length} pairs={pairs}");
        return pairs;
    }
}
