using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Planner.Core.Validation;

/// <summary>Checks one WGS84 geometry of a region file: its type, emptiness, coordinate range and validity.</summary>
internal static class GeometryChecks
{
    /// <summary>The reason the geometry is unusable, or null when it is fine.</summary>
    /// <param name="geometry">The geometry, WGS84.</param>
    /// <param name="allowedTypes">OGC type names accepted (Point, LineString, Polygon, MultiPolygon, ...).</param>
    public static string? Problem(Geometry geometry, params string[] allowedTypes)
    {
        if (!allowedTypes.Contains(geometry.GeometryType))
        {
            return $"geometry is a {geometry.GeometryType}, expected {string.Join(" or ", allowedTypes)}";
        }

        if (geometry.IsEmpty)
        {
            return "geometry is empty";
        }

        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                var swapped = c.Y is >= -180 and <= 180 && c.X is >= -90 and <= 90 && Math.Abs(c.Y) > 90;
                return swapped
                    ? FormattableString.Invariant($"coordinate ({c.X}, {c.Y}) is out of range: latitude {c.Y} > 90, lon/lat look swapped (GeoJSON is [lon, lat])")
                    : FormattableString.Invariant($"coordinate ({c.X}, {c.Y}) is out of the WGS84 range (lon -180..180, lat -90..90)");
            }
        }

        if (geometry is Polygon or MultiPolygon or LineString)
        {
            var op = new IsValidOp(geometry);
            if (!op.IsValid)
            {
                var e = op.ValidationError;
                return FormattableString.Invariant($"geometry is invalid: {e.Message} at ({e.Coordinate.X}, {e.Coordinate.Y})");
            }
        }

        return null;
    }
}
