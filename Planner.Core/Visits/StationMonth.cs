using System.Collections.Immutable;
using Planner.Core.Model;
using Planner.Core.Siting;

namespace Planner.Core.Visits;

/// <summary>
/// Plans one station's month: the travel matrix between the station and its cases' homes (one search per point
/// in the station's mode), the routing instance (visits in their periods, worker-days as vehicles), the
/// nearest-neighbour plan and its improvement by <see cref="RoutingSolver"/>, read back as worker days and
/// unmet visits.
/// </summary>
internal sealed class StationMonth
{
    private readonly Station _station;
    private readonly string _mode;
    private readonly IReadOnlyList<CaseSite> _sites;
    private readonly WorkingMonth _month;
    private readonly VisitPlanOptions _options;

    public StationMonth(Station station, string mode, IReadOnlyList<CaseSite> sites, WorkingMonth month, VisitPlanOptions options)
    {
        _station = station;
        _mode = mode;
        _sites = sites;
        _month = month;
        _options = options;
    }

    /// <summary>The station's plan.</summary>
    public sealed record Result(
        ImmutableArray<WorkerDay> Days, ImmutableArray<UnmetVisit> Unmet, double UnmetHours, int VisitsAsked,
        double TravelSeconds, double NearestNeighbourTravelSeconds, int NearestNeighbourVisits, double LowerBoundSeconds);

    public Result Plan(ITravelTimeSource travel, TimeSpan searchTime, CancellationToken cancellationToken)
    {
        var matrix = Matrix(travel, cancellationToken);
        long span = _options.SpanMinutesPerDay * 60L, work = _options.WorkMinutesPerDay * 60L;
        var unmet = new List<UnmetVisit>();
        double unmetHours = 0;
        int asked = 0;

        // Nodes: one per visit of each case that fits a day on its own; the others are too far whatever the staffing.
        var nodes = new List<(int Site, int Visit)>();
        for (int s = 0; s < _sites.Count; s++)
        {
            var c = _sites[s].Case;
            int visits = Math.Min(c.VisitsPerMonth, _month.Days.Length);
            asked += c.VisitsPerMonth;
            for (int extra = visits; extra < c.VisitsPerMonth; extra++)
            {
                unmet.Add(new UnmetVisit(c.Id, _station.Id, extra + 1, _month.Days[^1], _month.Days[^1], UnmetReason.MoreVisitsThanWorkingDays));
            }

            bool fits = Alone(matrix, s, span, work);
            for (int v = 0; v < visits; v++)
            {
                if (fits)
                {
                    nodes.Add((s, v));
                }
                else
                {
                    var (first, last) = _month.Period(v, c.VisitsPerMonth);
                    unmet.Add(new UnmetVisit(c.Id, _station.Id, v + 1, _month.Days[first], _month.Days[last], UnmetReason.TooFar));
                }
            }
        }

        var instance = Instance(matrix, nodes, span, work);
        var warm = NearestNeighbourPlanner.Plan(instance);
        long nnTravel = warm.Sum(r => r.Count == 0 ? 0 : instance.Evaluate(r).TravelSeconds);
        int nnVisits = warm.Sum(r => r.Count);
        var routes = _options.Optimise
            ? RoutingSolver.Improve(instance, warm, searchTime, cancellationToken)
            : warm;

        var days = ImmutableArray.CreateBuilder<WorkerDay>();
        var made = new bool[instance.NodeCount];
        long totalTravel = 0;
        for (int v = 0; v < routes.Length; v++)
        {
            if (routes[v].Count == 0)
            {
                continue;
            }

            var timing = instance.Evaluate(routes[v]);
            totalTravel += timing.TravelSeconds;
            days.Add(Day(instance, nodes, v, routes[v], timing));
            routes[v].ForEach(n => made[n] = true);
        }

        for (int n = 1; n < instance.NodeCount; n++)
        {
            if (!made[n])
            {
                var (s, visit) = nodes[n - 1];
                var c = _sites[s].Case;
                var (first, last) = _month.Period(visit, c.VisitsPerMonth);
                unmet.Add(new UnmetVisit(c.Id, _station.Id, visit + 1, _month.Days[first], _month.Days[last], UnmetReason.NotEnoughWorkerHours));
                unmetHours += (instance.Service[n] + instance.Travel[0, n] + instance.Travel[n, 0]) / 3600.0;
            }
        }

        double bound = instance.TravelLowerBound(Enumerable.Range(1, instance.NodeCount - 1).Where(n => made[n]));
        return new Result(days.ToImmutable(), [.. unmet], unmetHours, asked, totalTravel, nnTravel, nnVisits, bound);
    }

    /// <summary>Seconds between points (0 = the station, 1 + s = site s); <see cref="RoutingInstance.Unreachable"/> where no road leads.</summary>
    private long[,] Matrix(ITravelTimeSource travel, CancellationToken cancellationToken)
    {
        var points = new List<Geo.GeoPoint> { _station.Location };
        points.AddRange(_sites.Select(s => s.Home));
        int n = points.Count;
        var matrix = new long[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                matrix[i, j] = i == j ? 0 : RoutingInstance.Unreachable;
            }
        }

