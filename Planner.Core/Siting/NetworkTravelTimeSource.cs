using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Siting;

/// <summary>
/// Travel times along the road network for siting and volunteer matching: origins (stations, candidates, team
/// bases) and targets (demand points, needs) are snapped to the graph like stations and demand points in the
/// coverage engine (within the snapper's largest snap distance; a point that cannot join the network is never
/// reached), then ONE bounded Dijkstra search runs per origin. Searches run in parallel, each thread with its
/// own <see cref="Dijkstra"/> and stamp buffers reused across its origins. Times are in minutes at the base
/// speed (<see cref="TravelPaces"/>: the graph's profile speeds scaled by a speed override), off-road legs
/// included, exactly as <c>CoverageCalculator</c> times a station's catchment.
/// </summary>
public sealed class NetworkTravelTimeSource : ITravelTimeSource
{
    private readonly RoadGraph _graph;
    private readonly Snapper _snapper;
    private readonly int _parallelism;
    private readonly double _profileToBase;

    /// <summary>Creates the source over a graph and its snapper, at the graph's profile speeds.</summary>
    /// <param name="graph">The road graph (built for one travel profile).</param>
    /// <param name="snapper">Snapper over <paramref name="graph"/>; its largest snap distance applies to origins and targets.</param>
    /// <param name="parallelism">Threads for the searches; 0 = all cores.</param>
    public NetworkTravelTimeSource(RoadGraph graph, Snapper snapper, int parallelism = 0)
        : this(graph, snapper, parallelism, 1.0)
    {
    }

    private NetworkTravelTimeSource(RoadGraph graph, Snapper snapper, int parallelism, double profileToBase)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _snapper = snapper ?? throw new ArgumentNullException(nameof(snapper));
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        _profileToBase = profileToBase;
    }

    /// <inheritdoc />
    public bool IsStraightLine => false;

    /// <summary>The road graph searched.</summary>
    public RoadGraph Graph => _graph;

    /// <summary>Number of searches run by the last <c>Within</c> call (one per origin on the network).</summary>
    public int SearchCount { get; private set; }

    /// <summary>
    /// The travel-time source of a region: along its roads with the options' profile, speed and snap distance,
    /// or straight line at the base speed times the circuity factor when the region has no roads. Prepares a
    /// <see cref="CoverageContext"/>; callers that have one use <see cref="ForContext"/>.
    /// </summary>
    /// <param name="region">The region.</param>
    /// <param name="options">Mode, profile, speed, snap distance, circuity, island size, parallelism.</param>
    public static ITravelTimeSource ForRegion(Region region, CoverageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        options ??= new CoverageOptions();
        return ForContext(CoverageContext.Prepare(region, options), options);
    }

    /// <summary>
    /// The travel-time source over a prepared region, the same graph and snapper coverage runs on: a speed
    /// override scales every highway class as in coverage (<see cref="TravelPaces"/>), so the minutes from a
    /// station to a demand point here are the minutes <c>CoverageCalculator</c> reports for it. Straight line
    /// at the base speed times the circuity factor when the region has no roads.
    /// </summary>
    /// <param name="context">The prepared region (its profile, graph and snapper are used).</param>
    /// <param name="options">Speed override, circuity factor and parallelism (the rest was fixed by preparing).</param>
    public static ITravelTimeSource ForContext(CoverageContext context, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var paces = TravelPaces.For(context.Profile, options, context.Region.Groups);
        return context.Graph is null || context.Snapper is null
            ? new StraightLineTravelTimes(paces.BaseSpeedKmh, options.CircuityFactor)
            : new NetworkTravelTimeSource(context.Graph, context.Snapper, options.Parallelism, paces.ProfileToBase);
    }

    /// <summary>Snaps points to the network (projection on one thread, snapping in parallel).</summary>
    /// <param name="points">WGS84 points.</param>
    public NetworkLocation[] Snap(IReadOnlyList<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var xy = new ProjectedPoint[points.Count];
        for (int i = 0; i < xy.Length; i++)
        {
            xy[i] = _graph.Projection.Project(points[i]);
        }

        var result = new NetworkLocation[xy.Length];
        Parallel.For(0, xy.Length, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, i => result[i] = _snapper.Snap(xy[i]));
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<(int Origin, int Target, double Minutes)> Within(
        IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> targets, double limitMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(targets);
        return Within(Snap(origins), Snap(targets), limitMinutes, cancellationToken);
    }

    /// <summary>
    /// Every (origin, target) pair within <paramref name="limitMinutes"/> for already snapped locations, ordered
    /// by origin then target; unsnapped (off-network) origins and targets appear in no pair.
    /// </summary>
    /// <param name="origins">Snapped origins.</param>
    /// <param name="targets">Snapped targets.</param>
    /// <param name="limitMinutes">Largest travel time kept.</param>
    /// <param name="cancellationToken">Cancels between searches.</param>
    public IReadOnlyList<(int Origin, int Target, double Minutes)> Within(
        NetworkLocation[] origins, NetworkLocation[] targets, double limitMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(targets);
        if (double.IsNaN(limitMinutes) || limitMinutes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limitMinutes), limitMinutes, "The limit must be a number >= 0.");
        }

        var (start, byEdge) = Network.LocationsByEdge.Group(_graph.EdgeCount, targets);

        // Graph seconds are at the profile's speeds; a speed override scales them by 1 / ProfileToBase (as coverage does).
        double limitSeconds = limitMinutes * 60 * _profileToBase;
        var perOrigin = new List<(int Target, double Seconds)>?[origins.Length];
        int searches = 0;
        Parallel.For(
            0,
            origins.Length,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            () => new Worker(_graph, targets, start, byEdge),
            (o, _, worker) =>
            {
                if (origins[o].IsOnNetwork)
                {
                    perOrigin[o] = worker.Search(origins[o], limitSeconds);
                    Interlocked.Increment(ref searches);
                }

                return worker;
            },
            _ => { });
        SearchCount = searches;
        var result = new List<(int, int, double)>();
        for (int o = 0; o < origins.Length; o++)
        {
            if (perOrigin[o] is { } list)
            {
                list.Sort((a, b) => a.Target.CompareTo(b.Target));
                foreach (var (t, s) in list)
                {
                    // An infinite limit (p-median keeps every pair) must not turn a target the search never reached into a pair.
                    if (double.IsFinite(s))
                    {
                        result.Add((o, t, s / _profileToBase / 60));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>One thread's search and buffers, reused for every origin the thread handles.</summary>
    private sealed class Worker(RoadGraph graph, NetworkLocation[] targets, int[] start, int[] byEdge)
    {
        private readonly Dijkstra _search = new(graph);
        private readonly ReachedLocations _reached = new(graph, targets, start, byEdge);

        public List<(int Target, double Seconds)> Search(NetworkLocation source, double limitSeconds)
        {
            _search.Run(source, limitSeconds);
            var reached = new List<ReachedPoint>();
            _reached.Collect(_search, source, limitSeconds, reached);
            return reached.ConvertAll(r => (r.Point, r.Seconds));
        }
    }
}
