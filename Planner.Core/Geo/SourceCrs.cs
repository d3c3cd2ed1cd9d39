using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Planner.Core.Geo;

/// <summary>
/// The coordinate system one input file is written in, and its conversion to the WGS84/CGCS2000 longitude-latitude
/// that regions store. Geographic systems: <c>wgs84</c> (EPSG:4326), <c>cgcs2000</c> (EPSG:4490; the two differ by
/// centimetres and are stored alike), <c>gcj02</c> (Amap/Tencent) and <c>bd09</c> (Baidu). Projected systems: the
/// CGCS2000 Gauss-Krüger zones EPSG:4491-4554 (6-degree and 3-degree, with and without the zone number in front
/// of the easting), whose transverse Mercator parameters are derived from the EPSG code, and WGS84 UTM
/// (EPSG:326zz/327zz); projected coordinates go back to longitude-latitude through ProjNet's inverse transverse
/// Mercator on the system's own ellipsoid (CGCS2000: a = 6378137 m, 1/f = 298.257222101).
/// </summary>
public sealed partial class SourceCrs
{
    private const double Cgcs2000SemiMajor = 6378137.0;
    private const double Cgcs2000InverseFlattening = 298.257222101;

    private readonly InputCrs _china;
    private readonly MathTransform? _toGeographic;
    private readonly MathTransform? _fromGeographic;

    private SourceCrs(string name, int? epsg, InputCrs china, ICoordinateTransformation? toGeographic)
    {
        Name = name;
        Epsg = epsg;
        _china = china;
        _toGeographic = toGeographic?.MathTransform;
        _fromGeographic = toGeographic?.MathTransform.Inverse();
    }

    /// <summary>WGS84 / CGCS2000 longitude-latitude: the stored system, converted as it is.</summary>
    public static SourceCrs Wgs84 { get; } = new("WGS 84 (EPSG:4326)", 4326, InputCrs.Wgs84, null);

    /// <summary>Readable name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527)".</summary>
    public string Name { get; }

    /// <summary>EPSG code when the system has one (GCJ-02 and BD-09 do not).</summary>
    public int? Epsg { get; }

    /// <summary>True for projected (metre) systems.</summary>
    public bool IsProjected => _toGeographic is not null;

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Parses <c>wgs84</c>, <c>cgcs2000</c>, <c>gcj02</c>, <c>bd09</c> or <c>EPSG:n</c> (case-insensitive); on failure
    /// <paramref name="error"/> says what is accepted.
    /// </summary>
    public static bool TryParse(string? text, out SourceCrs crs, out string? error)
    {
        crs = Wgs84;
        error = null;
        var t = text?.Trim().ToLowerInvariant() ?? string.Empty;
        switch (t)
        {
            case "wgs84" or "wgs-84" or "cgcs2000" or "epsg:4326" or "epsg:4490" or "crs84": crs = t is "cgcs2000" or "epsg:4490" ? Cgcs2000Geographic : Wgs84; return true;
            case "gcj02" or "gcj-02": crs = new SourceCrs("GCJ-02 (Amap/Tencent)", null, InputCrs.Gcj02, null); return true;
            case "bd09" or "bd-09": crs = new SourceCrs("BD-09 (Baidu)", null, InputCrs.Bd09, null); return true;
        }

        if (t.StartsWith("epsg:", StringComparison.Ordinal) && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            var found = FromEpsg(code);
            if (found is not null)
            {
                crs = found;
                return true;
            }
        }

        error = $"unknown CRS '{text}': use wgs84, cgcs2000, gcj02, bd09, EPSG:4326, EPSG:4490, a CGCS2000 Gauss-Kruger zone EPSG:4491-4554 or a WGS 84 UTM zone EPSG:326zz/327zz";
        return false;
    }

    /// <summary>The system of an EPSG code this class knows (see the class summary), else null.</summary>
    public static SourceCrs? FromEpsg(int code)
    {
        if (code is 4326)
        {
            return Wgs84;
        }

        if (code is 4490)
        {
            return Cgcs2000Geographic;
        }

        if (GaussKrugerZone.FromEpsg(code) is { } gk)
        {
            return TransverseMercator(gk.Name, code, Cgcs2000SemiMajor, Cgcs2000InverseFlattening, gk.CentralMeridian, gk.FalseEastingMeters, 0, 1, 0);
        }

        if (code is > 32600 and <= 32660 or > 32700 and <= 32760)
        {
            int zone = code % 100;
            bool north = code < 32700;
            return TransverseMercator($"WGS 84 / UTM zone {zone}{(north ? "N" : "S")}", code, 6378137.0, 298.257223563, zone * 6 - 183, 500000, north ? 0 : 10000000, 0.9996, 0);
        }

        return null;
    }

    /// <summary>
    /// The system an ESRI or OGC WKT (a Shapefile's <c>.prj</c>) describes: geographic WGS84/CGCS2000, or a transverse
    /// Mercator / Gauss-Krüger projection whose parameters and ellipsoid are read from the text (so zones written by
    /// any tool are understood); null with <paramref name="error"/> when the text is neither.
    /// </summary>
    public static SourceCrs? FromWkt(string wkt, out string? error)
    {
        error = null;
        var text = wkt.Trim();
        if (!text.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase))
        {
            if (text.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase))
            {
                return text.Contains("2000", StringComparison.Ordinal) ? Cgcs2000Geographic : Wgs84;
            }

