using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Network;

/// <summary>
/// Point-to-point fastest path over a <see cref="RoadGraph"/>, with its geometry. <see cref="Dijkstra"/> keeps no
/// predecessors (coverage runs millions of searches and needs none), so drawing a route runs this search per leg:
/// the same seeds, arc costs and target rule as <see cref="Dijkstra.ReachTo"/>, plus the arc each vertex was
/// reached by, and it stops as soon as no unsettled vertex can improve the best time to the target.
/// </summary>
/// <remarks>Owns its buffers and reuses them across searches; not thread-safe.</remarks>
public sealed class PathSearch
{
    private readonly RoadGraph _graph;
    private readonly double[] _dist;
    private readonly int[] _arc;
    private readonly int[] _stamp;
    private readonly MinHeap _heap = new();
    private int _generation;

    /// <summary>Allocates the buffers for <paramref name="graph"/> once.</summary>
    public PathSearch(RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _dist = new double[graph.VertexCount];
        _arc = new int[graph.VertexCount];
        _stamp = new int[graph.VertexCount];
    }

    /// <summary>
    /// The fastest path from <paramref name="from"/> (snapped at <paramref name="fromLocation"/>) to
    /// <paramref name="to"/> (snapped at <paramref name="toLocation"/>); not found (+∞, no points) when either is
    /// off the network or no road links them.
    /// </summary>
    public RoadPath Find(ProjectedPoint from, NetworkLocation fromLocation, ProjectedPoint to, NetworkLocation toLocation)
    {
        if (!fromLocation.IsOnNetwork || !toLocation.IsOnNetwork)
        {
            return new RoadPath([], double.PositiveInfinity, double.PositiveInfinity);
        }

        var t = _graph.Edges;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }

        _heap.Clear();
        int es = fromLocation.Edge, et = toLocation.Edge;
        double spmS = t.SecondsPerMeter[es], spmT = t.SecondsPerMeter[et];
        if (t.AllowsBackward(es))
        {
            Seed(t.From[es], (fromLocation.OffsetMeters + fromLocation.LegMeters) * spmS);
        }

        if (t.AllowsForward(es))
        {
            Seed(t.To[es], (t.LengthMeters[es] - fromLocation.OffsetMeters + fromLocation.LegMeters) * spmS);
        }

        // How the target is entered: -1 along the shared edge, else the vertex its edge is entered from.
        double best = es == et ? Dijkstra.SameEdgeSeconds(t, fromLocation, toLocation) : double.PositiveInfinity;
        int entry = double.IsFinite(best) ? -1 : -2;
        double toFromEnd = t.AllowsForward(et) ? (toLocation.OffsetMeters + toLocation.LegMeters) * spmT : double.PositiveInfinity;
        double toToEnd = t.AllowsBackward(et) ? (t.LengthMeters[et] - toLocation.OffsetMeters + toLocation.LegMeters) * spmT : double.PositiveInfinity;
        int[] first = _graph.FirstArc, head = _graph.ArcTarget;
        double[] cost = _graph.ArcSeconds;
        while (_heap.Count > 0)
        {
            int v = _heap.Pop(out double d);
            if (d > _dist[v])
            {
                continue;
            }

            if (d >= best)
            {
                break;
            }

            // Settled: v's time is final, so the target through v is final too.
            if (v == t.From[et] && d + toFromEnd < best)
            {
                (best, entry) = (d + toFromEnd, v);
            }

            if (v == t.To[et] && d + toToEnd < best)
            {
                (best, entry) = (d + toToEnd, v);
            }

            for (int a = first[v], end = first[v + 1]; a < end; a++)
            {
                int w = head[a];
                double nd = d + cost[a];
                if (_stamp[w] != _generation || nd < _dist[w])
                {
                    _stamp[w] = _generation;
                    _dist[w] = nd;
                    _arc[w] = a;
                    _heap.Push(nd, w);
                }
            }
        }

