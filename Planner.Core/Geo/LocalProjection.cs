using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Planner.Core.Geo;

/// <summary>
/// The local metric projection a region is computed in: the WGS84 UTM zone of the region's centre
/// (ProjNet). Lengths and areas in metres are measured here, never in degrees.
/// </summary>
public sealed class LocalProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    private LocalProjection(int zone, bool north)
    {
        Zone = zone;
        IsNorth = north;
        var utm = ProjectedCoordinateSystem.WGS84_UTM(zone, north);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, utm);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
        Name = $"WGS 84 / UTM zone {zone}{(north ? "N" : "S")}";
        Epsg = (north ? 32600 : 32700) + zone;
    }

    /// <summary>UTM zone number, 1..60.</summary>
    public int Zone { get; }

    /// <summary>True for the northern hemisphere.</summary>
    public bool IsNorth { get; }

    /// <summary>Human-readable name, e.g. "WGS 84 / UTM zone 50N".</summary>
    public string Name { get; }

    /// <summary>EPSG code of the projection (326zz north, 327zz south).</summary>
    public int Epsg { get; }

    /// <summary>The UTM projection whose zone contains <paramref name="center"/>.</summary>
    public static LocalProjection ForCenter(GeoPoint center)
    {
        if (!center.IsInRange)
        {
            throw new ArgumentOutOfRangeException(nameof(center), center, "Centre must be a valid WGS84 longitude/latitude.");
        }

        int zone = Math.Clamp((int)Math.Floor((center.Lon + 180.0) / 6.0) + 1, 1, 60);
        return new LocalProjection(zone, center.Lat >= 0);
    }

    /// <summary>The UTM projection for the centre of <paramref name="bounds"/>.</summary>
    public static LocalProjection ForBounds(GeoBounds bounds) =>
        ForCenter(bounds.IsEmpty ? new GeoPoint(0, 0) : bounds.Center);

    /// <summary>Projects a WGS84 point to metres.</summary>
    public ProjectedPoint Project(GeoPoint p)
    {
        var (x, y) = _forward.Transform(p.Lon, p.Lat);
        return new ProjectedPoint(x, y);
    }

    /// <summary>Back from metres to WGS84 degrees.</summary>
    public GeoPoint Unproject(ProjectedPoint p)
    {
        var (lon, lat) = _inverse.Transform(p.X, p.Y);
        return new GeoPoint(lon, lat);
    }

    /// <summary>A projected copy of a WGS84 geometry (the input is not changed).</summary>
    public Geometry Project(Geometry wgs84) => Transform(wgs84, _forward);

    /// <summary>A WGS84 copy of a projected geometry (the input is not changed).</summary>
    public Geometry Unproject(Geometry projected) => Transform(projected, _inverse);

    private static Geometry Transform(Geometry geometry, MathTransform transform)
    {
        var copy = geometry.Copy();
        copy.Apply(new TransformFilter(transform));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
