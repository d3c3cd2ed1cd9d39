using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;
using Planner.Api.Problems;

namespace Planner.Api.Tiles;

/// <summary>
/// A tile of the Web Mercator grid (EPSG:3857, the XYZ scheme of OpenStreetMap and Mapbox: zoom 0 is one tile,
/// x grows eastwards from 180° W, y grows southwards from 85.0511° N).
/// </summary>
/// <param name="Z">Zoom level, 0 to <see cref="MaxZoom"/>.</param>
/// <param name="X">Column, 0 to 2^Z − 1.</param>
/// <param name="Y">Row, 0 to 2^Z − 1.</param>
internal readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>The deepest zoom served: at 22 a tile is about 10 m wide and one of its 4096 units 2 mm.</summary>
    public const int MaxZoom = 22;

    /// <summary>Half the equator in Web Mercator metres (π × 6 378 137).</summary>
    public const double OriginShiftMeters = Math.PI * EarthRadiusMeters;

    private const double EarthRadiusMeters = 6_378_137;

    /// <summary>The tile's width and height in Web Mercator metres.</summary>
    public double SizeMeters => 2 * OriginShiftMeters / (1L << Z);

    /// <summary>The id the NetTopologySuite tile tree uses for this tile.</summary>
    public ulong Id => NetTopologySuite.IO.VectorTiles.Tiles.Tile.CalculateTileId(Z, X, Y);

    /// <summary>
    /// The tile's box in WGS84 longitude and latitude, grown on every side by <paramref name="bufferFraction"/>
    /// of its width in Web Mercator (so the buffer is the same number of tile units on all four sides), with
    /// latitude held inside the Mercator limit.
    /// </summary>
    public Envelope Bounds(double bufferFraction)
    {
        double size = SizeMeters, grow = size * bufferFraction;
        double minX = (-OriginShiftMeters) + (X * size) - grow, maxX = (-OriginShiftMeters) + ((X + 1) * size) + grow;
        double maxY = OriginShiftMeters - (Y * size) + grow, minY = OriginShiftMeters - ((Y + 1) * size) - grow;
        return new Envelope(Longitude(minX), Longitude(maxX), Latitude(Math.Max(minY, -OriginShiftMeters)), Latitude(Math.Min(maxY, OriginShiftMeters)));
    }

    /// <summary>Reads the three path segments, or returns the problem that names the bad one.</summary>
    public static (TileAddress? Address, ProblemHttpResult? Problem) Parse(string z, string x, string y)
    {
        if (!int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out int zoom) || zoom > MaxZoom)
        {
            return (null, ApiProblems.Field("z", $"'{z}' is not a zoom level from 0 to {MaxZoom}."));
        }

        long count = 1L << zoom;
        if (!int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out int column) || column >= count)
        {
            return (null, ApiProblems.Field("x", $"'{x}' is not a tile column from 0 to {count - 1} at zoom {zoom}."));
        }

        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int row) || row >= count)
        {
            return (null, ApiProblems.Field("y", $"'{y}' is not a tile row from 0 to {count - 1} at zoom {zoom}."));
        }

        return (new TileAddress(zoom, column, row), null);
    }

    private static double Longitude(double meters) => Math.Clamp(meters / OriginShiftMeters * 180, -180, 180);

    private static double Latitude(double meters) => Math.Atan(Math.Sinh(meters / EarthRadiusMeters)) * 180 / Math.PI;
}
