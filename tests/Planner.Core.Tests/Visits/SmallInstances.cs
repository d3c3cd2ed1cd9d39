using Planner.Core.Visits;

namespace Planner.Core.Tests.Visits;

/// <summary>
/// Small routing instances on a plane (straight-line seconds between random points) and their exact answer by
/// brute force: every assignment of visits to worker-days and every order of each day's visits.
/// </summary>
internal static class SmallInstances
{
    /// <summary>
    /// An instance with the station at the origin, <paramref name="visits"/> homes within <paramref name="radiusSeconds"/>,
    /// <paramref name="workers"/> workers on <paramref name="days"/> days (every day a visiting day), random
    /// services, some windows and periods.
    /// </summary>
    public static RoutingInstance Random(int seed, int visits, int workers, int days, long radiusSeconds = 3600, long span = 9 * 3600, long work = 8 * 3600, bool windows = true)
    {
        var random = new Random(seed);
        int n = visits + 1;
        var x = new double[n];
        var y = new double[n];
        for (int i = 1; i < n; i++)
        {
            x[i] = (random.NextDouble() * 2 - 1) * radiusSeconds;
            y[i] = (random.NextDouble() * 2 - 1) * radiusSeconds;
        }

        var travel = new long[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                travel[i, j] = (long)Math.Round(Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j]))));
            }
        }

        var service = new long[n];
        var open = new long[n];
        var close = new long[n];
        var first = new int[n];
        var last = new int[n];
        var worker = new int[n];
        var caseOf = new int[n];
        close[0] = span;
        last[0] = days - 1;
        worker[0] = -1;
        caseOf[0] = -1;
        for (int i = 1; i < n; i++)
        {
            service[i] = 60 * random.Next(20, 90);
            bool windowed = windows && random.Next(3) == 0;
            open[i] = windowed ? 3600 * random.Next(0, 5) : 0;
            close[i] = windowed ? open[i] + 3600 * random.Next(1, 3) : span;
            first[i] = random.Next(days);
            last[i] = random.Next(first[i], days);
            worker[i] = -1;
            caseOf[i] = i;
        }

        var vehicleDay = new List<int>();
        var vehicleWorker = new List<int>();
        for (int w = 0; w < workers; w++)
        {
            for (int d = 0; d < days; d++)
            {
                vehicleDay.Add(d);
                vehicleWorker.Add(w);
            }
        }

        return new RoutingInstance(travel, service, open, close, first, last, worker, caseOf, [.. vehicleDay], [.. vehicleWorker], span, work);
    }

    /// <summary>The same instance with one more worker (on every day).</summary>
    public static RoutingInstance WithWorker(RoutingInstance i)
    {
        int days = i.VehicleDay.Max() + 1;
        int next = i.VehicleWorker.Max() + 1;
        return new RoutingInstance(i.Travel, i.Service, i.Open, i.Close, i.FirstDay, i.LastDay, i.Worker, i.CaseOf,
            [.. i.VehicleDay, .. Enumerable.Range(0, days)], [.. i.VehicleWorker, .. Enumerable.Repeat(next, days)], i.SpanSeconds, i.WorkSeconds);
    }

    /// <summary>The most visits any plan makes, and the least travel of a plan making that many, by enumeration.</summary>
    public static (int Visits, long Travel) BruteForce(RoutingInstance instance)
    {
        int n = instance.NodeCount - 1;
        int vehicles = instance.VehicleCount;
        var best = (Visits: 0, Travel: 0L);

        // Each visit goes to a vehicle or to nobody (vehicles): (vehicles + 1)^n assignments.
        var choice = new int[n];
        long total = (long)Math.Pow(vehicles + 1, n);
        for (long code = 0; code < total; code++)
        {
            long c = code;
            for (int k = 0; k < n; k++)
            {
                choice[k] = (int)(c % (vehicles + 1));
                c /= vehicles + 1;
            }

            int made = choice.Count(v => v < vehicles);
            if (made < best.Visits)
            {
                continue;
            }

            long travel = 0;
            bool ok = true;
            for (int v = 0; v < vehicles && ok; v++)
            {
                var nodes = Enumerable.Range(0, n).Where(k => choice[k] == v).Select(k => k + 1).ToArray();
                if (nodes.Any(node => !instance.Allowed(node, v)))
                {
                    ok = false;
                    break;
                }

                long cheapest = Cheapest(instance, nodes);
                ok = cheapest < long.MaxValue;
                travel += ok ? cheapest : 0;
            }

            if (ok && (made > best.Visits || travel < best.Travel))
            {
                best = (made, travel);
            }
        }

        return best;
    }

    /// <summary>The least travel of a feasible order of <paramref name="nodes"/>, or long.MaxValue.</summary>
    private static long Cheapest(RoutingInstance instance, int[] nodes)
    {
        if (nodes.Length == 0)
        {
            return 0;
        }

        long best = long.MaxValue;
        foreach (var order in Permutations(nodes))
        {
            var timing = instance.Evaluate(order);
            if (timing.Feasible)
            {
                best = Math.Min(best, timing.TravelSeconds);
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <summary>Visits made and travel of a plan.</summary>
    public static (int Visits, long Travel) Score(RoutingInstance instance, List<int>[] routes) =>
        (routes.Sum(r => r.Count), routes.Sum(r => r.Count == 0 ? 0 : instance.Evaluate(r).TravelSeconds));
}
