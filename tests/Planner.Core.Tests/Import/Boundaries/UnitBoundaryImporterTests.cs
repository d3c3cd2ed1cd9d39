using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Boundaries;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Import.Tables;
using Planner.Core.Validation;

namespace Planner.Core.Tests.Import.Boundaries;

public class UnitBoundaryImporterTests
{
    private static readonly UnitBoundaryImporter.Options ByFields = new("code", "name", null, "level", null);

    private static Region Tiny() => RegionFolderReader.Read(FixtureRegion.Original()).Region!;

    private static string UnitsGeoJson() => Path.Combine(FixtureRegion.Original(), RegionFiles.Units);

    /// <summary>ogr2ogr (GDAL) writes the tiny units into <paramref name="format"/> in <paramref name="epsg"/>; the options are its layer creation options.</summary>
    private static string Ogr(string format, string file, int epsg, params string[] options)
    {
        var path = Path.Combine(TestFiles.TempFolder(), file);
        TestFiles.Tool("ogr2ogr", ["-f", format, "-s_srs", "EPSG:4490", "-t_srs", $"EPSG:{epsg}", .. options, path, UnitsGeoJson()]);
        return path;
    }

    [Fact]
    public void Read_ShapefileByOgr2ogrInGaussKrugerZone39WithGbkDbf_SameUnitsEveryVertexWithin5Cm()
    {
        var shp = Ogr("ESRI Shapefile", "乡镇.shp", 4527, "-lco", "ENCODING=GBK");
        Assert.Equal("GBK", File.ReadAllText(Path.ChangeExtension(shp, ".cpg")).Trim());

        var file = BoundaryFileReader.Read(shp, crs: null, encoding: null, layer: null);
        var result = UnitBoundaryImporter.Read(file, Tiny() with { Units = [] }, ByFields);

        Assert.Equal(4527, file.Crs.Epsg);
        Assert.Empty(result.Errors);
        var original = Tiny().Units;
        Assert.Equal(original.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)), result.Units.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)));
        Assert.All(original.Zip(result.Units), p => AssertVerticesWithin(p.First.Boundary, p.Second.Boundary, 0.05));
    }

    [Fact]
    public void Read_GeoPackageByOgr2ogrInCm120WithoutPrefix_SameUnits()
    {
        var gpkg = Ogr("GPKG", "units.gpkg", 4549, "-nln", "村界");

        var file = BoundaryFileReader.Read(gpkg, crs: null, encoding: null, layer: "村界");
        var result = UnitBoundaryImporter.Read(file, Tiny() with { Units = [] }, ByFields);

        Assert.Equal(4549, file.Crs.Epsg);
        Assert.Empty(result.Errors);
        Assert.Equal(Tiny().Units.Select(u => (u.Code, u.Name, u.ParentCode)), result.Units.Select(u => (u.Code, u.Name, u.ParentCode)));
        Assert.All(Tiny().Units.Zip(result.Units), p => AssertVerticesWithin(p.First.Boundary, p.Second.Boundary, 0.05));
    }

    [Fact]
    public void Read_FeatureWithoutName_ErrorNamingTheFeature()
    {
        var file = GeoJson("""{"code":"360681001","level":"township"}""", "[[117.22,28.28],[117.235,28.28],[117.235,28.3],[117.22,28.28]]");

        var result = UnitBoundaryImporter.Read(file, Tiny(), ByFields);

        Assert.Equal(["b.geojson: feature 1 (360681001): name: no field 'name'"], result.Errors.ToArray());
        Assert.Empty(result.Units);
    }

    [Fact]
    public void Read_BowTieRing_RepairedWithANote()
    {
        var file = GeoJson("""{"code":"360681001","name":"东门街道","level":"乡镇"}""", "[[117.22,28.28],[117.235,28.3],[117.235,28.28],[117.22,28.3],[117.22,28.28]]");

        var result = UnitBoundaryImporter.Read(file, Tiny(), ByFields);

        Assert.Empty(result.Errors);
        Assert.True(result.Units[0].Boundary.IsValid);
        Assert.Contains(result.Notes, n => n.StartsWith("b.geojson: feature 1 (360681001): geometry: 东门街道: invalid ring repaired (Self-intersection", StringComparison.Ordinal));
        Assert.Equal(AdminLevel.Township, result.Units[0].Level);
        Assert.Equal("360681", result.Units[0].ParentCode);
    }

    [Fact]
    public void Read_VillageMostlyOutsideItsTownshipAndOverlapping_WarningsNameBothWithArea()
    {
        // Township 001 is the west half (117.22-117.235); the village lies 2/3 in the east half; a second township overlaps the first.
        var file = new BoundaryFile("b.geojson",
        [
            Feature(1, """{"code":"360681001","name":"东门街道","level":"township"}""", Box(117.22, 28.28, 117.235, 28.30)),
            Feature(2, """{"code":"360681002","name":"雄石街道","level":"township"}""", Box(117.234, 28.28, 117.25, 28.30)),
            Feature(3, """{"code":"360681001001","name":"花园社区","level":"village"}""", Box(117.23, 28.28, 117.245, 28.29)),
        ], SourceCrs.Wgs84, []);

        var result = UnitBoundaryImporter.Read(file, Tiny(), ByFields);

        var share = Assert.Single(result.Warnings, w => w.Contains("parent", StringComparison.Ordinal));
        Assert.Equal("b.geojson: 360681001001 花园社区: parent: only 33.3 % of its area lies in its parent 360681001 东门街道 (at least 95 % expected)", share);
        var overlap = Assert.Single(result.Warnings, w => w.Contains("overlaps", StringComparison.Ordinal));
        // 0.001° × 0.02° at 28.29°N: about 98.0 m × 2215 m.
        var expected = Projected(Box(117.234, 28.28, 117.235, 28.30)).Area;
        Assert.StartsWith("b.geojson: 360681001 东门街道: geometry: overlaps 360681002 雄石街道 by ", overlap, StringComparison.Ordinal);
        var m2 = double.Parse(overlap.Split(" by ")[1].Replace(" m²", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, m2, 1.0);
        Assert.InRange(m2, 200_000, 222_000);
    }

    [Theory]
    [InlineData("360681", "360681")]
    [InlineData("360681000000", "360681")]
    [InlineData("360681001000", "360681001")]
    [InlineData("360681001001", "360681001001")]
    public void Significant_TrailingZeroGroups_Removed(string code, string expected) => Assert.Equal(expected, UnitBoundaryImporter.Significant(code));

    private static Geometry Projected(Geometry g) => LocalProjection.ForCenter(new GeoPoint(117.235, 28.29)).Project(g);

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        GeometryFactories.Wgs84.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static BoundaryFeature Feature(int n, string props, Geometry g) =>
        new(n, g, System.Text.Json.JsonDocument.Parse(props).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!).ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));

    private static BoundaryFile GeoJson(string props, string ring)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "b.geojson");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" + props
            + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}");
        return BoundaryFileReader.Read(path, null, null, null);
    }

    private static void AssertVerticesWithin(Geometry expected, Geometry actual, double meters)
    {
        var a = expected.Coordinates;
        var b = actual.Coordinates;
        Assert.Equal(a.Length, b.Length);
        foreach (var c in a)
        {
            double nearest = b.Min(d => RegionCenter.DistanceKm(new GeoPoint(c.X, c.Y), new GeoPoint(d.X, d.Y)) * 1000);
            Assert.True(nearest < meters, $"vertex ({c.X}, {c.Y}) is {nearest:0.000} m from the nearest imported vertex");
        }
    }
}
