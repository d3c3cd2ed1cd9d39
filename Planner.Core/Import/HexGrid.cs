using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Planner.Core.Import;

/// <summary>
/// A lattice of regular pointy-top hexagons in a local metric projection, anchored at the projection's origin
/// so that neighbouring units share one lattice. <c>edgeMeters</c> is the edge length, which equals the
/// circumradius: a full cell has area 3√3/2 · edge² (300 m → 233,827 m²) and is √3 · edge wide.
/// </summary>
internal static class HexGrid
{
    /// <summary>The area in m² of a full hexagon of edge <paramref name="edgeMeters"/>.</summary>
    public static double CellAreaM2(double edgeMeters) => 3 * Math.Sqrt(3) / 2 * edgeMeters * edgeMeters;

    /// <summary>The full hexagon centred at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static Polygon Cell(GeometryFactory factory, double x, double y, double edgeMeters)
    {
        var ring = new Coordinate[7];
        for (int i = 0; i < 6; i++)
        {
            double angle = Math.PI / 180 * (60 * i + 30);
            ring[i] = new Coordinate(x + edgeMeters * Math.Cos(angle), y + edgeMeters * Math.Sin(angle));
        }

        ring[6] = ring[0].Copy();
        return factory.CreatePolygon(ring);
    }

    /// <summary>
    /// The lattice cells clipped to <paramref name="area"/> (projected metres), row by row from the south-west,
    /// dropping clipped pieces smaller than <paramref name="minPieceM2"/> (slivers along the edge).
    /// </summary>
    public static List<Geometry> Clip(Geometry area, double edgeMeters, double minPieceM2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(edgeMeters);
        var factory = area.Factory;
        var prepared = PreparedGeometryFactory.Prepare(area);
        var env = area.EnvelopeInternal;
        double dx = Math.Sqrt(3) * edgeMeters, dy = 1.5 * edgeMeters;
        int rowMin = (int)Math.Floor((env.MinY - edgeMeters) / dy), rowMax = (int)Math.Ceiling((env.MaxY + edgeMeters) / dy);
        var cells = new List<Geometry>();
        for (int row = rowMin; row <= rowMax; row++)
        {
            double offset = (row & 1) == 0 ? 0 : dx / 2;
            int colMin = (int)Math.Floor((env.MinX - dx - offset) / dx), colMax = (int)Math.Ceiling((env.MaxX + dx - offset) / dx);
            for (int col = colMin; col <= colMax; col++)
            {
                var hex = Cell(factory, col * dx + offset, row * dy, edgeMeters);
                if (!prepared.Intersects(hex))
                {
                    continue;
                }

                var piece = prepared.Contains(hex) ? hex : Polygonal(RobustOverlay.Intersection(hex, area));
                if (piece is not null && piece.Area >= minPieceM2)
                {
                    cells.Add(piece);
                }
            }
        }

        return cells;
    }

    /// <summary>The polygonal part of an overlay result (lines and points from touching edges dropped), or null.</summary>
    public static Geometry? Polygonal(Geometry g)
    {
        var polygons = new List<Polygon>();
        for (int i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is Polygon { IsEmpty: false } p)
            {
                polygons.Add(p);
            }
            else if (g.GetGeometryN(i) is MultiPolygon mp)
            {
                polygons.AddRange(mp.Geometries.OfType<Polygon>());
            }
        }

        return polygons.Count switch
        {
            0 => null,
            1 => polygons[0],
            _ => g.Factory.CreateMultiPolygon([.. polygons]),
        };
    }
}
