using Planner.Core.Geo;

namespace Planner.Core.Tests.Geo;

/// <summary>
/// WGS84 → GCJ-02 by the formula as it circulates publicly (the "eviltransform" / coordtransform code: Krasovsky
/// ellipsoid a = 6378245 m, e² = 0.00669342162296594323, the two offset polynomials about 105°E 35°N), written out
/// here independently of the product's converter so tests do not check the converter against itself.
/// </summary>
internal static class PublishedGcj02
{
    public static GeoPoint FromWgs84(GeoPoint wgs)
    {
        const double a = 6378245.0;
        const double ee = 0.00669342162296594323;
        double lng = wgs.Lon, lat = wgs.Lat;
        double dlat = TransformLat(lng - 105.0, lat - 35.0);
        double dlng = TransformLng(lng - 105.0, lat - 35.0);
        double radlat = lat / 180.0 * Math.PI;
        double magic = 1 - ee * Math.Sin(radlat) * Math.Sin(radlat);
        double sqrtmagic = Math.Sqrt(magic);
        dlat = dlat * 180.0 / (a * (1 - ee) / (magic * sqrtmagic) * Math.PI);
        dlng = dlng * 180.0 / (a / sqrtmagic * Math.Cos(radlat) * Math.PI);
        return new GeoPoint(lng + dlng, lat + dlat);
    }

    /// <summary>WGS84 → BD-09: GCJ-02 as above, then Baidu's published GCJ-02 → BD-09 formula.</summary>
    public static GeoPoint Bd09FromWgs84(GeoPoint wgs)
    {
        var g = FromWgs84(wgs);
        const double xPi = Math.PI * 3000.0 / 180.0;
        double z = Math.Sqrt(g.Lon * g.Lon + g.Lat * g.Lat) + 0.00002 * Math.Sin(g.Lat * xPi);
        double theta = Math.Atan2(g.Lat, g.Lon) + 0.000003 * Math.Cos(g.Lon * xPi);
        return new GeoPoint(z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    private static double TransformLat(double x, double y)
    {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLng(double x, double y)
    {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
