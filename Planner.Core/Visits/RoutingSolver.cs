using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Planner.Core.Visits;

/// <summary>
/// Improves a station's month plan with the OR-Tools routing library: arc cost = travel seconds; a time dimension
/// (travel + visit, waiting allowed) bounded by the day's span with each visit's window on its start; a work
/// dimension (travel + visit, no waiting) bounded by the day's work hours; each visit allowed only on the
/// worker-days of its period (and of its pinned worker); each visit optional at a penalty far above any detour,
/// so the search first makes as many visits as it can and then travels as little as it can. Guided local search
/// under a time limit, started from the nearest-neighbour plan.
/// </summary>
internal static class RoutingSolver
{
    /// <summary>
    /// The best plan found within <paramref name="timeLimit"/>, never worse than <paramref name="warmStart"/> in
    /// (visits made, travel).
    /// </summary>
    public static List<int>[] Improve(RoutingInstance instance, List<int>[] warmStart, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        if (instance.VehicleCount == 0 || instance.NodeCount <= 1)
        {
            return warmStart;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var manager = new RoutingIndexManager(instance.NodeCount, instance.VehicleCount, 0);
        var routing = new RoutingModel(manager);
        var travel = instance.Travel;
        var service = instance.Service;

        // The callbacks are kept in locals that live until the solve returns: the native side only holds a pointer.
        LongLongToLong arc = (from, to) => travel[manager.IndexToNode(from), manager.IndexToNode(to)];
        LongLongToLong busy = (from, to) =>
        {
            int i = manager.IndexToNode(from);
            return travel[i, manager.IndexToNode(to)] + service[i];
        };
        int arcIndex = routing.RegisterTransitCallback(arc);
        int busyIndex = routing.RegisterTransitCallback(busy);
        routing.SetArcCostEvaluatorOfAllVehicles(arcIndex);
        routing.AddDimension(busyIndex, instance.SpanSeconds, instance.SpanSeconds, false, "time");
        routing.AddDimension(busyIndex, 0, instance.WorkSeconds, true, "work");
        var time = routing.GetMutableDimension("time");
        long penalty = DropPenalty(instance);
        for (int node = 1; node < instance.NodeCount; node++)
        {
            long index = manager.NodeToIndex(node);
            time.CumulVar(index).SetRange(instance.Open[node], instance.Close[node]);
            // -1 keeps the visit free to be dropped (its disjunction); the rest are the worker-days of its period.
            long[] vehicles = [-1, .. Enumerable.Range(0, instance.VehicleCount).Where(v => instance.Allowed(node, v)).Select(v => (long)v)];
            routing.VehicleVar(index).SetValues(vehicles);
            routing.AddDisjunction([index], penalty);
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(timeLimit);
        routing.CloseModelWithParameters(parameters);

        var start = routing.ReadAssignmentFromRoutes(warmStart.Select(r => r.Select(n => (long)n).ToArray()).ToArray(), true);
        var solution = start is null ? routing.SolveWithParameters(parameters) : routing.SolveFromAssignmentWithParameters(start, parameters);
        GC.KeepAlive(arc);
        GC.KeepAlive(busy);
        if (solution is null)
        {
            return warmStart;
        }

        var routes = new List<int>[instance.VehicleCount];
        for (int v = 0; v < instance.VehicleCount; v++)
        {
            routes[v] = [];
            for (long index = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
            {
                routes[v].Add(manager.IndexToNode(index));
            }
        }

        return Better(instance, routes, warmStart);
    }

    /// <summary>The plan that makes more visits, then travels less; the warm start when the other breaks a constraint.</summary>
    private static List<int>[] Better(RoutingInstance instance, List<int>[] found, List<int>[] warmStart)
    {
        if (!instance.IsFeasible(found))
        {
            return warmStart;
        }

        static (int Visits, long Travel) Score(RoutingInstance instance, List<int>[] routes) =>
            (routes.Sum(r => r.Count), routes.Sum(r => r.Count == 0 ? 0 : instance.Evaluate(r).TravelSeconds));
        var a = Score(instance, found);
        var b = Score(instance, warmStart);
        return a.Visits > b.Visits || (a.Visits == b.Visits && a.Travel <= b.Travel) ? found : warmStart;
    }

    /// <summary>More than dropping any one visit can save: its way in and out are each at most the largest finite leg.</summary>
    private static long DropPenalty(RoutingInstance instance)
    {
        long max = 0;
        for (int i = 0; i < instance.NodeCount; i++)
        {
            for (int j = 0; j < instance.NodeCount; j++)
            {
                long t = instance.Travel[i, j];
                if (t < RoutingInstance.Unreachable)
                {
                    max = Math.Max(max, t);
                }
            }
        }

        return (2 * max) + 1;
    }
}
