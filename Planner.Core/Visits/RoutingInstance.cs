namespace Planner.Core.Visits;

/// <summary>
/// One station's month as a vehicle-routing problem with time windows: node 0 is the station, nodes 1..n are
/// visits (a case visited k times a month is k nodes, each allowed only in its period of the month), and a
/// vehicle is one social worker's visiting day. Times are whole seconds from the start of the working day.
/// </summary>
internal sealed class RoutingInstance
{
    /// <summary>A travel time standing for "not reachable": far above any day, far below overflow.</summary>
    public const long Unreachable = 100_000_000;

    public RoutingInstance(long[,] travel, long[] service, long[] open, long[] close, int[] firstDay, int[] lastDay, int[] worker,
        int[] caseOf, int[] vehicleDay, int[] vehicleWorker, long spanSeconds, long workSeconds)
    {
        int n = service.Length;
        if (travel.GetLength(0) != n || travel.GetLength(1) != n || open.Length != n || close.Length != n || firstDay.Length != n
            || lastDay.Length != n || worker.Length != n || caseOf.Length != n || vehicleDay.Length != vehicleWorker.Length)
        {
            throw new ArgumentException("Every node array has one entry per node (station first) and every vehicle array one per vehicle.");
        }

        Travel = travel;
        Service = service;
        Open = open;
        Close = close;
        FirstDay = firstDay;
        LastDay = lastDay;
        Worker = worker;
        CaseOf = caseOf;
        VehicleDay = vehicleDay;
        VehicleWorker = vehicleWorker;
        SpanSeconds = spanSeconds;
        WorkSeconds = workSeconds;
    }

    /// <summary>Nodes, the station (0) included.</summary>
    public int NodeCount => Service.Length;

    /// <summary>Vehicles: worker-days.</summary>
    public int VehicleCount => VehicleDay.Length;

    /// <summary>Travel seconds from node i to node j.</summary>
    public long[,] Travel { get; }

    /// <summary>Seconds at the home per node (0 at the station).</summary>
    public long[] Service { get; }

    /// <summary>Earliest start of the visit, seconds from the day's start.</summary>
    public long[] Open { get; }

    /// <summary>Latest start of the visit, seconds from the day's start.</summary>
    public long[] Close { get; }

    /// <summary>First working day (index) the visit may fall on.</summary>
    public int[] FirstDay { get; }

    /// <summary>Last working day (index) the visit may fall on.</summary>
    public int[] LastDay { get; }

    /// <summary>The worker (index) the visit is pinned to, or -1.</summary>
    public int[] Worker { get; }

    /// <summary>The case each node visits (-1 for the station): visits of one case never share a route.</summary>
    public int[] CaseOf { get; }

    /// <summary>The working day (index) of each vehicle.</summary>
    public int[] VehicleDay { get; }

    /// <summary>The worker (index) of each vehicle.</summary>
    public int[] VehicleWorker { get; }

    /// <summary>The day's span (work plus lunch), seconds.</summary>
    public long SpanSeconds { get; }

    /// <summary>The day's work (travel plus visits), seconds.</summary>
    public long WorkSeconds { get; }

    /// <summary>Whether vehicle <paramref name="vehicle"/> may make visit <paramref name="node"/>.</summary>
    public bool Allowed(int node, int vehicle) =>
        VehicleDay[vehicle] >= FirstDay[node] && VehicleDay[vehicle] <= LastDay[node] && (Worker[node] < 0 || Worker[node] == VehicleWorker[vehicle]);

    /// <summary>Whether a day with only this visit fits (round trip, window, work hours).</summary>
    public bool FitsAlone(int node) => Evaluate([node]).Feasible;

    /// <summary>
    /// Times a route (visit nodes in order, from and back to the station) leaving at the day's start and waiting
    /// where a window opens later: feasible when every visit starts within its window, the worker is back within
    /// the span and travel plus visits fit the work hours.
    /// </summary>
    public RouteTiming Evaluate(IReadOnlyList<int> route)
    {
        long time = 0, travel = 0, work = 0;
        int at = 0;
        var starts = new long[route.Count];
        bool feasible = true;
        for (int k = 0; k < route.Count; k++)
        {
            int j = route[k];
            long leg = Travel[at, j];
            travel += leg;
            long start = Math.Max(time + leg, Open[j]);
            feasible &= start <= Close[j];
            starts[k] = start;
            time = start + Service[j];
            work += leg + Service[j];
            at = j;
        }

        long back = Travel[at, 0];
        travel += back;
        work += back;
        time += back;
        feasible &= time <= SpanSeconds && work <= WorkSeconds;
        return new RouteTiming(feasible, travel, work, time, starts);
    }

    /// <summary>Whether a whole plan (one route per vehicle) respects every constraint and visits each node at most once.</summary>
    public bool IsFeasible(IReadOnlyList<IReadOnlyList<int>> routes)
    {
        var seen = new bool[NodeCount];
        for (int v = 0; v < routes.Count; v++)
        {
            var cases = new HashSet<int>();
            foreach (int node in routes[v])
            {
                if (node <= 0 || node >= NodeCount || seen[node] || !Allowed(node, v) || !cases.Add(CaseOf[node]))
                {
                    return false;
                }

                seen[node] = true;
            }

            if (!Evaluate(routes[v]).Feasible)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A lower bound on the travel of any plan making exactly <paramref name="nodes"/>. Every visit is entered once
    /// and left once, so twice the travel is the sum over the visits of their way in and way out plus the legs
    /// from and to the station (each touches one visit only): at least the cheapest way in and out of each visit
    /// (from or to the station or another case's visit), plus two station legs per route, each no shorter than
    /// the shortest station leg, for at least (visit time / a day's work) routes.
    /// </summary>
    public double TravelLowerBound(IEnumerable<int> nodes)
    {
        double bound = 0;
        long service = 0, shortestLeg = long.MaxValue;
        foreach (int i in nodes)
        {
            long bestIn = Travel[0, i], bestOut = Travel[i, 0];
            for (int j = 1; j < NodeCount; j++)
            {
                if (j != i && CaseOf[j] != CaseOf[i])
                {
                    bestIn = Math.Min(bestIn, Travel[j, i]);
                    bestOut = Math.Min(bestOut, Travel[i, j]);
                }
            }

            bound += (bestIn + bestOut) / 2.0;
            service += Service[i];
            shortestLeg = Math.Min(shortestLeg, Math.Min(Travel[0, i], Travel[i, 0]));
        }

        long routes = service == 0 ? 0 : (service + WorkSeconds - 1) / WorkSeconds;
        return bound + (routes * (shortestLeg == long.MaxValue ? 0 : shortestLeg));
    }
}

/// <summary>The timing of one route.</summary>
/// <param name="Feasible">Whether every constraint holds.</param>
/// <param name="TravelSeconds">Travel, station to station.</param>
/// <param name="WorkSeconds">Travel plus visits.</param>
/// <param name="EndSeconds">When the worker is back, from the day's start.</param>
/// <param name="StartSeconds">When each visit starts.</param>
internal readonly record struct RouteTiming(bool Feasible, long TravelSeconds, long WorkSeconds, long EndSeconds, long[] StartSeconds);
