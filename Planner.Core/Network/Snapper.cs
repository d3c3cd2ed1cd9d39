using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Geo;

namespace Planner.Core.Network;

/// <summary>
/// Joins points to a <see cref="RoadGraph"/> at the nearest point of the nearest edge segment (not the nearest
/// vertex), through an NTS STR-tree over every edge segment. Points farther than the maximum snap distance
/// from every edge are unreachable. Thread-safe once constructed.
/// </summary>
public sealed class Snapper
{
    private const double FirstRadiusMeters = 60;
    private readonly RoadGraph _graph;
    private readonly STRtree<int> _tree;
    private readonly int[] _segmentEdge;

    /// <summary>Indexes the segments of <paramref name="graph"/>.</summary>
    /// <param name="graph">The network.</param>
    /// <param name="maxSnapMeters">Largest off-road leg in metres (500 by default); farther points are unreachable.</param>
    public Snapper(RoadGraph graph, double maxSnapMeters = 500)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSnapMeters);
        _graph = graph;
        MaxSnapMeters = maxSnapMeters;
        var t = graph.Edges;
        int coords = t.X.Length;
        _segmentEdge = new int[coords];
        _tree = new STRtree<int>(10);
        for (int e = 0; e < t.Count; e++)
        {
            for (int i = t.CoordStart[e]; i < t.CoordStart[e + 1] - 1; i++)
            {
                _segmentEdge[i] = e;
                _tree.Insert(new Envelope(t.X[i], t.X[i + 1], t.Y[i], t.Y[i + 1]), i);
            }
        }

        if (t.Count > 0)
        {
            _tree.Build();
        }
    }

    /// <summary>Largest off-road leg in metres.</summary>
    public double MaxSnapMeters { get; }

    /// <summary>Joins a projected point (metres) to the network.</summary>
    public NetworkLocation Snap(ProjectedPoint p)
    {
        if (_graph.EdgeCount == 0)
        {
            return NetworkLocation.Unreachable;
        }

        var visitor = new NearestVisitor(_graph.Edges, p.X, p.Y);
        double r = Math.Min(FirstRadiusMeters, MaxSnapMeters);
        while (true)
        {
            visitor.Reset();
            _tree.Query(new Envelope(p.X - r, p.X + r, p.Y - r, p.Y + r), visitor);
            if (visitor.Best >= 0 && visitor.BestDistance <= r)
            {
                break;
            }

            if (r >= MaxSnapMeters)
            {
                break;
            }

            r = Math.Min(r * 3, MaxSnapMeters);
        }

        if (visitor.Best < 0 || visitor.BestDistance > MaxSnapMeters)
        {
            return NetworkLocation.Unreachable;
        }

        int seg = visitor.Best;
        var t = _graph.Edges;
        double along = t.Offset[seg] + (visitor.BestT * (t.Offset[seg + 1] - t.Offset[seg]));
        return new NetworkLocation(_segmentEdge[seg], along, visitor.BestDistance);
    }

    /// <summary>Joins a WGS84 point to the network (projected with the graph's projection).</summary>
    public NetworkLocation Snap(GeoPoint p) => Snap(_graph.Projection.Project(p));

    private sealed class NearestVisitor(EdgeTable t, double x, double y) : IItemVisitor<int>
    {
        public int Best { get; private set; } = -1;

        public double BestDistance { get; private set; } = double.PositiveInfinity;

        public double BestT { get; private set; }

        public void Reset()
        {
            Best = -1;
            BestDistance = double.PositiveInfinity;
        }

        public void VisitItem(int i)
        {
            double ax = t.X[i], ay = t.Y[i], dx = t.X[i + 1] - ax, dy = t.Y[i + 1] - ay;
            double len2 = (dx * dx) + (dy * dy);
            double u = len2 > 0 ? Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / len2, 0, 1) : 0;
            double ex = ax + (u * dx) - x, ey = ay + (u * dy) - y;
            double d = Math.Sqrt((ex * ex) + (ey * ey));

            // Ties go to the lower segment index so that results do not depend on tree order.
            if (d < BestDistance || (d == BestDistance && i < Best))
            {
                Best = i;
                BestDistance = d;
                BestT = u;
            }
        }
    }
}
