using System.Globalization;
using NetTopologySuite.IO;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Core.Tests.Import;

/// <summary>
/// <see cref="ImportClip"/> against GDAL: the Guixi sample's roads, units and demand points cut to a polygon that
/// crosses several townships, by the product and by <c>ogr2ogr -clipsrc</c> (GEOS) on the same files; counts,
/// ids and lengths or areas must agree.
/// </summary>
public class ImportClipTests
{
    // A box over the middle of the sample: it cuts roads, townships and villages, and leaves some of each outside.
    private const string ClipWkt = "POLYGON ((117.2 28.27, 117.24 28.27, 117.24 28.305, 117.2 28.305, 117.2 28.27))";

    private static string Guixi => Path.Combine(ImportFixtures.RepoRoot(), "data", "guixi");

    private static Region Region() => RegionFolderReader.Read(Guixi).Region!;

    private static ImportClip Clip() => new(new WKTReader().Read(ClipWkt), "test box");

    /// <summary>ogr2ogr -clipsrc on <paramref name="source"/>, exploded into single parts, as GeoJSON features.</summary>
    private static List<GeoJsonFeature> Ogr2ogrClip(string source, params string[] options)
    {
        var folder = TestFiles.TempFolder();
        var output = Path.Combine(folder, "out.geojson");
        TestFiles.Tool("ogr2ogr", ["-f", "GeoJSON", "-clipsrc", ClipWkt, "-explodecollections", .. options, output, source]);
        return GeoJsonFeatureReader.Read(output);
    }

    private static string Property(GeoJsonFeature f, string name) => f.GetString(name) ?? throw new InvalidDataException($"GDAL output without {name}");

    [Fact]
    public void Roads_GuixiCutToBox_SamePiecesAndLengthsAsOgr2ogrClipsrc()
    {
        var roads = Region().Roads;
        var ours = Clip().Roads(roads);
        var gdal = Ogr2ogrClip(Path.Combine(Guixi, RegionFiles.Roads));

        Assert.True(ours.Length < roads.Length, "the box leaves roads outside");
        var source = roads.ToDictionary(r => r.Id);
        var gdalById = gdal.GroupBy(f => Property(f, "id")).ToDictionary(g => g.Key, g => g.Select(f => f.Geometry!).ToList());
        var ourById = ours.GroupBy(r => r.Id.Split('#')[0]).ToDictionary(g => g.Key, g => g.Select(r => r.Line).ToList());
        Assert.Equal(gdalById.Keys.Order(StringComparer.Ordinal), ourById.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, parts) in gdalById)
        {
            double length = parts.Sum(g => g.Length), ourLength = ourById[id].Sum(l => l.Length);
            Assert.True(Math.Abs(length - ourLength) < 1e-9, $"road {id}: GDAL {length}, ours {ourLength}");

            // ogr2ogr explodes collections before it clips (a road cut twice comes out as one MultiLineString), and GEOS
            // also splits a road where it touches itself (a loop at its end), which a road kept whole inside the box is not.
            Assert.True(parts.Sum(g => g.NumGeometries) == ourById[id].Count || !source[id].Line.IsSimple, $"road {id}: GDAL {parts.Sum(g => g.NumGeometries)} pieces, ours {ourById[id].Count}");
        }
    }

    [Fact]
    public void Roads_CutPieces_KeepTheRoadsDirection()
    {
        var roads = Region().Roads.ToDictionary(r => r.Id);
        var cut = Clip().Roads(roads.Values).Where(r => !roads.TryGetValue(r.Id, out var whole) || !whole.Line.EqualsExact(r.Line)).ToList();
        Assert.NotEmpty(cut);
        foreach (var piece in cut)
        {
            var original = roads[piece.Id.Split('#')[0]].Line;
            var along = new NetTopologySuite.LinearReferencing.LengthIndexedLine(original);
            Assert.True(along.Project(piece.Line.StartPoint.Coordinate) <= along.Project(piece.Line.EndPoint.Coordinate) + 1e-12, $"piece {piece.Id} runs against its road");
        }
    }

    [Fact]
    public void Units_GuixiCutToBox_SameUnitsAndAreasAsOgr2ogrClipsrc()
    {
        var units = Region().Units.Where(u => u.Level != AdminLevel.County).ToList();
        var ours = Clip().Units(units);
        var gdal = Ogr2ogrClip(Path.Combine(Guixi, RegionFiles.Units), "-where", "level <> 'county'");

        Assert.True(ours.Length < units.Count, "the box leaves units outside");
        var gdalAreaByCode = gdal.GroupBy(f => Property(f, "code")).ToDictionary(g => g.Key, g => g.Sum(f => f.Geometry!.Area));
        Assert.Equal(gdalAreaByCode.Keys.Order(StringComparer.Ordinal), ours.Select(u => u.Code).Order(StringComparer.Ordinal));
        foreach (var u in ours)
        {
            Assert.True(Math.Abs(u.Boundary.Area - gdalAreaByCode[u.Code]) < 1e-12, $"{u.Code}: GDAL {gdalAreaByCode[u.Code]}, ours {u.Boundary.Area}");
        }
    }

    [Fact]
    public void Units_TouchingTheBoxAlongAnEdge_Dropped()
    {
        var square = new WKTReader().Read("POLYGON ((117.24 28.28, 117.26 28.28, 117.26 28.29, 117.24 28.29, 117.24 28.28))");
        var touching = new AdminUnit("360681999", "边上", AdminLevel.Township, null, square);
        Assert.Empty(Clip().Units([touching]));
    }

    [Fact]
    public void Points_GuixiDemandCutToBox_SameIdsAsOgr2ogrClipsrc()
    {
        var demand = Region().Demand.Select(d => new PopulationPoint(d.Id, d.Location, d.Counts)).ToList();
        var ours = Clip().Points(demand);
        var gdal = Ogr2ogrClip(Path.Combine(Guixi, RegionFiles.Demand), "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326");

        Assert.InRange(ours.Count, 1, demand.Count - 1);
        Assert.Equal(gdal.Select(f => Property(f, "id")).Order(StringComparer.Ordinal), ours.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromFile_GaussKrugerShapefileOfTwoTownships_IsTheirUnion()
    {
        var folder = TestFiles.TempFolder();
        var shp = Path.Combine(folder, "two.shp");
        var units = Path.Combine(Guixi, RegionFiles.Units);
        var two = Region().Units.Where(u => u.Level == AdminLevel.Township).OrderBy(u => u.Code, StringComparer.Ordinal).Take(2).ToList();
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-where", $"code IN ('{two[0].Code}', '{two[1].Code}')", shp, units]);
        var clip = ImportClip.FromFile(shp, null);
        var expected = two.Sum(u => u.Boundary.Area);
        Assert.True(Math.Abs(clip.Area.Area - expected) / expected < 1e-6, string.Create(CultureInfo.InvariantCulture, $"union area {clip.Area.Area}, townships {expected}"));
    }
}
