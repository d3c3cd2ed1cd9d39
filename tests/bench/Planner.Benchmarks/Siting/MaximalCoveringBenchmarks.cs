using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Siting;

namespace Planner.Benchmarks.Siting;

/// <summary>
/// MCLP at county scale (2,000 candidates x 50,000 demand points, p = 20): greedy + interchange heuristic, plain
/// greedy, and the exact solver (GLOP LP bound, then SCIP) to a 0.1 % gap with and without the heuristic's warm
/// start, and SCIP alone. Each run's objective, bound and
/// gap are printed ("SITING ...") so that quality can be read next to the timings.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MaximalCoveringBenchmarks
{
    private CoverageMatrix _matrix = null!;
    private readonly Dictionary<string, SitingResult> _last = [];

    /// <summary>Builds the synthetic instance once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _matrix = SyntheticSitingInstance.Create();
        Console.WriteLine($"SITING instance: {_matrix.Demand.Length} demand x {_matrix.Sites.Length} candidates, {_matrix.EntryCount} pairs, {(double)_matrix.EntryCount / _matrix.Sites.Length:0} per candidate");
    }

    /// <summary>Greedy + Teitz-Bart interchange with restarts and perturbation (the default heuristic).</summary>
    [Benchmark(Baseline = true)]
    public double Heuristic() => Run(nameof(Heuristic), Request() with { HeuristicOnly = true });

    /// <summary>Plain greedy: no interchange, one start.</summary>
    [Benchmark]
    public double PlainGreedy() => Run(nameof(PlainGreedy), Request() with { HeuristicOnly = true, Interchange = false });

    /// <summary>SCIP warm-started with the heuristic's answer.</summary>
    [Benchmark]
    public double ExactWarmStart() => Run(nameof(ExactWarmStart), Request());

    /// <summary>LP relaxation then SCIP, without the heuristic's warm start or incumbent.</summary>
    [Benchmark]
    public double ExactColdStart() => Run(nameof(ExactColdStart), Request() with { WarmStart = false });

    /// <summary>SCIP alone: no LP-relaxation phase, no warm start.</summary>
    [Benchmark]
    public double ScipAlone() => Run(nameof(ScipAlone), Request() with { WarmStart = false, LpBoundFirst = false });

    /// <summary>Prints the quality of the last run of each method.</summary>
    [GlobalCleanup]
    public void Report()
    {
        foreach (var (name, r) in _last)
        {
            Console.WriteLine($"SITING {name}: method={r.Method} status={r.Status} objective={r.Objective:0} bound={r.Bound:0} gap={r.Gap:P4} seconds={r.Seconds:0.000} sites={r.Sites.Length} ({r.StatusText})");
        }
    }

    private static SitingRequest Request() => new() { Model = SitingModel.Mclp, P = 20, TimeLimitSeconds = 60, RelativeGap = 0.001 };

    private double Run(string name, SitingRequest request)
    {
        var result = SitingSolver.Solve(_matrix, request);
        _last[name] = result;
        return result.Objective;
    }
}
