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
        private readonly int[] _pointStamp = new int[owner._context.DemandLocations.Length];
        private readonly double[] _pointSeconds = new double[owner._context.DemandLocations.Length];
        private readonly List<int> _touched = [];
        private readonly ServiceCircleBuilder _circles = new(owner._graph, owner._options.CircleBufferMeters, owner._options.SimplifyMeters, owner._options.CircleCellMeters);
        private int _generation;
        private NetworkLocation _source;

        public void Catchment(int station, double limitSeconds, List<(int Point, double Seconds)> result)
        {
            result.Clear();
            _source = owner._stations[station];
            _search.Run(_source, limitSeconds);
            if (!_source.IsOnNetwork)
            {
                return;
            }

            _generation++;
            _touched.Clear();
            var t = owner._graph.Edges;
            var ctx = owner._context;
            int[] first = owner._graph.FirstArc, arcEdge = owner._graph.ArcEdge;
            foreach (int v in _search.Settled)
            {
                double d = _search.SecondsTo(v);
                for (int a = first[v]; a < first[v + 1]; a++)
                {
                    int e = arcEdge[a] >> 1;
                    bool backward = (arcEdge[a] & 1) != 0;
                    double spm = t.SecondsPerMeter[e], len = t.LengthMeters[e];
                    for (int k = ctx.EdgePointStart[e]; k < ctx.EdgePointStart[e + 1]; k++)
                    {
                        int p = ctx.EdgePoints[k];
                        var loc = ctx.DemandLocations[p];
                        double along = backward ? len - loc.OffsetMeters : loc.OffsetMeters;
                        Offer(p, d + ((along + loc.LegMeters) * spm), limitSeconds);
                    }
                }
            }

            int se = _source.Edge;
            for (int k = ctx.EdgePointStart[se]; k < ctx.EdgePointStart[se + 1]; k++)
            {
                int p = ctx.EdgePoints[k];
                Offer(p, Dijkstra.SameEdgeSeconds(t, _source, ctx.DemandLocations[p]), limitSeconds);
            }

            foreach (int p in _touched)
            {
                result.Add((p, _pointSeconds[p]));
            }
        }

        public Geometry? Circle(double limitSeconds) =>
            _source.IsOnNetwork ? _circles.Build(_search, _source, Math.Min(limitSeconds, _search.LimitSeconds)) : null;

        private void Offer(int p, double seconds, double limit)
        {
            if (seconds > limit)
            {
                return;
            }

            if (_pointStamp[p] != _generation)
            {
                _pointStamp[p] = _generation;
                _pointSeconds[p] = seconds;
                _touched.Add(p);
            }
            else if (seconds < _pointSeconds[p])
            {
                _pointSeconds[p] = seconds;
            }
        }
    }
}
