using Planner.Core.Geo;

namespace Planner.Core.Coverage;

/// <summary>A uniform grid over projected points (metres) for radius queries; built once, read-only after.</summary>
internal sealed class PointGrid
{
    private readonly ProjectedPoint[] _points;
    private readonly double _cell;
    private readonly Dictionary<(long, long), List<int>> _cells = [];

    public PointGrid(ProjectedPoint[] points, double cellMeters)
    {
        _points = points;
        _cell = cellMeters;
        for (int i = 0; i < points.Length; i++)
        {
            var key = Key(points[i]);
            if (!_cells.TryGetValue(key, out var list))
            {
                list = [];
                _cells.Add(key, list);
            }

            list.Add(i);
        }
    }

    /// <summary>Calls <paramref name="visit"/> with every point within <paramref name="radius"/> metres of <paramref name="center"/> and its distance.</summary>
    public void Within(ProjectedPoint center, double radius, Action<int, double> visit)
    {
        long x0 = (long)Math.Floor((center.X - radius) / _cell), x1 = (long)Math.Floor((center.X + radius) / _cell);
        long y0 = (long)Math.Floor((center.Y - radius) / _cell), y1 = (long)Math.Floor((center.Y + radius) / _cell);
        if ((x1 - x0 + 1) * (y1 - y0 + 1) > _cells.Count)
        {
            for (int i = 0; i < _points.Length; i++)
            {
                VisitIfNear(i);
            }

            return;
        }

        for (long cx = x0; cx <= x1; cx++)
        {
            for (long cy = y0; cy <= y1; cy++)
            {
                if (_cells.TryGetValue((cx, cy), out var list))
                {
                    foreach (int i in list)
                    {
                        VisitIfNear(i);
                    }
                }
            }
        }

        void VisitIfNear(int i)
        {
            double d = _points[i].DistanceMeters(center);
            if (d <= radius)
            {
                visit(i, d);
            }
        }
    }

    private (long, long) Key(ProjectedPoint p) => ((long)Math.Floor(p.X / _cell), (long)Math.Floor(p.Y / _cell));
}
