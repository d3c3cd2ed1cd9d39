using Planner.Core.Geo;
using Planner.Core.Validation;

namespace Planner.Core.Tests.Geo;

public class SourceCrsTests
{
    // Meridian arc of the GRS80/CGCS2000 ellipsoid from the equator to 30°N: 3 320 113.398 m (the published
    // figure in geodesy tables); on the central meridian of a Gauss-Krüger zone it is the northing, and the easting
    // is the false easting.
    [Fact]
    public void FromEpsg_4527OnCentralMeridianAt30N_IsThePublishedMeridianArc()
    {
        var crs = SourceCrs.FromEpsg(4527)!;

        var (x, y) = crs.FromWgs84(new GeoPoint(117, 30));
        var back = crs.ToWgs84(39_500_000, 3_320_113.398);

        Assert.Equal(39_500_000, x, 0.001);
        Assert.Equal(3_320_113.398, y, 0.002);
        Assert.True(Meters(back, new GeoPoint(117, 30)) < 0.002, $"{back}");
        Assert.Equal("CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527)", crs.Name);
    }

    // Expected eastings/northings are PROJ's (GDAL 3.6 gdaltransform -s_srs EPSG:4490 -t_srs EPSG:n), an
    // implementation independent of ProjNet, for points up to 3° from the central meridian.
    [Theory]
    [InlineData(4527, 117.2, 28.3, 39519617.6443733, 3131704.54232818)]
    [InlineData(4527, 118.4, 28.0, 39637714.3338821, 3099231.73397884)]
    [InlineData(4549, 117.2, 28.3, 225292.668702796, 3134872.19792241)]
    [InlineData(4539, 87.6, 43.8, 306857.240044913, 4854400.99158795)]
    [InlineData(4498, 117.2, 28.3, 20519617.6443733, 3131704.54232818)]
    [InlineData(4499, 119.6, 31.2, 21175876.4194874, 3458134.0365026)]
    [InlineData(4508, 111.5, 28.3, 549044.400890946, 3131789.76477213)]
    [InlineData(32650, 117.2, 28.3, 519609.797315437, 3130451.86060256)]
    public void FromEpsg_GaussKrugerAndUtmZones_MatchProjWithinTwoCentimetresAndRoundTrip(int epsg, double lon, double lat, double east, double north)
    {
        var crs = SourceCrs.FromEpsg(epsg)!;

        var (x, y) = crs.FromWgs84(new GeoPoint(lon, lat));
        var back = crs.ToWgs84(east, north);

        Assert.True(Math.Abs(x - east) < 0.02 && Math.Abs(y - north) < 0.02, $"EPSG:{epsg}: ({x:0.000}, {y:0.000}) vs PROJ ({east:0.000}, {north:0.000})");
        Assert.True(Meters(back, new GeoPoint(lon, lat)) < 0.02, $"EPSG:{epsg}: back at {back}");
        var (rx, ry) = crs.FromWgs84(crs.ToWgs84(east, north));
        Assert.True(Math.Abs(rx - east) < 1e-4 && Math.Abs(ry - north) < 1e-4);
    }

    [Fact]
    public void FromWkt_GdalPrjOfEpsg4527_IsZone39()
    {
        // The .prj GDAL 3.6 ogr2ogr writes for -t_srs EPSG:4527 (ESRI WKT, projection "Gauss_Kruger").
        const string prj = "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

        var crs = SourceCrs.FromWkt(prj, out var error)!;

        Assert.Null(error);
        Assert.Equal(4527, crs.Epsg);
        Assert.True(Meters(crs.ToWgs84(39519617.6443733, 3131704.54232818), new GeoPoint(117.2, 28.3)) < 0.02);
    }

    [Fact]
    public void FromWkt_LambertConformal_RefusedWithTheProjectionNamed()
    {
        Assert.Null(SourceCrs.FromWkt("PROJCS[\"x\",GEOGCS[\"g\"],PROJECTION[\"Lambert_Conformal_Conic\"]]", out var error));
        Assert.Contains("Lambert_Conformal_Conic", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wgs84", 4326)]
    [InlineData("CGCS2000", 4490)]
    [InlineData("EPSG:4554", 4554)]
    [InlineData("epsg:4491", 4491)]
    public void TryParse_KnownNames_GiveTheirEpsg(string text, int epsg)
    {
        Assert.True(SourceCrs.TryParse(text, out var crs, out _));
        Assert.Equal(epsg, crs.Epsg);
    }

    [Theory]
    [InlineData("EPSG:4555")]
    [InlineData("EPSG:3857")]
    [InlineData("utm")]
    public void TryParse_Unknown_FailsSayingWhatIsAccepted(string text)
    {
        Assert.False(SourceCrs.TryParse(text, out _, out var error));
        Assert.Contains("EPSG:4491-4554", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Gcj02_ConvertsLikeThePublishedOffsetInverse()
    {
        Assert.True(SourceCrs.TryParse("gcj02", out var crs, out _));
        var gcj = PublishedGcj02.FromWgs84(new GeoPoint(117.2, 28.3));

        var wgs = crs.ToWgs84(gcj.Lon, gcj.Lat);

        Assert.True(Meters(wgs, new GeoPoint(117.2, 28.3)) < 0.01, $"{wgs}");
    }

    private static double Meters(GeoPoint a, GeoPoint b) => RegionCenter.DistanceKm(a, b) * 1000;
}