        // Between two homes the fastest way is never slower than through the station, so the searches need reach no
        // farther than the two longest station legs (on a profile without one-way streets): a bound far below a
        // day's span for a station whose cases are near, which keeps a county's 2,000 searches local.
        double reach = 0;
        foreach (var (_, _, minutes) in travel.Within([_station.Location], points, _options.SpanMinutesPerDay, cancellationToken))
        {
            reach = Math.Max(reach, minutes);
        }

        double limit = Math.Min(_options.SpanMinutesPerDay, (2 * reach) + 1);
        Fill(matrix, travel.Within(points, points, limit, cancellationToken), o => o);

        // One-way streets can make the way back longer than the bound: search again, to a day's span, from the homes
        // whose way back to the station the bounded search did not reach.
        var again = Enumerable.Range(1, n - 1).Where(i => matrix[i, 0] == RoutingInstance.Unreachable).ToList();
        if (again.Count > 0 && limit < _options.SpanMinutesPerDay)
        {
            Fill(matrix, travel.Within([.. again.Select(i => points[i])], points, _options.SpanMinutesPerDay, cancellationToken), o => again[o]);
        }

        return matrix;
    }

    private static void Fill(long[,] matrix, IEnumerable<(int Origin, int Target, double Minutes)> pairs, Func<int, int> origin)
    {
        foreach (var (o, t, minutes) in pairs)
        {
            int from = origin(o);
            matrix[from, t] = from == t ? 0 : (long)Math.Round(minutes * 60);
        }
    }

    private bool Alone(long[,] matrix, int site, long span, long work)
    {
        var c = _sites[site].Case;
        long there = matrix[0, site + 1], back = matrix[site + 1, 0], service = Seconds(c.MinutesPerVisit);
        var (open, close) = Window(c);
        long start = Math.Max(there, open);
        return there < RoutingInstance.Unreachable && back < RoutingInstance.Unreachable
            && start <= close && start + service + back <= span && there + service + back <= work;
    }

    private RoutingInstance Instance(long[,] matrix, List<(int Site, int Visit)> nodes, long span, long work)
    {
        int n = nodes.Count + 1;
        var travel = new long[n, n];
        var service = new long[n];
        var open = new long[n];
        var close = new long[n];
        var firstDay = new int[n];
        var lastDay = new int[n];
        var worker = new int[n];
        var caseOf = new int[n];
        (close[0], lastDay[0], worker[0], caseOf[0]) = (span, _month.Days.Length - 1, -1, -1);
        int Point(int node) => node == 0 ? 0 : nodes[node - 1].Site + 1;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                travel[i, j] = matrix[Point(i), Point(j)];
            }
        }

        for (int k = 1; k < n; k++)
        {
            var (s, visit) = nodes[k - 1];
            var c = _sites[s].Case;
            service[k] = Seconds(c.MinutesPerVisit);
            (open[k], close[k]) = Window(c);
            (firstDay[k], lastDay[k]) = _month.Period(visit, c.VisitsPerMonth);
            worker[k] = _sites[s].Worker;
            caseOf[k] = s;
        }

        var vehicleDay = new List<int>();
        var vehicleWorker = new List<int>();
        int workers = Math.Max(0, _station.SocialWorkers);
        for (int w = 0; w < workers; w++)
        {
            for (int d = 0; d < _month.Days.Length; d++)
            {
                if (_month.IsVisitingDay(w, workers, d))
                {
                    vehicleDay.Add(d);
                    vehicleWorker.Add(w);
                }
            }
        }

        return new RoutingInstance(travel, service, open, close, firstDay, lastDay, worker, caseOf, [.. vehicleDay], [.. vehicleWorker], span, work);
    }

    /// <summary>The case's window as seconds from the day's start, clipped to the day; the whole day when it has none.</summary>
    private (long Open, long Close) Window(VisitCase c)
    {
        long span = _options.SpanMinutesPerDay * 60L;
        if (c.Window is not { } w)
        {
            return (0, span);
        }

        long open = Math.Max(0, (w.StartMinute - _options.DayStartMinute) * 60L);
        long close = Math.Min(span, (w.EndMinute - _options.DayStartMinute) * 60L);
        return (open, close);
    }

    private WorkerDay Day(RoutingInstance instance, List<(int Site, int Visit)> nodes, int vehicle, List<int> route, RouteTiming timing)
    {
        double start = _options.DayStartMinute;
        var stops = ImmutableArray.CreateBuilder<PlannedVisit>();
        int at = 0;
        for (int k = 0; k < route.Count; k++)
        {
            int node = route[k];
            var (s, visit) = nodes[node - 1];
            double begin = start + (timing.StartSeconds[k] / 60.0);
            stops.Add(new PlannedVisit(_sites[s].Case.Id, visit + 1, begin, begin + (instance.Service[node] / 60.0), instance.Travel[at, node] / 60.0));
            at = node;
        }

        double service = route.Sum(n => instance.Service[n]) / 60.0;
        return new WorkerDay(_station.Id, WorkerId(_station.Id, instance.VehicleWorker[vehicle]), _month.Days[instance.VehicleDay[vehicle]],
            stops.ToImmutable(), timing.TravelSeconds / 60.0, service, start + (timing.EndSeconds / 60.0));
    }

    /// <summary>The id of worker <paramref name="worker"/> (0-based) of a station: <c>STATION-k</c>, k from 1.</summary>
    public static string WorkerId(string stationId, int worker) => $"{stationId}-{worker + 1}";

    private static long Seconds(double minutes) => (long)Math.Round(minutes * 60);
}
