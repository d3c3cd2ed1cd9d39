namespace Planner.Core.Network;

/// <summary>
/// After a bounded search from one source, the time to every snapped location (demand point, target) within
/// the limit: from each settled vertex along the arcs to the locations on their edges (partial edge plus the
/// off-road leg), and directly along the source's own edge. One instance per thread; its buffers are
/// location-sized and reused, a generation stamp replacing clearing, so the work grows with what is reached.
/// </summary>
internal sealed class ReachedLocations
{
    private readonly RoadGraph _graph;
    private readonly NetworkLocation[] _locations;
    private readonly int[] _start;
    private readonly int[] _byEdge;
    private readonly int[] _stamp;
    private readonly double[] _seconds;
    private readonly double[] _meters;
    private readonly List<int> _touched = [];
    private int _generation;

    /// <param name="graph">The graph searched.</param>
    /// <param name="locations">The snapped locations.</param>
    /// <param name="start">Per edge, where its locations start in <paramref name="byEdge"/> (<see cref="LocationsByEdge.Group"/>).</param>
    /// <param name="byEdge">Location indexes grouped by edge.</param>
    public ReachedLocations(RoadGraph graph, NetworkLocation[] locations, int[] start, int[] byEdge)
    {
        _graph = graph;
        _locations = locations;
        _start = start;
        _byEdge = byEdge;
        _stamp = new int[locations.Length];
        _seconds = new double[locations.Length];
        _meters = new double[locations.Length];
    }

    /// <summary>
    /// Fills <paramref name="result"/> (cleared first) with (location, seconds, metres of that fastest path) for
    /// every location within <paramref name="limitSeconds"/> of the last search from <paramref name="source"/>, in
    /// the order first reached.
    /// </summary>
    public void Collect(Dijkstra search, NetworkLocation source, double limitSeconds, List<ReachedPoint> result)
    {
        result.Clear();
        if (!source.IsOnNetwork)
        {
            return;
        }

        _generation++;
        _touched.Clear();
        var t = _graph.Edges;
        int[] first = _graph.FirstArc, arcEdge = _graph.ArcEdge;
        foreach (int v in search.Settled)
        {
            double d = search.SecondsTo(v), dm = search.MetersTo(v);
            for (int a = first[v]; a < first[v + 1]; a++)
            {
                int e = arcEdge[a] >> 1;
                bool backward = (arcEdge[a] & 1) != 0;
                double spm = t.SecondsPerMeter[e], len = t.LengthMeters[e];
                for (int k = _start[e]; k < _start[e + 1]; k++)
                {
                    int p = _byEdge[k];
                    var loc = _locations[p];
                    double along = backward ? len - loc.OffsetMeters : loc.OffsetMeters;
                    double m = along + loc.LegMeters;
                    Offer(p, d + (m * spm), dm + m, limitSeconds);
                }
            }
        }

        int se = source.Edge;
        for (int k = _start[se]; k < _start[se + 1]; k++)
        {
            int p = _byEdge[k];
            Offer(p, Dijkstra.SameEdgeSeconds(t, source, _locations[p]), Dijkstra.SameEdgeMeters(source, _locations[p]), limitSeconds);
        }

        foreach (int p in _touched)
        {
            result.Add(new ReachedPoint(p, _seconds[p], _meters[p]));
        }
    }

    private void Offer(int p, double seconds, double meters, double limit)
    {
        if (seconds > limit)
        {
            return;
        }

        if (_stamp[p] != _generation)
        {
            _stamp[p] = _generation;
            _seconds[p] = seconds;
            _meters[p] = meters;
            _touched.Add(p);
        }
        else if (seconds < _seconds[p])
        {
            _seconds[p] = seconds;
            _meters[p] = meters;
        }
    }
}
