using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Planner.Core.Coverage;

/// <summary>
/// The union of the buffers of many line pieces, computed on a raster: a cell is inside when its centre lies
/// within the buffer distance of some segment, and the inside cells are traced into polygon rings (outer rings
/// counter-clockwise, holes clockwise, corners only). Its error is at most one cell size at the boundary, and its
/// cost grows with the reached area instead of with the overlay of hundreds of overlapping buffers.
/// </summary>
internal static class RasterBuffer
{
    public static Geometry? Union(List<Coordinate[]> pieces, double buffer, double cell, GeometryFactory factory)
    {
        var env = new Envelope();
        foreach (var p in pieces)
        {
            foreach (var c in p)
            {
                env.ExpandToInclude(c);
            }
        }

        double x0 = env.MinX - buffer - cell, y0 = env.MinY - buffer - cell;
        int nx = (int)Math.Ceiling((env.Width + (2 * buffer) + (2 * cell)) / cell) + 1;
        int ny = (int)Math.Ceiling((env.Height + (2 * buffer) + (2 * cell)) / cell) + 1;
        var inside = new bool[nx * ny];
        foreach (var p in pieces)
        {
            for (int k = 0; k + 1 < p.Length; k++)
            {
                Mark(inside, nx, x0, y0, cell, buffer, p[k], p[k + 1]);
            }
        }

        var rings = Trace(inside, nx, ny, x0, y0, cell, factory);
        return Assemble(rings, factory);
    }

    private static void Mark(bool[] inside, int nx, double x0, double y0, double cell, double buffer, Coordinate a, Coordinate b)
    {
        int i0 = (int)((Math.Min(a.X, b.X) - buffer - x0) / cell), i1 = (int)((Math.Max(a.X, b.X) + buffer - x0) / cell);
        int j0 = (int)((Math.Min(a.Y, b.Y) - buffer - y0) / cell), j1 = (int)((Math.Max(a.Y, b.Y) + buffer - y0) / cell);
        double dx = b.X - a.X, dy = b.Y - a.Y, len2 = (dx * dx) + (dy * dy), b2 = buffer * buffer;
        for (int j = j0; j <= j1; j++)
        {
            double cy = y0 + ((j + 0.5) * cell);
            for (int i = i0; i <= i1; i++)
            {
                double cx = x0 + ((i + 0.5) * cell);
                double u = len2 > 0 ? Math.Clamp((((cx - a.X) * dx) + ((cy - a.Y) * dy)) / len2, 0, 1) : 0;
                double ex = a.X + (u * dx) - cx, ey = a.Y + (u * dy) - cy;
                if ((ex * ex) + (ey * ey) <= b2)
                {
                    inside[(j * nx) + i] = true;
                }
            }
        }
    }

    private static List<LinearRing> Trace(bool[] inside, int nx, int ny, double x0, double y0, double cell, GeometryFactory factory)
    {
        // Boundary edges run between grid vertices (i, j) with the inside on their left; at most two leave a vertex.
        int w = nx + 1;
        var out1 = new int[w * (ny + 1)];
        var out2 = new int[w * (ny + 1)];
        Array.Fill(out1, -1);
        Array.Fill(out2, -1);
        bool In(int i, int j) => i >= 0 && j >= 0 && i < nx && j < ny && inside[(j * nx) + i];
        void Add(int from, int to)
        {
            if (out1[from] < 0)
            {
                out1[from] = to;
            }
            else
            {
                out2[from] = to;
            }
        }

        int edges = 0;
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                if (!inside[(j * nx) + i])
                {
                    continue;
                }

                int v00 = (j * w) + i, v10 = v00 + 1, v01 = v00 + w, v11 = v01 + 1;
                if (!In(i, j - 1)) { Add(v00, v10); edges++; }
                if (!In(i + 1, j)) { Add(v10, v11); edges++; }
                if (!In(i, j + 1)) { Add(v11, v01); edges++; }
                if (!In(i - 1, j)) { Add(v01, v00); edges++; }
            }
        }

        var rings = new List<LinearRing>();
        for (int start = 0; start < out1.Length && edges > 0; start++)
        {
            while (out1[start] >= 0)
            {
                var coords = new List<Coordinate>();
                int prev = start, cur = Take(start, -1);
                edges--;
                coords.Add(Vertex(start));
                while (cur != start)
                {
                    int next = Take(cur, prev);
                    edges--;
                    if ((next - cur) != (cur - prev))
                    {
                        coords.Add(Vertex(cur));
                    }

                    (prev, cur) = (cur, next);
                }

                coords.Add(Vertex(start));
                if (coords.Count >= 4)
                {
                    rings.Add(factory.CreateLinearRing([.. coords]));
                }
            }
        }

        return rings;

        Coordinate Vertex(int v) => new(x0 + (v % w * cell), y0 + (v / w * cell));

        // Takes an unused edge leaving v, preferring a right turn at saddle vertices so rings never cross.
        int Take(int v, int from)
        {
            int pick = out1[v];
            if (out2[v] >= 0 && from >= 0)
            {
                int dxIn = (v % w) - (from % w), dyIn = (v / w) - (from / w);
                int c = out2[v];
                int dxC = (c % w) - (v % w), dyC = (c / w) - (v / w);
                if ((dxIn * dyC) - (dyIn * dxC) < 0)
                {
                    pick = c;
                }
            }

            if (pick == out1[v])
            {
                out1[v] = out2[v];
            }

            out2[v] = -1;
            return pick;
        }
    }

    private static Geometry? Assemble(List<LinearRing> rings, GeometryFactory factory)
    {
        var shells = rings.Where(r => Orientation.IsCCW(r.CoordinateSequence)).ToList();
        var holes = rings.Where(r => !Orientation.IsCCW(r.CoordinateSequence)).ToList();
        if (shells.Count == 0)
        {
            return null;
        }

        var holesOf = shells.ToDictionary(s => s, _ => new List<LinearRing>());
        foreach (var hole in holes)
        {
            var p = hole.GetCoordinateN(0);
            var owner = shells.Where(s => s.EnvelopeInternal.Covers(hole.EnvelopeInternal) && PointLocation.IsInRing(Mid(hole), s.Coordinates))
                .OrderBy(s => s.EnvelopeInternal.Area).FirstOrDefault();
            _ = p;
            owner ??= shells[0];
            holesOf[owner].Add(hole);
        }

        var polygons = shells.Select(s => factory.CreatePolygon(s, [.. holesOf[s]])).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    // A point just inside a hole ring, away from vertices it may share with its shell.
    private static Coordinate Mid(LinearRing ring)
    {
        var a = ring.GetCoordinateN(0);
        var b = ring.GetCoordinateN(1);
        return new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2);
    }
}
