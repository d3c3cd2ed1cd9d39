using Planner.Core.Geo;
using Planner.Core.Validation;

namespace Planner.Core.Tests.Geo;

/// <summary>
/// GCJ-02 / BD-09 conversions against published pairs: wandergis/coordtransform's README results and
/// googollee/eviltransform's test table (the latter uses a 6378137 m axis instead of 6378245 m; the two
/// differ by centimetres, far inside the 1 m the issue asks for).
/// </summary>
public class ChinaCoordinatesTests
{
    private const double OneMeterKm = 0.001;

    public static TheoryData<double, double, double, double> WgsToGcjPairs => new()
    {
        { 116.404, 39.915, 116.41024449916938, 39.91640428150164 },          // coordtransform, Beijing
        { 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },    // eviltransform, Shanghai
        { 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },    // eviltransform, Shenzhen
        { 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },    // eviltransform, Beijing
    };

    [Theory]
    [MemberData(nameof(WgsToGcjPairs))]
    public void Wgs84ToGcj02_PublishedPair_WithinOneMeter(double wgsLon, double wgsLat, double gcjLon, double gcjLat)
    {
        var gcj = ChinaCoordinates.Wgs84ToGcj02(new GeoPoint(wgsLon, wgsLat));
        Assert.True(RegionCenter.DistanceKm(gcj, new GeoPoint(gcjLon, gcjLat)) < OneMeterKm, $"got {gcj}");
    }

    [Theory]
    [MemberData(nameof(WgsToGcjPairs))]
    public void Gcj02ToWgs84_PublishedPair_InverseWithinOneMeter(double wgsLon, double wgsLat, double gcjLon, double gcjLat)
    {
        var wgs = ChinaCoordinates.Gcj02ToWgs84(new GeoPoint(gcjLon, gcjLat));
        Assert.True(RegionCenter.DistanceKm(wgs, new GeoPoint(wgsLon, wgsLat)) < OneMeterKm, $"got {wgs}");
    }

    [Fact]
    public void Gcj02ToWgs84_RoundTripAcrossChina_BelowOneMillimeter()
    {
        var random = new Random(20261125);
        for (int i = 0; i < 2000; i++)
        {
            var wgs = new GeoPoint(74 + random.NextDouble() * 60, 18 + random.NextDouble() * 35);
            var back = ChinaCoordinates.Gcj02ToWgs84(ChinaCoordinates.Wgs84ToGcj02(wgs));
            Assert.True(RegionCenter.DistanceKm(wgs, back) < 1e-6, $"{wgs} came back as {back}");
        }
    }

    [Fact]
    public void Wgs84ToGcj02_Guixi_ShiftsAboutHalfAKilometer()
    {
        // The GCJ-02 offset is of the order of hundreds of metres in mainland China: a conversion that does nothing would pass a round trip.
        var wgs = new GeoPoint(117.2376554, 28.2935596);
        var km = RegionCenter.DistanceKm(wgs, ChinaCoordinates.Wgs84ToGcj02(wgs));
        Assert.InRange(km, 0.2, 0.8);
    }

    [Fact]
    public void Wgs84ToGcj02_OutsideChina_Unchanged()
    {
        var porto = new GeoPoint(-51.2, -30.05);
        Assert.Equal(porto, ChinaCoordinates.Wgs84ToGcj02(porto));
        Assert.Equal(porto, ChinaCoordinates.Gcj02ToWgs84(porto));
    }

    [Fact]
    public void Gcj02ToBd09_PublishedPair_WithinOneMeter()
    {
        var bd = ChinaCoordinates.Gcj02ToBd09(new GeoPoint(116.404, 39.915));
        Assert.True(RegionCenter.DistanceKm(bd, new GeoPoint(116.41036949371029, 39.92133699351021)) < OneMeterKm, $"got {bd}");
    }

    [Fact]
    public void Bd09ToGcj02_PublishedPair_WithinOneMeter()
    {
        var gcj = ChinaCoordinates.Bd09ToGcj02(new GeoPoint(116.404, 39.915));
        Assert.True(RegionCenter.DistanceKm(gcj, new GeoPoint(116.39762729119315, 39.90865673957631)) < OneMeterKm, $"got {gcj}");
    }

    [Fact]
    public void Bd09ToWgs84_RoundTripAcrossChina_BelowOneMillimeter()
    {
        var random = new Random(90);
        for (int i = 0; i < 2000; i++)
        {
            var wgs = new GeoPoint(74 + random.NextDouble() * 60, 18 + random.NextDouble() * 35);
            var back = ChinaCoordinates.Bd09ToWgs84(ChinaCoordinates.Wgs84ToBd09(wgs));
            Assert.True(RegionCenter.DistanceKm(wgs, back) < 1e-6, $"{wgs} came back as {back}");
        }
    }
}
