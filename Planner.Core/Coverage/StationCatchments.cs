using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Model;

namespace Planner.Core.Coverage;

/// <summary>
/// Per-station bounded searches, run in parallel with one worker (buffers) per thread: people per group within
/// each group's limit, points within the base limit, points shared with other stations, and service circles.
/// </summary>
internal sealed class StationCatchments
{
    private StationCatchments(int stations, int groups)
    {
        BasePoints = new int[stations][];
        People = new double[stations][];
        SharedPoints = new int[stations];
        AreaKm2 = new double[stations];
        Circles = new Geometry?[stations];
        for (int j = 0; j < stations; j++)
        {
            People[j] = new double[groups];
        }
    }

    /// <summary>Per station, the points within the base limit.</summary>
    public int[][] BasePoints { get; }

    /// <summary>Per station and group, people within that group's limit.</summary>
    public double[][] People { get; }

    /// <summary>Per station, its base-limit points that another station also reaches within the base limit.</summary>
    public int[] SharedPoints { get; }

    /// <summary>Per station, the service-circle area in km² (0 when not built).</summary>
    public double[] AreaKm2 { get; }

    /// <summary>Projected service circles.</summary>
    public Geometry?[] Circles { get; }

    public static StationCatchments Compute(ITravelTimes times, int stations, ImmutableArray<DemandPoint> demand,
        double[] groupLimits, double baseLimit, CoverageOptions options, IProgress<double>? progress)
    {
        var result = new StationCatchments(stations, groupLimits.Length);
        double searchLimit = Math.Max(baseLimit, groupLimits.DefaultIfEmpty(0).Max());
        int done = 0;
        Parallel.For(0, stations, CoverageContext.Parallelism(options),
            () => (Worker: times.CreateWorker(), List: new List<(int Point, double Seconds)>(), Base: new List<int>()),
            (j, _, local) =>
            {
                local.Worker.Catchment(j, searchLimit, local.List);
                local.Base.Clear();
                var people = result.People[j];
                foreach (var (p, s) in local.List)
                {
                    if (s <= baseLimit)
                    {
                        local.Base.Add(p);
                    }

                    var counts = demand[p].Counts;
                    for (int g = 0; g < people.Length; g++)
                    {
                        people[g] += s <= groupLimits[g] ? counts[g] : 0;
                    }
                }

                local.Base.Sort();
                result.BasePoints[j] = [.. local.Base];
                if (options.BuildCircles && local.Worker.Circle(baseLimit) is { } circle)
                {
                    result.Circles[j] = circle;
                    result.AreaKm2[j] = Math.Round(circle.Area / 1e6, 4);
                }

                progress?.Report((double)Interlocked.Increment(ref done) / stations);
                return local;
            },
            _ => { });
        result.CountShared(demand.Length);
        return result;
    }

    /// <summary>People per group of one station, by group name.</summary>
    public Dictionary<string, double> ByGroup(int station, PopulationGroups groups) =>
        groups.Names.Select((n, g) => (n, g)).ToDictionary(x => x.n, x => People[station][x.g], StringComparer.Ordinal);

    private void CountShared(int points)
    {
        var reach = new int[points];
        foreach (var list in BasePoints)
        {
            foreach (int p in list)
            {
                reach[p]++;
            }
        }

        for (int j = 0; j < BasePoints.Length; j++)
        {
            SharedPoints[j] = BasePoints[j].Count(p => reach[p] > 1);
        }
    }
}
