namespace Planner.Core.Network;

/// <summary>
/// Bounded single- and multi-source shortest travel times (Dijkstra) over a <see cref="RoadGraph"/>, in
/// seconds. Sources and targets are <see cref="NetworkLocation"/>s on edges: a search starts with the partial
/// edge from the source to each end of its edge (plus the off-road leg), and the time to a target adds the
/// partial edge from whichever end reaches it first (plus its leg); a source on the target's own edge is
/// reached directly along the edge when the edge's directions allow. Each search labels every vertex with the
/// source that reached it first, so one multi-source search gives the nearest source for every point. Each label
/// also carries the network distance in metres of the fastest path (legs and partial edges included), so a
/// distance cap is checked from the same search; on a profile with one speed everywhere (walk) the fastest
/// path is the shortest, and its distance is the network distance.
/// </summary>
/// <remarks>
/// One instance owns its buffers (distances, labels, generation stamps, heap) and reuses them across searches:
/// starting a search allocates nothing graph-sized, and the work grows with the vertices reached. Not
/// thread-safe; use one instance per thread.
/// </remarks>
public sealed class Dijkstra
{
    private readonly RoadGraph _graph;
    private readonly double[] _dist;
    private readonly double[] _meters;
    private readonly int[] _label;
    private readonly int[] _stamp;
    private readonly int[] _settledStamp;
    private readonly MinHeap _heap = new();
    private readonly List<(NetworkLocation Location, int Label)> _sources = [];
    private readonly Dictionary<int, List<int>> _sourcesByEdge = [];
    private int[] _settled = new int[64];
    private int _generation;

    /// <summary>Allocates the buffers for <paramref name="graph"/> once.</summary>
    public Dijkstra(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        int n = graph.VertexCount;
        _dist = new double[n];
        _meters = new double[n];
        _label = new int[n];
        _stamp = new int[n];
        _settledStamp = new int[n];
    }

    /// <summary>The graph searched.</summary>
    public RoadGraph Graph => _graph;

    /// <summary>Number of vertices settled by the last search (within its limit).</summary>
    public int SettledCount { get; private set; }

    /// <summary>The limit of the last search, seconds.</summary>
    public double LimitSeconds { get; private set; }

    /// <summary>The vertices settled by the last search, in order of time.</summary>
    internal ReadOnlySpan<int> Settled => _settled.AsSpan(0, SettledCount);

    /// <summary>Sources of the last search.</summary>
    internal IReadOnlyList<(NetworkLocation Location, int Label)> Sources => _sources;

    /// <summary>
    /// Runs a search from <paramref name="sources"/> (each with a label, e.g. a station index) up to
    /// <paramref name="limitSeconds"/> (use <see cref="double.PositiveInfinity"/> for no bound). Sources that are
    /// not on the network are ignored.
    /// </summary>
    public void Run(ReadOnlySpan<(NetworkLocation Location, int Label)> sources, double limitSeconds)
    {
        Start(limitSeconds);
        foreach (var s in sources)
        {
            AddSource(s.Location, s.Label);
        }

        Settle();
    }

    /// <summary>Runs a single-source search (label 0) up to <paramref name="limitSeconds"/>.</summary>
    public void Run(NetworkLocation source, double limitSeconds)
    {
        Start(limitSeconds);
        AddSource(source, 0);
        Settle();
    }

    /// <summary>Time in seconds from the nearest source to vertex <paramref name="v"/>, or +∞ when not reached.</summary>
    public double SecondsTo(int v) => _stamp[v] == _generation ? _dist[v] : double.PositiveInfinity;

    /// <summary>Network distance in metres along the fastest path to vertex <paramref name="v"/>, or +∞ when not reached.</summary>
    public double MetersTo(int v) => _stamp[v] == _generation ? _meters[v] : double.PositiveInfinity;

    /// <summary>Label of the source that reached vertex <paramref name="v"/> first, or -1.</summary>
    public int LabelOf(int v) => _stamp[v] == _generation ? _label[v] : -1;

    /// <summary>
    /// Time in seconds from the nearest source of the last search to <paramref name="target"/>, and that source's
    /// label; (+∞, -1) when not reached within the limit or not on the network.
    /// </summary>
    public (double Seconds, int Label) SecondsTo(NetworkLocation target)
    {
        var r = ReachTo(target);
        return (r.Seconds, r.Label);
    }

