using System.Diagnostics;
using Planner.Core.Circles;
using Planner.Core.Coverage;

namespace Planner.Benchmarks;

/// <summary>
/// Stopwatch probe for the county (50,000 edges, 20,000 points, 250 stations): one GB 50180 tier against three
/// over one prepared network (the median of seven warm runs each, wall clock and process CPU time), and the three as separate runs; `dotnet run -c Release -- tiers`. The figure for
/// docs/benchmarks.md when BenchmarkDotNet's out-of-process build times out on the shared machine.
/// </summary>
internal static class TiersProbe
{
    public static void Run()
    {
        var context = CoverageContext.Prepare(Scenarios.County);
        var catalog = LifeCircleCatalog.Builtin();
        CoverageOptions Tier(string id) => new CoverageOptions { BuildCircles = false }.ForCircle(catalog.Find(id)!);
        CoverageOptions[] one = [Tier("gb50180-15min")];
        CoverageOptions[] three = [Tier("gb50180-5min"), Tier("gb50180-10min"), Tier("gb50180-15min")];
        var a = Median(() => CoverageTiers.Compute(context, one));
        var b = Median(() => CoverageTiers.Compute(context, three));
        // The three tiers as three runs, each searching on its own (what a tiered run cost before the searches were shared).
        var c = Median(() => { foreach (var t in three) { CoverageTiers.Compute(context, [t]); } });
        Console.WriteLine($"one tier {a.Wall:0.0} ms (cpu {a.Cpu:0.0}); three tiers {b.Wall:0.0} ms (cpu {b.Cpu:0.0}), ratio {b.Wall / a.Wall:0.00} (cpu {b.Cpu / a.Cpu:0.00}); " +
            $"three separate runs {c.Wall:0.0} ms (cpu {c.Cpu:0.0}), ratio {c.Wall / a.Wall:0.00} (cpu {c.Cpu / a.Cpu:0.00})");
    }

    /// <summary>Median wall-clock and process CPU milliseconds of seven warm runs (CPU time is steadier on a shared machine).</summary>
    private static (double Wall, double Cpu) Median(Action run)
    {
        run();
        var wall = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < 7; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[3], cpu[3]);
    }
}
