namespace Planner.Core.Geo;

/// <summary>
/// Conversions between WGS84 and the Chinese GCJ-02 ("Mars coordinates", Amap and Tencent) and BD-09 (Baidu)
/// systems. GCJ-02 is WGS84 shifted by the published Krasovsky-ellipsoid offset polynomial; outside mainland
/// China the offset is not applied, as by the map providers. The inverse has no closed form and is solved by
/// fixed-point iteration to well under a millimetre.
/// </summary>
public static class ChinaCoordinates
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const double BdFactor = Math.PI * 3000.0 / 180.0;

    /// <summary>True when the point is inside the rough mainland-China box where GCJ-02 applies an offset.</summary>
    public static bool IsInChina(GeoPoint p) => p.Lon is >= 72.004 and <= 137.8347 && p.Lat is >= 0.8293 and <= 55.8271;

    /// <summary>WGS84 to GCJ-02.</summary>
    public static GeoPoint Wgs84ToGcj02(GeoPoint wgs)
    {
        if (!IsInChina(wgs))
        {
            return wgs;
        }

        var (dLon, dLat) = Offset(wgs.Lon, wgs.Lat);
        return new GeoPoint(wgs.Lon + dLon, wgs.Lat + dLat);
    }

    /// <summary>GCJ-02 to WGS84, the exact inverse of <see cref="Wgs84ToGcj02"/> by iteration (error below 1e-9 degrees).</summary>
    public static GeoPoint Gcj02ToWgs84(GeoPoint gcj)
    {
        if (!IsInChina(gcj))
        {
            return gcj;
        }

        var guess = gcj;
        for (int i = 0; i < 30; i++)
        {
            var forward = Wgs84ToGcj02(guess);
            double errLon = forward.Lon - gcj.Lon, errLat = forward.Lat - gcj.Lat;
            guess = new GeoPoint(guess.Lon - errLon, guess.Lat - errLat);
            if (Math.Abs(errLon) < 1e-10 && Math.Abs(errLat) < 1e-10)
            {
                break;
            }
        }

        return guess;
    }

    /// <summary>GCJ-02 to BD-09 (Baidu's published formula).</summary>
    public static GeoPoint Gcj02ToBd09(GeoPoint gcj)
    {
        double x = gcj.Lon, y = gcj.Lat;
        double z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * BdFactor);
        double theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * BdFactor);
        return new GeoPoint(z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    /// <summary>BD-09 to GCJ-02 (Baidu's published inverse, refined by iteration).</summary>
    public static GeoPoint Bd09ToGcj02(GeoPoint bd)
    {
        double x = bd.Lon - 0.0065, y = bd.Lat - 0.006;
        double z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BdFactor);
        double theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BdFactor);
        var guess = new GeoPoint(z * Math.Cos(theta), z * Math.Sin(theta));
        for (int i = 0; i < 10; i++)
        {
            var forward = Gcj02ToBd09(guess);
            double errLon = forward.Lon - bd.Lon, errLat = forward.Lat - bd.Lat;
            if (Math.Abs(errLon) < 1e-11 && Math.Abs(errLat) < 1e-11)
            {
                break;
            }

            guess = new GeoPoint(guess.Lon - errLon, guess.Lat - errLat);
        }

        return guess;
    }

    /// <summary>BD-09 to WGS84.</summary>
    public static GeoPoint Bd09ToWgs84(GeoPoint bd) => Gcj02ToWgs84(Bd09ToGcj02(bd));

    /// <summary>WGS84 to BD-09.</summary>
    public static GeoPoint Wgs84ToBd09(GeoPoint wgs) => Gcj02ToBd09(Wgs84ToGcj02(wgs));

    /// <summary>Converts a point written in <paramref name="crs"/> to WGS84.</summary>
    public static GeoPoint ToWgs84(GeoPoint p, InputCrs crs) => crs switch
    {
        InputCrs.Gcj02 => Gcj02ToWgs84(p),
        InputCrs.Bd09 => Bd09ToWgs84(p),
        _ => p,
    };

    private static (double DLon, double DLat) Offset(double lon, double lat)
    {
        double x = lon - 105.0, y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.Sin(radLat);
        magic = 1 - EccentricitySquared * magic * magic;
        double sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }
}