    /// <summary>
    /// Time in seconds from the nearest source of the last search to <paramref name="target"/>, the network
    /// distance in metres of that fastest path, and the source's label; (+∞, +∞, -1) when not reached within the
    /// limit or not on the network.
    /// </summary>
    public NetworkReach ReachTo(NetworkLocation target)
    {
        if (!target.IsOnNetwork)
        {
            return NetworkReach.None;
        }

        var t = _graph.Edges;
        int e = target.Edge;
        double spm = t.SecondsPerMeter[e];
        var best = NetworkReach.None;
        if (t.AllowsForward(e))
        {
            int v = t.From[e];
            double m = target.OffsetMeters + target.LegMeters;
            Consider(new NetworkReach(SecondsTo(v) + (m * spm), MetersTo(v) + m, LabelOf(v)), ref best);
        }

        if (t.AllowsBackward(e))
        {
            int v = t.To[e];
            double m = t.LengthMeters[e] - target.OffsetMeters + target.LegMeters;
            Consider(new NetworkReach(SecondsTo(v) + (m * spm), MetersTo(v) + m, LabelOf(v)), ref best);
        }

        if (_sourcesByEdge.TryGetValue(e, out var onEdge))
        {
            foreach (int i in onEdge)
            {
                var (s, l) = _sources[i];
                double sec = SameEdgeSeconds(t, s, target);
                Consider(new NetworkReach(sec, double.IsFinite(sec) ? SameEdgeMeters(s, target) : double.PositiveInfinity, l), ref best);
            }
        }

        return best.Seconds <= LimitSeconds ? best : NetworkReach.None;
    }

    /// <summary>Time along a shared edge between two locations on it, legs included; +∞ when its directions forbid.</summary>
    internal static double SameEdgeSeconds(EdgeTable t, NetworkLocation from, NetworkLocation to)
    {
        int e = from.Edge;
        double d = to.OffsetMeters - from.OffsetMeters;
        bool ok = d >= 0 ? t.AllowsForward(e) : t.AllowsBackward(e);
        return ok ? (Math.Abs(d) + from.LegMeters + to.LegMeters) * t.SecondsPerMeter[e] : double.PositiveInfinity;
    }

    /// <summary>Distance in metres along a shared edge between two locations on it, legs included.</summary>
    internal static double SameEdgeMeters(NetworkLocation from, NetworkLocation to) =>
        Math.Abs(to.OffsetMeters - from.OffsetMeters) + from.LegMeters + to.LegMeters;

    private static void Consider(NetworkReach candidate, ref NetworkReach best)
    {
        if (candidate.Seconds < best.Seconds)
        {
            best = candidate;
        }
    }

    private void Start(double limitSeconds)
    {
        LimitSeconds = limitSeconds;
        SettledCount = 0;
        _heap.Clear();
        _sources.Clear();
        foreach (var list in _sourcesByEdge.Values)
        {
            list.Clear();
        }

        if (_sourcesByEdge.Count > 1024)
        {
            _sourcesByEdge.Clear();
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_settledStamp);
            _generation = 1;
        }
    }

    private void AddSource(NetworkLocation s, int label)
    {
        if (!s.IsOnNetwork)
        {
            return;
        }

        _sources.Add((s, label));
        if (!_sourcesByEdge.TryGetValue(s.Edge, out var list))
        {
            list = [];
            _sourcesByEdge.Add(s.Edge, list);
        }

        list.Add(_sources.Count - 1);
        var t = _graph.Edges;
        double spm = t.SecondsPerMeter[s.Edge];
        if (t.AllowsBackward(s.Edge))
        {
            Seed(t.From[s.Edge], (s.OffsetMeters + s.LegMeters) * spm, s.OffsetMeters + s.LegMeters, label);
        }

        if (t.AllowsForward(s.Edge))
        {
            Seed(t.To[s.Edge], (t.LengthMeters[s.Edge] - s.OffsetMeters + s.LegMeters) * spm, t.LengthMeters[s.Edge] - s.OffsetMeters + s.LegMeters, label);
        }
    }

    private void Seed(int v, double seconds, double meters, int label)
    {
        if (seconds > LimitSeconds || (_stamp[v] == _generation && _dist[v] <= seconds))
        {
            return;
        }

        _stamp[v] = _generation;
        _dist[v] = seconds;
        _meters[v] = meters;
        _label[v] = label;
        _heap.Push(seconds, v);
    }

    private void Settle()
    {
        int[] first = _graph.FirstArc, target = _graph.ArcTarget;
        double[] cost = _graph.ArcSeconds, length = _graph.ArcMeters, meters = _meters;
        int gen = _generation;
        double limit = LimitSeconds;
        while (_heap.Count > 0)
        {
            int v = _heap.Pop(out double d);
            if (_settledStamp[v] == gen || d > _dist[v])
            {
                continue;
            }

            _settledStamp[v] = gen;
            if (SettledCount == _settled.Length)
            {
                Array.Resize(ref _settled, _settled.Length * 2);
            }

            _settled[SettledCount++] = v;
            int label = _label[v];
            double dm = meters[v];
            for (int a = first[v], end = first[v + 1]; a < end; a++)
            {
                int w = target[a];
                double nd = d + cost[a];
                if (nd <= limit && (_stamp[w] != gen || nd < _dist[w]))
                {
                    _stamp[w] = gen;
                    _dist[w] = nd;
                    meters[w] = dm + length[a];
                    _label[w] = label;
                    _heap.Push(nd, w);
                }
            }
        }
    }
}