        return entry == -2 ? new RoadPath([], double.PositiveInfinity, double.PositiveInfinity) : Build(from, fromLocation, to, toLocation, entry, best);
    }

    private void Seed(int v, double seconds)
    {
        if (_stamp[v] == _generation && _dist[v] <= seconds)
        {
            return;
        }

        _stamp[v] = _generation;
        _dist[v] = seconds;
        _arc[v] = -1;
        _heap.Push(seconds, v);
    }

    private RoadPath Build(ProjectedPoint from, NetworkLocation fromLocation, ProjectedPoint to, NetworkLocation toLocation, int entry, double seconds)
    {
        var t = _graph.Edges;
        var points = new List<ProjectedPoint> { from };
        int es = fromLocation.Edge, et = toLocation.Edge;
        if (entry == -1)
        {
            AddPiece(points, es, fromLocation.OffsetMeters, toLocation.OffsetMeters);
        }
        else
        {
            // Walk back from the entry vertex to the seed vertex, then lay the pieces out forwards.
            var arcs = new List<int>();
            int v = entry;
            while (_arc[v] >= 0)
            {
                arcs.Add(_arc[v]);
                v = Tail(_arc[v]);
            }

            arcs.Reverse();
            AddPiece(points, es, fromLocation.OffsetMeters, LeavesByFirstEnd(fromLocation, v) ? 0 : t.LengthMeters[es]);
            foreach (int a in arcs)
            {
                int e = _graph.ArcEdge[a] >> 1;
                bool backward = (_graph.ArcEdge[a] & 1) != 0;
                AddPiece(points, e, backward ? t.LengthMeters[e] : 0, backward ? 0 : t.LengthMeters[e]);
            }

            AddPiece(points, et, EntersByFirstEnd(toLocation, entry) ? 0 : t.LengthMeters[et], toLocation.OffsetMeters);
        }

        points.Add(to);
        var line = Deduplicate(points);
        double meters = 0;
        for (int i = 1; i < line.Length; i++)
        {
            meters += line[i - 1].DistanceMeters(line[i]);
        }

        return new RoadPath(line, seconds, meters);
    }

    /// <summary>Whether the path left the source's edge by its first end, at seed vertex <paramref name="v"/> (on a loop edge both ends are v: the cheaper side).</summary>
    private bool LeavesByFirstEnd(NetworkLocation s, int v)
    {
        var t = _graph.Edges;
        if (t.From[s.Edge] != t.To[s.Edge])
        {
            return v == t.From[s.Edge];
        }

        double viaFirst = t.AllowsBackward(s.Edge) ? s.OffsetMeters : double.PositiveInfinity;
        double viaLast = t.AllowsForward(s.Edge) ? t.LengthMeters[s.Edge] - s.OffsetMeters : double.PositiveInfinity;
        return viaFirst <= viaLast;
    }

    /// <summary>Whether the path entered the target's edge at its first end, from <paramref name="entry"/> (on a loop edge: the cheaper side).</summary>
    private bool EntersByFirstEnd(NetworkLocation target, int entry)
    {
        var t = _graph.Edges;
        if (t.From[target.Edge] != t.To[target.Edge])
        {
            return entry == t.From[target.Edge];
        }

        double viaFirst = t.AllowsForward(target.Edge) ? target.OffsetMeters : double.PositiveInfinity;
        double viaLast = t.AllowsBackward(target.Edge) ? t.LengthMeters[target.Edge] - target.OffsetMeters : double.PositiveInfinity;
        return viaFirst <= viaLast;
    }

    /// <summary>The vertex an arc leaves: the other end of its edge.</summary>
    private int Tail(int a)
    {
        int e = _graph.ArcEdge[a] >> 1;
        return (_graph.ArcEdge[a] & 1) != 0 ? _graph.Edges.To[e] : _graph.Edges.From[e];
    }

    private void AddPiece(List<ProjectedPoint> points, int edge, double fromMeters, double toMeters)
    {
        var piece = _graph.Edges.Piece(edge, fromMeters, toMeters);
        if (fromMeters > toMeters)
        {
            Array.Reverse(piece);
        }

        foreach (var c in piece)
        {
            points.Add(new ProjectedPoint(c.X, c.Y));
        }
    }

    private static ImmutableArray<ProjectedPoint> Deduplicate(List<ProjectedPoint> points)
    {
        var line = ImmutableArray.CreateBuilder<ProjectedPoint>(points.Count);
        foreach (var p in points)
        {
            if (line.Count == 0 || line[^1].DistanceMeters(p) > 1e-6)
            {
                line.Add(p);
            }
        }

        // The ends stay the caller's points exactly (a point on the road equals its snap only up to rounding).
        if (line.Count > 1 && line[^1] != points[^1])
        {
            line[^1] = points[^1];
        }

        if (line.Count == 1)
        {
            line.Add(points[^1]);
        }

        return line.ToImmutable();
    }
}
