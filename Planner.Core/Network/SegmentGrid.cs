namespace Planner.Core.Network;

/// <summary>
/// A uniform grid over the segments of an <see cref="EdgeTable"/> (projected metres): every cell lists, in
/// compressed (CSR) arrays, the segments whose bounding box overlaps it. Nearest-segment queries search rings
/// of cells outward from the query point and stop once the nearest segment found is closer than every cell
/// not yet searched. We keep our own index rather than NTS's STR-tree because snapping a city's million
/// demand points is the slowest step of preparing a region, and a grid over road segments (short, evenly
/// spread) answers with no allocation and a few cache-friendly array reads. Immutable once built.
/// </summary>
internal sealed class SegmentGrid
{
    // A cell holds about this many segments on average over the occupied extent.
    private const double SegmentsPerCell = 4;
    private const double MinCellMeters = 10;
    private const long MaxCells = 1L << 22;

    private readonly EdgeTable _table;
    private readonly double _minX, _minY, _cell;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart;
    private readonly int[] _segments;

    /// <summary>Indexes every segment (coordinate i to i + 1 within one edge) of <paramref name="table"/>.</summary>
    public SegmentGrid(EdgeTable table)
    {
        _table = table;
        var (x, y, starts) = (table.X, table.Y, table.CoordStart);
        int segmentCount = 0;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int e = 0; e < table.Count; e++)
        {
            for (int i = starts[e]; i < starts[e + 1]; i++)
            {
                minX = Math.Min(minX, x[i]);
                minY = Math.Min(minY, y[i]);
                maxX = Math.Max(maxX, x[i]);
                maxY = Math.Max(maxY, y[i]);
            }

            segmentCount += Math.Max(0, starts[e + 1] - starts[e] - 1);
        }

        if (segmentCount == 0)
        {
            (_minX, _minY, _cell, _columns, _rows, _cellStart, _segments) = (0, 0, 1, 0, 0, [0], []);
            return;
        }

        double width = Math.Max(maxX - minX, MinCellMeters), height = Math.Max(maxY - minY, MinCellMeters);
        double cell = Math.Max(MinCellMeters, Math.Sqrt(width * height * SegmentsPerCell / segmentCount));
        while (Math.Ceiling(width / cell) * Math.Ceiling(height / cell) > MaxCells)
        {
            cell *= 2;
        }

        _minX = minX;
        _minY = minY;
        _cell = cell;
        _columns = (int)Math.Floor(width / cell) + 1;
        _rows = (int)Math.Floor(height / cell) + 1;

        // Two passes (count, then fill) so that the lists sit in two flat arrays.
        _cellStart = new int[(_columns * _rows) + 1];
        ForEachSegmentCell((_, c) => _cellStart[c + 1]++);
        for (int c = 0; c < _columns * _rows; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _segments = new int[_cellStart[^1]];
        var next = _cellStart[..^1];
        ForEachSegmentCell((s, c) => _segments[next[c]++] = s);
    }

    /// <summary>Side of a cell in metres.</summary>
    public double CellMeters => _cell;

    /// <summary>
    /// The segment nearest to (x, y) within <paramref name="maxMeters"/>: its first coordinate index, the
    /// distance and the fraction along it of the nearest point; segment -1 when none is that close. Ties go
    /// to the lower segment index, so the answer does not depend on the grid's layout.
    /// </summary>
    public (int Segment, double Distance, double Fraction) Nearest(double x, double y, double maxMeters)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity, bestFraction = 0;
        if (_columns == 0)
        {
            return (best, bestDistance, bestFraction);
        }