            error = "the .prj is neither a GEOGCS nor a PROJCS";
            return null;
        }

        var projection = ProjectionPattern().Match(text).Groups[1].Value;
        if (!projection.Contains("Mercator", StringComparison.OrdinalIgnoreCase) && !projection.Contains("Gauss", StringComparison.OrdinalIgnoreCase))
        {
            error = $"projection '{projection}' is not supported: give --crs, or reproject to a Gauss-Kruger zone or to WGS84";
            return null;
        }

        var parameters = ParameterPattern().Matches(text).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        double P(string name, double fallback) => parameters.TryGetValue(name, out var v) ? v : fallback;
        var spheroid = SpheroidPattern().Match(text);
        double a = spheroid.Success ? double.Parse(spheroid.Groups[1].Value, CultureInfo.InvariantCulture) : Cgcs2000SemiMajor;
        double rf = spheroid.Success ? double.Parse(spheroid.Groups[2].Value, CultureInfo.InvariantCulture) : Cgcs2000InverseFlattening;
        double cm = P("central_meridian", double.NaN), fe = P("false_easting", 0), fn = P("false_northing", 0), k = P("scale_factor", 1), lat0 = P("latitude_of_origin", 0);
        if (double.IsNaN(cm))
        {
            error = "the .prj has no Central_Meridian";
            return null;
        }

        // Name it by its EPSG code when it is one of the CGCS2000 zones, so reports say which zone was read.
        var gk = Math.Abs(a - Cgcs2000SemiMajor) < 1e-3 && Math.Abs(k - 1) < 1e-12 && fn == 0 && lat0 == 0 ? GaussKrugerZone.Find(cm, fe) : null;
        var name = gk?.Name ?? NamePattern().Match(text).Groups[1].Value;
        return TransverseMercator(name, gk?.Epsg, a, rf, cm, fe, fn, k, lat0);
    }

    /// <summary>Converts one coordinate pair (x, y in the system's axis order: easting, northing or lon, lat) to WGS84.</summary>
    public GeoPoint ToWgs84(double x, double y)
    {
        if (_toGeographic is not null)
        {
            var (lon, lat) = _toGeographic.Transform(x, y);
            return new GeoPoint(lon, lat);
        }

        return ChinaCoordinates.ToWgs84(new GeoPoint(x, y), _china);
    }

    /// <summary>The inverse of <see cref="ToWgs84(double, double)"/>: WGS84 to this system's (x, y), for writing and checks.</summary>
    public (double X, double Y) FromWgs84(GeoPoint p)
    {
        if (_fromGeographic is not null)
        {
            return _fromGeographic.Transform(p.Lon, p.Lat);
        }

        var q = _china switch
        {
            InputCrs.Gcj02 => ChinaCoordinates.Wgs84ToGcj02(p),
            InputCrs.Bd09 => ChinaCoordinates.Wgs84ToBd09(p),
            _ => p,
        };
        return (q.Lon, q.Lat);
    }

    /// <summary>A WGS84 copy of <paramref name="geometry"/> (the input is not changed).</summary>
    public Geometry ToWgs84(Geometry geometry)
    {
        if (ReferenceEquals(this, Wgs84) || ReferenceEquals(this, Cgcs2000Geographic))
        {
            return geometry.Copy();
        }

        var copy = geometry.Copy();
        copy.Apply(new ToWgs84Filter(this));
        copy.GeometryChanged();
        return copy;
    }

    private static SourceCrs Cgcs2000Geographic { get; } = new("CGCS2000 (EPSG:4490)", 4490, InputCrs.Wgs84, null);

    private static SourceCrs TransverseMercator(string name, int? epsg, double a, double rf, double cm, double fe, double fn, double k, double lat0)
    {
        var factory = new CoordinateSystemFactory();
        var ellipsoid = factory.CreateFlattenedSphere("ellipsoid", a, rf, LinearUnit.Metre);
        var datum = factory.CreateHorizontalDatum("datum", DatumType.HD_Geocentric, ellipsoid, null);
        var geographic = factory.CreateGeographicCoordinateSystem("geographic", AngularUnit.Degrees, datum, PrimeMeridian.Greenwich,
            new AxisInfo("Lon", AxisOrientationEnum.East), new AxisInfo("Lat", AxisOrientationEnum.North));
        var projection = factory.CreateProjection("Transverse_Mercator", "Transverse_Mercator",
        [
            new ProjectionParameter("latitude_of_origin", lat0), new ProjectionParameter("central_meridian", cm),
            new ProjectionParameter("scale_factor", k), new ProjectionParameter("false_easting", fe), new ProjectionParameter("false_northing", fn),
        ]);
        var projected = factory.CreateProjectedCoordinateSystem(name, geographic, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));

        // Into the projection's own geographic system: CGCS2000 and WGS84 longitude-latitude are stored alike.
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(projected, geographic);
        return new SourceCrs(epsg is null ? name : $"{name} (EPSG:{epsg})", epsg, InputCrs.Wgs84, transform);
    }

    [GeneratedRegex("PROJECTION\\[\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectionPattern();

    [GeneratedRegex("PARAMETER\\[\"([^\"]+)\",\\s*([-+0-9.eE]+)\\s*\\]", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("SPHEROID\\[\"[^\"]*\",\\s*([0-9.eE+]+),\\s*([0-9.eE+]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SpheroidPattern();

    [GeneratedRegex("PROJCS\\[\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    private sealed class ToWgs84Filter(SourceCrs crs) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var p = crs.ToWgs84(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, p.Lon);
            seq.SetY(i, p.Lat);
        }
    }
}
