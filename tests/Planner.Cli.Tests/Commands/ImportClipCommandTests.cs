using System.Text.Json;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// <c>--clip</c> on the imports: a file wider than the county (here the Guixi sample, cut to a box over part of it)
/// gives the roads, units and points that GDAL's <c>ogr2ogr -clipsrc</c> keeps from the same file.
/// </summary>
public sealed class ImportClipCommandTests
{
    private const string BoxWkt = "POLYGON ((117.2 28.27, 117.24 28.27, 117.24 28.305, 117.2 28.305, 117.2 28.27))";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder.");
    }

    private static string Guixi => Path.Combine(RepoRoot(), "data", "guixi");

    private static string CopyGuixi()
    {
        var target = TestFiles.TempFolder();
        foreach (var f in Directory.GetFiles(Guixi))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        }

        return target;
    }

    /// <summary>The box as a GeoJSON file, for <c>--clip</c>.</summary>
    private static string BoxFile()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "box.geojson");
        File.WriteAllText(path, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[117.2,28.27],[117.24,28.27],[117.24,28.305],[117.2,28.305],[117.2,28.27]]]}}]}""");
        return path;
    }

    /// <summary>What ogr2ogr keeps of <paramref name="source"/> when clipping it to the box, one feature per part.</summary>
    private static List<JsonElement> Ogr2ogrClip(string source, params string[] options)
    {
        var output = Path.Combine(TestFiles.TempFolder(), "clipped.geojson");
        TestFiles.Tool("ogr2ogr", ["-f", "GeoJSON", "-clipsrc", BoxWkt, "-explodecollections", .. options, output, source]);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.Clone())];
    }

    private static string Property(JsonElement feature, string name) => feature.GetProperty("properties").GetProperty(name).ToString();

    /// <summary>
    /// The line parts of a GeoJSON LineString or MultiLineString (ogr2ogr explodes collections before it clips, so a
    /// road cut twice comes out as one MultiLineString), each as its planar length in degrees (what NTS's Length gives).
    /// </summary>
    private static IEnumerable<double> PartLengths(JsonElement feature)
    {
        var geometry = feature.GetProperty("geometry");
        var coordinates = geometry.GetProperty("coordinates");
        var parts = geometry.GetProperty("type").GetString() == "MultiLineString" ? coordinates.EnumerateArray().ToList() : [coordinates];
        foreach (var part in parts)
        {
            var c = part.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
            yield return c.Zip(c.Skip(1)).Sum(s => Math.Sqrt(Math.Pow(s.Second.X - s.First.X, 2) + Math.Pow(s.Second.Y - s.First.Y, 2)));
        }
    }

    [Fact]
    public void ImportUnits_ClipToFile_KeepsTheUnitsOgr2ogrKeeps()
    {
        var folder = CopyGuixi();
        var shp = Path.Combine(TestFiles.TempFolder(), "全市乡镇村.shp");
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-lco", "ENCODING=GBK", "-where", "level <> 'county'", shp, Path.Combine(Guixi, RegionFiles.Units)]);

        var (exit, output, error) = PlannerCli.Run("import", "units", folder, "--from", shp, "--code-field", "code", "--name-field", "name", "--level-field", "level", "--clip", BoxFile());

        Assert.True(exit == 0, error + output);
        var expected = Ogr2ogrClip(Path.Combine(Guixi, RegionFiles.Units), "-where", "level <> 'county'").Select(f => Property(f, "code")).Distinct().Order(StringComparer.Ordinal);
        var units = RegionFolderReader.Read(folder).Region!.Units.Where(u => u.Level != AdminLevel.County);
        Assert.Equal(expected, units.Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Contains("(--clip)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportPopulation_ClipToFile_KeepsThePointsOgr2ogrKeeps()
    {
        var folder = CopyGuixi();
        var csv = Path.Combine(Guixi, RegionFiles.Demand);

        var (exit, _, error) = PlannerCli.Run("import", "population", folder, "--csv", csv, "--id-column", "id", "--count-columns", "total", "elderly", "children", "disabled", "--licence", "test", "--clip", BoxFile());

        Assert.True(exit == 0, error);
        var expected = Ogr2ogrClip(csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326").Select(f => Property(f, "id"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), RegionFolderReader.Read(folder).Region!.Demand.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ImportOsm_ClipToFile_RoadPiecesAsOgr2ogrAndCountyIsTheBox()
    {
        var osm = Path.Combine(RepoRoot(), "tests", "Planner.Core.Tests", "Fixtures", "guixi.osm");
        var whole = Path.Combine(TestFiles.TempFolder(), "whole");
        var cut = Path.Combine(TestFiles.TempFolder(), "cut");
        Assert.Equal(0, PlannerCli.Run("import", "osm", osm, "--out", whole, "--name", "贵溪市", "--code", "360681").Exit);

        var (exit, _, error) = PlannerCli.Run("import", "osm", osm, "--out", cut, "--name", "贵溪市", "--code", "360681", "--clip", BoxFile());

        Assert.True(exit == 0, error);
        var expected = Ogr2ogrClip(Path.Combine(whole, RegionFiles.Roads));
        var region = RegionFolderReader.Read(cut).Region!;
        var gdal = expected.GroupBy(f => Property(f, "id")).ToDictionary(g => g.Key, g => g.SelectMany(PartLengths).ToList());
        var ours = region.Roads.GroupBy(r => r.Id.Split('#')[0]).ToDictionary(g => g.Key, g => g.Select(r => r.Line).ToList());
        var source = RegionFolderReader.Read(whole).Region!.Roads.ToDictionary(r => r.Id);
        Assert.Equal(gdal.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, parts) in gdal)
        {
            // 1e-7 degrees is about a centimetre: both cut the same file, but the cut points are written rounded to 7 decimals.
            Assert.True(Math.Abs(parts.Sum() - ours[id].Sum(l => l.Length)) < 1e-7, $"road {id}: GDAL {parts.Sum()}, ours {ours[id].Sum(l => l.Length)}");

            // GEOS also splits a road where it touches itself (a loop at its end); a road kept whole inside the box is not split.
            Assert.True(parts.Count == ours[id].Count || !source[id].Line.IsSimple, $"road {id}: GDAL {parts.Count} pieces, ours {ours[id].Count}");
        }
        var county = Assert.Single(region.Units);
        Assert.False(county.Modelled);
        Assert.Equal(0.04 * 0.035, county.Boundary.Area, 12);
    }
}
