using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Network;

namespace Planner.Benchmarks;

/// <summary>
/// The snapping the product used before its segment grid: an NTS STR-tree over every edge segment, queried
/// with a widening window. Kept here as the reference the grid is measured against.
/// </summary>
internal sealed class StrTreeSnapReference
{
    private readonly EdgeTable _table;
    private readonly STRtree<int> _tree = new(10);
    private readonly double _maxMeters;

    public StrTreeSnapReference(RoadGraph graph, double maxMeters = 500)
    {
        _table = graph.Edges;
        _maxMeters = maxMeters;
        for (int e = 0; e < _table.Count; e++)
        {
            for (int i = _table.CoordStart[e]; i < _table.CoordStart[e + 1] - 1; i++)
            {
                _tree.Insert(new Envelope(_table.X[i], _table.X[i + 1], _table.Y[i], _table.Y[i + 1]), i);
            }
        }

        _tree.Build();
    }

    /// <summary>The nearest segment's first coordinate index and distance, or -1 beyond the limit.</summary>
    public (int Segment, double Distance) Nearest(double x, double y)
    {
        var visitor = new Visitor(_table, x, y);
        for (double r = Math.Min(60, _maxMeters); ; r = Math.Min(r * 3, _maxMeters))
        {
            visitor.Best = -1;
            visitor.BestDistance = double.PositiveInfinity;
            _tree.Query(new Envelope(x - r, x + r, y - r, y + r), visitor);
            if ((visitor.Best >= 0 && visitor.BestDistance <= r) || r >= _maxMeters)
            {
                break;
            }
        }

        return visitor.BestDistance <= _maxMeters ? (visitor.Best, visitor.BestDistance) : (-1, double.PositiveInfinity);
    }

    private sealed class Visitor(EdgeTable t, double x, double y) : IItemVisitor<int>
    {
        public int Best { get; set; } = -1;

        public double BestDistance { get; set; } = double.PositiveInfinity;

        public void VisitItem(int item)
        {
            double ax = t.X[item], ay = t.Y[item], dx = t.X[item + 1] - ax, dy = t.Y[item + 1] - ay;
            double len2 = (dx * dx) + (dy * dy);
            double u = len2 > 0 ? Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / len2, 0, 1) : 0;
            double ex = ax + (u * dx) - x, ey = ay + (u * dy) - y;
            double d = Math.Sqrt((ex * ex) + (ey * ey));
            if (d < BestDistance || (d == BestDistance && item < Best))
            {
                Best = item;
                BestDistance = d;
            }
        }
    }
}
