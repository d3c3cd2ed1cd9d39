namespace Planner.Core.Visits;

/// <summary>
/// The plan a planner would make by hand, and the warm start of the routing search: day by day, each worker
/// leaves the station and goes next to the nearest visit that still fits the day (window, way back, work
/// hours), taking first the visits whose period ends that day.
/// </summary>
internal static class NearestNeighbourPlanner
{
    /// <summary>One route (visit nodes in order) per vehicle of <paramref name="instance"/>.</summary>
    public static List<int>[] Plan(RoutingInstance instance)
    {
        var routes = new List<int>[instance.VehicleCount];
        var done = new bool[instance.NodeCount];
        var order = Enumerable.Range(0, instance.VehicleCount)
            .OrderBy(v => instance.VehicleDay[v]).ThenBy(v => instance.VehicleWorker[v]).ToArray();
        foreach (int v in order)
        {
            routes[v] = Route(instance, v, done);
        }

        return routes;
    }

    private static List<int> Route(RoutingInstance instance, int vehicle, bool[] done)
    {
        var route = new List<int>();
        var cases = new HashSet<int>();
        int at = 0;
        long time = 0, work = 0;
        int day = instance.VehicleDay[vehicle];
        while (true)
        {
            int best = -1;
            (bool NotDue, long Travel) bestKey = (true, long.MaxValue);
            for (int j = 1; j < instance.NodeCount; j++)
            {
                if (done[j] || !instance.Allowed(j, vehicle) || cases.Contains(instance.CaseOf[j]))
                {
                    continue;
                }

                long leg = instance.Travel[at, j];
                long start = Math.Max(time + leg, instance.Open[j]);
                long back = instance.Travel[j, 0];
                bool fits = start <= instance.Close[j]
                    && start + instance.Service[j] + back <= instance.SpanSeconds
                    && work + leg + instance.Service[j] + back <= instance.WorkSeconds;
                var key = (instance.LastDay[j] != day, leg);
                if (fits && key.CompareTo(bestKey) < 0)
                {
                    best = j;
                    bestKey = key;
                }
            }

            if (best < 0)
            {
                return route;
            }

            long go = instance.Travel[at, best];
            time = Math.Max(time + go, instance.Open[best]) + instance.Service[best];
            work += go + instance.Service[best];
            route.Add(best);
            cases.Add(instance.CaseOf[best]);
            done[best] = true;
            at = best;
        }
    }
}
