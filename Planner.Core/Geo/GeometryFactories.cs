using NetTopologySuite.Geometries;

namespace Planner.Core.Geo;

/// <summary>
/// The geometry factories of the product, one per SRID, made in one place so that every geometry of a kind
/// carries the same SRID and precision model (floating). Factories are immutable and thread-safe.
/// </summary>
public static class GeometryFactories
{
    /// <summary>SRID of WGS84 longitude/latitude (EPSG:4326), the storage and exchange CRS.</summary>
    public const int Wgs84Srid = 4326;

    /// <summary>Geometries in WGS84 longitude/latitude degrees (GeoJSON order).</summary>
    public static GeometryFactory Wgs84 { get; } = new(new PrecisionModel(), Wgs84Srid);

    /// <summary>
    /// Geometries in a region's local metric projection (metres). SRID 0: the local transverse Mercator of a
    /// region has no EPSG code of its own.
    /// </summary>
    public static GeometryFactory Projected { get; } = new(new PrecisionModel(), 0);

    /// <summary>The factory for <paramref name="srid"/> (4326 and 0 are shared; others are made on request).</summary>
    public static GeometryFactory For(int srid) => srid switch
    {
        Wgs84Srid => Wgs84,
        0 => Projected,
        _ => new GeometryFactory(new PrecisionModel(), srid),
    };
}
