using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using Planner.Core.Geo;

namespace Planner.Api.Tiles;

/// <summary>
/// Renders one Mapbox vector tile (MVT 2.1, protobuf) of a <see cref="BasemapSource"/>: the features that meet the
/// tile grown by <see cref="BufferUnits"/>, clipped to that box (OverlayNG intersection), simplified to half a tile
/// unit (Douglas-Peucker) and encoded in a <see cref="Extent"/>-unit grid by NetTopologySuite.IO.VectorTiles.Mapbox.
/// The buffer lets a renderer draw lines and labels across tile edges without seams.
/// </summary>
internal static class BasemapTiler
{
    /// <summary>Tile units along each side (the MVT default).</summary>
    public const uint Extent = 4096;

    /// <summary>How far, in tile units, features reach past each tile edge.</summary>
    public const int BufferUnits = 64;

    /// <summary>The media type of a Mapbox vector tile.</summary>
    public const string MediaType = "application/vnd.mapbox-vector-tile";

    /// <summary>The tile's protobuf bytes, or null when no feature of the source reaches it.</summary>
    public static byte[]? Render(BasemapSource source, TileAddress tile)
    {
        var box = tile.Bounds((double)BufferUnits / Extent);
        var clip = GeometryFactories.Wgs84.ToGeometry(box);

        // Half a tile unit: finer detail falls on the same integer coordinate anyway. In Mercator a unit spans
        // fewer degrees of latitude than of longitude (by cos φ), so the latitude span sets the tolerance.
        double unitDegrees = 360.0 / (1L << tile.Z) / Extent;
        double tolerance = 0.5 * unitDegrees * Math.Cos(box.Centre.Y * Math.PI / 180);

        var vectorTile = new VectorTile { TileId = tile.Id };
        foreach (var (name, candidates) in source.Query(box, tile.Z))
        {
            var layer = new Layer { Name = name };
            foreach (var f in candidates)
            {
                var geometry = Clip(f.Geometry, box, clip);
                if (geometry is null)
                {
                    continue;
                }

                if (geometry.Dimension != Dimension.Point)
                {
                    geometry = new DouglasPeuckerSimplifier(geometry) { DistanceTolerance = tolerance, EnsureValidTopology = false }.GetResultGeometry();
                }

                if (!geometry.IsEmpty)
                {
                    layer.Features.Add(new Feature(geometry, f.Attributes));
                }
            }

            if (!layer.IsEmpty)
            {
                vectorTile.Layers.Add(layer);
            }
        }

        if (vectorTile.IsEmpty)
        {
            return null;
        }

        using var stream = new MemoryStream();
        vectorTile.Write(stream, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent, Extent, "id");
        return stream.ToArray();
    }

    /// <summary>The part of <paramref name="geometry"/> inside the box, of the geometry's own dimension; null when none.</summary>
    private static Geometry? Clip(Geometry geometry, Envelope box, Geometry clip)
    {
        var envelope = geometry.EnvelopeInternal;
        if (!box.Intersects(envelope))
        {
            return null;
        }

        if (box.Contains(envelope))
        {
            return geometry;
        }

        if (geometry.Dimension == Dimension.Point)
        {
            var inside = Parts(geometry).Where(p => box.Contains(p.Coordinate)).ToArray();
            return inside.Length == 0 ? null : inside.Length == 1 ? inside[0] : geometry.Factory.CreateMultiPoint([.. inside.Cast<Point>()]);
        }

        Geometry result;
        try
        {
            result = OverlayNGRobust.Overlay(geometry, clip, SpatialFunction.Intersection);
        }
        catch (TopologyException)
        {
            // An invalid polygon in the source data: send it whole (tile coordinates may lie outside the extent)
            // rather than drop it from the map.
            return geometry;
        }

        // Where a line only touches the box edge the intersection also holds points; the layer keeps its dimension.
        var parts = Parts(result).Where(p => p.Dimension == geometry.Dimension && !p.IsEmpty).ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0],
            _ when geometry.Dimension == Dimension.Curve => geometry.Factory.CreateMultiLineString([.. parts.Cast<LineString>()]),
            _ => geometry.Factory.CreateMultiPolygon([.. parts.Cast<Polygon>()]),
        };
    }

    private static IEnumerable<Geometry> Parts(Geometry geometry)
    {
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            var part = geometry.GetGeometryN(i);
            if (part is GeometryCollection nested && part is not MultiPoint and not MultiLineString and not MultiPolygon)
            {
                foreach (var p in Parts(nested))
                {
                    yield return p;
                }
            }
            else
            {
                yield return part;
            }
        }
    }
}
