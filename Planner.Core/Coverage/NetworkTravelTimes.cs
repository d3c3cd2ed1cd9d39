using NetTopologySuite.Geometries;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>Travel times along the road network: one multi-source search for nearest stations, bounded searches per station.</summary>
internal sealed class NetworkTravelTimes : ITravelTimes
{
    private readonly CoverageContext _context;
    private readonly RoadGraph _graph;
    private readonly NetworkLocation[] _stations;
    private readonly CoverageOptions _options;

    public NetworkTravelTimes(CoverageContext context, NetworkLocation[] stations, CoverageOptions options)
    {
        _context = context;
        _graph = context.Graph ?? throw new ArgumentException("The context has no road graph.", nameof(context));
        _stations = stations;
        _options = options;
    }

    public bool IsPointReachable(int point) => _context.DemandLocations[point].IsOnNetwork;

    public bool IsStationReachable(int station) => _stations[station].IsOnNetwork;

    public void Nearest(double[] seconds, int[] station)
    {
        var search = new Dijkstra(_graph);
        var sources = new (NetworkLocation, int)[_stations.Length];
        for (int s = 0; s < sources.Length; s++)
        {
            sources[s] = (_stations[s], s);
        }

        search.Run(sources, double.PositiveInfinity);
        var locations = _context.DemandLocations;
        for (int p = 0; p < locations.Length; p++)
        {
            (seconds[p], station[p]) = search.SecondsTo(locations[p]);
        }
    }

    public ICatchmentWorker CreateWorker() => new Worker(this);

    private sealed class Worker(NetworkTravelTimes owner) : ICatchmentWorker
    {
        private readonly Dijkstra _search = new(owner._graph);
        private readonly ReachedLocations _reached = new(owner._graph, owner._context.DemandLocations, owner._context.EdgePointStart, owner._context.EdgePoints);
        private readonly ServiceCircleBuilder _circles = new(owner._graph, owner._options.CircleBufferMeters, owner._options.SimplifyMeters, owner._options.CircleCellMeters);
        private NetworkLocation _source;

        public void Catchment(int station, double limitSeconds, List<ReachedPoint> result)
        {
            _source = owner._stations[station];
            _search.Run(_source, limitSeconds);
            _reached.Collect(_search, _source, limitSeconds, result);
        }

        public Geometry? Circle(double limitSeconds) =>
            _source.IsOnNetwork ? _circles.Build(_search, _source, Math.Min(limitSeconds, _search.LimitSeconds)) : null;
    }
}
