using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Per-station bounded searches, run in parallel with one worker (buffers) per thread: people per group within
/// each group's limit, points within the base limit, points shared with other stations, and service circles.
/// With a distance cap a point counts for a station only when the network distance of its path is within the
/// cap too, and each point keeps the best time over the stations within the cap (<see cref="BestSeconds"/>),
/// the figure a capped run covers by: a point is covered when some station reaches it in time and within the cap.
/// </summary>
internal sealed class StationCatchments
{
    private StationCatchments(int stations, int groups, int points)
    {
        BestSeconds = new double[points];
        Array.Fill(BestSeconds, double.PositiveInfinity);
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

    /// <summary>Per demand point, the fewest seconds (profile speeds) to a station within the search limit and the cap; +∞ when none.</summary>
    public double[] BestSeconds { get; }

    /// <summary>Projected service circles.</summary>
    public Geometry?[] Circles { get; }

    /// <param name="times">The travel times.</param>
    /// <param name="stations">Number of counted stations.</param>
    /// <param name="demand">The demand points.</param>
    /// <param name="groupLimits">Per group, the limit in seconds at the profile's speeds.</param>
    /// <param name="baseLimit">The base pace's limit in seconds at the profile's speeds.</param>
    /// <param name="circleLimit">The limit the service circles are drawn to (the base limit, shortened to the cap at the profile's speed).</param>
    /// <param name="searchLimit">How far each station's search goes: every group's limit, or less under a cap (never short of <paramref name="circleLimit"/>).</param>
    /// <param name="options">The run's options (its cap, circles, parallelism).</param>
    /// <param name="progress">Receives the fraction of stations done.</param>
    /// <param name="shared">
    /// Per station, what a search shared with other tiers reached (to at least <paramref name="searchLimit"/>), or
    /// null to search here; never given when circles are built (they need the search itself).
    /// </param>
    public static StationCatchments Compute(ITravelTimes times, int stations, ImmutableArray<DemandPoint> demand,
        double[] groupLimits, double baseLimit, double circleLimit, double searchLimit, CoverageOptions options, IProgress<double>? progress,
        Func<int, IReadOnlyList<ReachedPoint>?>? shared = null)
    {
        var result = new StationCatchments(stations, groupLimits.Length, demand.Length);
        double cap = options.CapMeters ?? double.PositiveInfinity;
        var gate = new Lock();
        int done = 0;
        Parallel.For(0, stations, CoverageContext.Parallelism(options),
            () => (Worker: times.CreateWorker(), List: new List<ReachedPoint>(), Base: new List<int>(), Best: NewBest(demand.Length)),
            (j, _, local) =>
            {
                if (shared?.Invoke(j) is { } reached)
                {
                    local.List.Clear();
                    foreach (var r in reached)
                    {
                        if (r.Seconds <= searchLimit)
                        {
                            local.List.Add(r);
                        }
                    }
                }
                else
                {
                    local.Worker.Catchment(j, searchLimit, local.List);
                }

                // People are summed in point order, so a shared search (which reaches points in another order) sums the same.
                local.List.Sort(static (a, b) => a.Point.CompareTo(b.Point));
                local.Base.Clear();
                var people = result.People[j];
                foreach (var (p, s, m) in local.List)
                {
                    if (m > cap)
                    {
                        continue;
                    }

                    local.Best[p] = Math.Min(local.Best[p], s);
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
                if (options.BuildCircles && local.Worker.Circle(circleLimit) is { } circle)
                {
                    result.Circles[j] = circle;
                    result.AreaKm2[j] = Math.Round(circle.Area / 1e6, 4);
                }

                progress?.Report((double)Interlocked.Increment(ref done) / stations);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    var best = result.BestSeconds;
                    for (int p = 0; p < best.Length; p++)
                    {
                        best[p] = Math.Min(best[p], local.Best[p]);
                    }
                }
            });
        result.CountShared(demand.Length);
        return result;
    }

    private static double[] NewBest(int points)
    {
        var best = new double[points];
        Array.Fill(best, double.PositiveInfinity);
        return best;
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
