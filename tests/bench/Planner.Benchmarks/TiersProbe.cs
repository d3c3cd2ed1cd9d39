using System.Diagnostics;
using Planner.Core.Circles;
using Planner.Core.Coverage;

namespace Planner.Benchmarks;

/// <summary>
/// Stopwatch probe for the county (50,000 edges, 20,000 points, 250 stations): one GB 50180 tier against three
/// over one prepared network (the median of five warm runs each); `dotnet run -c Release -- tiers`. The figure for
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
        double a = Median(() => CoverageTiers.Compute(context, one)), b = Median(() => CoverageTiers.Compute(context, three));
        Console.WriteLine($"one tier {a:0.0} ms; three tiers {b:0.0} ms; ratio {b / a:0.00}");
    }

    private static double Median(Action run)
    {
        run();
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[2];
    }
}