        // The query may lie outside the grid: start from the nearest cell and account for the gap.
        double gx = (x - _minX) / _cell, gy = (y - _minY) / _cell;
        int cx = (int)Math.Clamp(Math.Floor(gx), 0, _columns - 1), cy = (int)Math.Clamp(Math.Floor(gy), 0, _rows - 1);
        int maxRing = Math.Max(Math.Max(cx, _columns - 1 - cx), Math.Max(cy, _rows - 1 - cy));
        for (int ring = 0; ring <= maxRing; ring++)
        {
            // Every point not yet searched lies outside the square block of cells of this ring.
            int x0 = cx - ring, x1 = cx + ring, y0 = cy - ring, y1 = cy + ring;
            for (int row = Math.Max(y0, 0); row <= Math.Min(y1, _rows - 1); row++)
            {
                if (row == y0 || row == y1)
                {
                    for (int col = Math.Max(x0, 0); col <= Math.Min(x1, _columns - 1); col++)
                    {
                        Visit((row * _columns) + col, x, y, ref best, ref bestDistance, ref bestFraction);
                    }
                }
                else
                {
                    // Between the top and bottom rows a ring has only its two side cells.
                    if (x0 >= 0)
                    {
                        Visit((row * _columns) + x0, x, y, ref best, ref bestDistance, ref bestFraction);
                    }

                    if (x1 < _columns)
                    {
                        Visit((row * _columns) + x1, x, y, ref best, ref bestDistance, ref bestFraction);
                    }
                }
            }

            // Sides of the block at or past the grid's edge have no segments beyond them.
            double reach = Math.Min(
                Math.Min(x0 <= 0 ? double.PositiveInfinity : x - (_minX + (x0 * _cell)), x1 >= _columns - 1 ? double.PositiveInfinity : (_minX + ((x1 + 1) * _cell)) - x),
                Math.Min(y0 <= 0 ? double.PositiveInfinity : y - (_minY + (y0 * _cell)), y1 >= _rows - 1 ? double.PositiveInfinity : (_minY + ((y1 + 1) * _cell)) - y));

            // Strictly closer than anything unsearched: a segment at exactly the same distance outside the
            // block could have a lower index, so equality searches one more ring.
            if (bestDistance < reach || reach > maxMeters)
            {
                break;
            }
        }

        return bestDistance <= maxMeters ? (best, bestDistance, bestFraction) : (-1, double.PositiveInfinity, 0);
    }

    private void Visit(int cell, double x, double y, ref int best, ref double bestDistance, ref double bestFraction)
    {
        for (int k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
        {
            int s = _segments[k];
            var (d, u) = Distance(s, x, y);
            if (d < bestDistance || (d == bestDistance && s < best))
            {
                (best, bestDistance, bestFraction) = (s, d, u);
            }
        }
    }

    private (double Distance, double Fraction) Distance(int i, double x, double y)
    {
        double ax = _table.X[i], ay = _table.Y[i], dx = _table.X[i + 1] - ax, dy = _table.Y[i + 1] - ay;
        double len2 = (dx * dx) + (dy * dy);
        double u = len2 > 0 ? Math.Clamp((((x - ax) * dx) + ((y - ay) * dy)) / len2, 0, 1) : 0;
        double ex = ax + (u * dx) - x, ey = ay + (u * dy) - y;
        return (Math.Sqrt((ex * ex) + (ey * ey)), u);
    }

    private void ForEachSegmentCell(Action<int, int> visit)
    {
        var (x, y, starts) = (_table.X, _table.Y, _table.CoordStart);
        for (int e = 0; e < _table.Count; e++)
        {
            for (int i = starts[e]; i < starts[e + 1] - 1; i++)
            {
                int c0 = Column(Math.Min(x[i], x[i + 1])), c1 = Column(Math.Max(x[i], x[i + 1]));
                int r0 = Row(Math.Min(y[i], y[i + 1])), r1 = Row(Math.Max(y[i], y[i + 1]));
                for (int r = r0; r <= r1; r++)
                {
                    for (int c = c0; c <= c1; c++)
                    {
                        visit(i, (r * _columns) + c);
                    }
                }
            }
        }
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _minX) / _cell), 0, _columns - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _minY) / _cell), 0, _rows - 1);
}
