using Planner.Core.Geo;

namespace Planner.Core.Tests.Geo;

public class LocalProjectionTests
{
    [Fact]
    public void Project_GeographicLibExample_MatchesPublishedUtm()
    {
        // GeographicLib's GeoConvert documentation: 33.3N 44.4E is 38n 444140.54 3684706.36.
        var projection = LocalProjection.ForCenter(new GeoPoint(44.4, 33.3));
        Assert.Equal(38, projection.Zone);
        var p = projection.Project(new GeoPoint(44.4, 33.3));
        Assert.Equal(444140.54, p.X, 0.5);
        Assert.Equal(3684706.36, p.Y, 0.5);
    }

    [Fact]
    public void Project_OnCentralMeridian_NorthingIsScaledMeridianArc()
    {
        // Independent method: on the central meridian UTM northing = k0 * meridian arc length, which we integrate numerically.
        var projection = LocalProjection.ForCenter(new GeoPoint(117.2, 28.3));
        Assert.Equal(50, projection.Zone);
        Assert.Equal(32650, projection.Epsg);
        var p = projection.Project(new GeoPoint(117.0, 28.29));
        Assert.Equal(500000.0, p.X, 0.01);
        Assert.Equal(0.9996 * MeridianArcMeters(28.29), p.Y, 0.01);
    }

    [Fact]
    public void Unproject_RoundTrip_BelowOneMillimeter()
    {
        var projection = LocalProjection.ForCenter(new GeoPoint(-51.2, -30.05));
        Assert.False(projection.IsNorth);
        Assert.Equal(22, projection.Zone);
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            var g = new GeoPoint(-51.5 + random.NextDouble(), -30.5 + random.NextDouble());
            var back = projection.Unproject(projection.Project(g));
            Assert.True(Planner.Core.Validation.RegionCenter.DistanceKm(g, back) < 1e-6, $"{g} came back as {back}");
        }
    }

    [Fact]
    public void ForCenter_OutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalProjection.ForCenter(new GeoPoint(28.3, 117.2)));

    private static double MeridianArcMeters(double latDeg)
    {
        const double a = 6378137.0, f = 1 / 298.257223563;
        double e2 = f * (2 - f), phi = latDeg * Math.PI / 180;
        int n = 20000;
        double h = phi / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double s = Math.Sin(i * h);
            double v = a * (1 - e2) / Math.Pow(1 - e2 * s * s, 1.5);
            sum += v * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
