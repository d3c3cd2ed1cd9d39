using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Geo;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// The county office's own files for data/guixi, made by other tools: the station list in GCJ-02 with Chinese headers
/// and values, as a GBK CSV (iconv) and as .xlsx (DocumentFormat.OpenXml), and the units as a Shapefile in the CGCS2000
/// 3-degree Gauss-Krüger zone 39 (EPSG:4527) with a GBK .dbf (ogr2ogr). Imported into copies of data/guixi they must
/// give the original's coverage and boundaries.
/// </summary>
public sealed class BringYourOwnCountyTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private static readonly string[] Headers = ["编号", "站点名称", "地址", "经度", "纬度", "级别", "状态", "社工人数", "督导人数"];

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder.");
    }

    private static string CopyGuixi()
    {
        var target = TestFiles.TempFolder();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoRoot(), "data", "guixi")))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        }

        return target;
    }

    private static string Chinese(StationLevel l) => l switch
    {
        StationLevel.CountyCenter => "县级",
        StationLevel.AreaCenter => "片区",
        StationLevel.TownshipStation => "乡镇(街道)",
        _ => "村(社区)",
    };

    private static string Chinese(StationStatus s) => s switch
    {
        StationStatus.Planned => "规划中",
        StationStatus.Built => "已建成",
        _ => "运营中",
    };

    private static List<string[]> StationRows(Region original) => [.. original.Stations.Select(s =>
    {
        var gcj = PublishedGcj02.FromWgs84(s.Location);
        return new[]
        {
            s.Id, s.Name, "贵溪市", gcj.Lon.ToString("R", CultureInfo.InvariantCulture), gcj.Lat.ToString("R", CultureInfo.InvariantCulture),
            Chinese(s.Level), Chinese(s.Status), s.SocialWorkers.ToString(CultureInfo.InvariantCulture), s.Supervisors?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
    })];

    private static void Ok((int Exit, string Out, string Error) run) => Assert.True(run.Exit == 0, run.Error + run.Out);

    [Fact]
    public void OwnFiles_GbkCsvXlsxInGcj02AndGaussKrugerShapefile_SameCoverageAndBoundariesAsTheOriginal()
    {
        var original = RegionFolderReader.Read(Path.Combine(RepoRoot(), "data", "guixi")).Region!;
        var files = TestFiles.TempFolder();
        var utf8 = Path.Combine(files, "utf8.csv");
        File.WriteAllText(utf8, string.Join("\n", new[] { string.Join(",", Headers) }.Concat(StationRows(original).Select(r => string.Join(",", r)))) + "\n", new UTF8Encoding(false));
        var gbk = Path.Combine(files, "社工站.csv");
        TestFiles.Iconv(utf8, gbk, "GBK");
        var xlsx = Path.Combine(files, "社工站.xlsx");
        TestFiles.WriteXlsx(xlsx, Headers, StationRows(original));
        var shp = Path.Combine(files, "乡镇村界.shp");
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-lco", "ENCODING=GBK", shp, Path.Combine(RepoRoot(), "data", "guixi", RegionFiles.Units)]);

        var before = CoverageCalculator.Compute(original);
        foreach (var table in new[] { gbk, xlsx })
        {
            var folder = CopyGuixi();
            Ok(PlannerCli.Run("import", "stations", folder, "--table", table, "--crs", "gcj02"));
            Ok(PlannerCli.Run("import", "units", folder, "--from", shp, "--code-field", "code", "--name-field", "name", "--level-field", "level"));

            var loaded = RegionFolderReader.Read(folder);
            Assert.DoesNotContain(loaded.Problems, p => p.Severity == Planner.Core.Validation.ProblemSeverity.Error);
            var imported = loaded.Region!;
            Assert.Equal(original.Stations.Select(s => (s.Id, s.Name, s.Level, s.Status, s.SocialWorkers, s.Supervisors)),
                imported.Stations.Select(s => (s.Id, s.Name, s.Level, s.Status, s.SocialWorkers, s.Supervisors)));
            Assert.Equal(original.Units.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)).Order(), imported.Units.Select(u => (u.Code, u.Name, u.Level, u.ParentCode)).Order());
            var byCode = imported.Units.ToDictionary(u => u.Code);
            double worst = original.Units.Max(u => WorstVertexMeters(u.Boundary, byCode[u.Code].Boundary));
            Assert.True(worst < 0.05, $"{Path.GetFileName(table)}: a vertex lies {worst:0.000} m from the source");

            var after = CoverageCalculator.Compute(imported);
            log.WriteLine($"{Path.GetFileName(table)}: worst vertex {worst:0.0000} m; total covered {after.Groups["total"].Covered} vs {before.Groups["total"].Covered} of {before.Groups["total"].Population}");
            foreach (var (group, g) in before.Groups)
            {
                Assert.True(Math.Abs(after.Groups[group].Covered - g.Covered) <= 0.001 * g.Population,
                    $"{Path.GetFileName(table)}: {group} covered {after.Groups[group].Covered} vs {g.Covered} of {g.Population}");
            }

            // Stored in a workspace and exported again, the folder reads back as the imported region.
            var workspace = Path.Combine(TestFiles.TempFolder(), "ws.gpkg");
            var exported = Path.Combine(TestFiles.TempFolder(), "guixi");
            Ok(PlannerCli.Run("import", folder, "--into", workspace));
            Ok(PlannerCli.Run("export", workspace, imported.Info.Name, "--out", exported));
            var again = RegionFolderReader.Read(exported).Region!;
            Assert.Equal(imported.Stations.ToArray(), again.Stations.ToArray());
            Assert.Equal(imported.Info.Crs, again.Info.Crs);
            Assert.All(imported.Units.Zip(again.Units), p => Assert.True(p.First.Code == p.Second.Code && p.First.Boundary.EqualsExact(p.Second.Boundary, 1e-7), p.First.Code));
        }
    }

    [Fact]
    public void ImportDivisions_ShippedGuixi_AlreadyCarriesTheOfficialCodesAndASecondRunChangesNothing()
    {
        // data/guixi is built with this step (scripts/build-samples.sh; SampleRebuildTests replays the recoding from the
        // generated codes byte for byte), so here the shipped folder must already be what the step makes of it.
        var folder = CopyGuixi();
        var before = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        var run = PlannerCli.Run("import", "divisions", folder, "--codes", Path.Combine(RepoRoot(), "data", "divisions", "360681.csv"));

        Ok(run);
        // From the NBS list (data/divisions/360681.csv): 西街居民委员会 360681002004 and 南街居民委员会 360681002003 under 雄石街道.
        Assert.Contains("360681002004 -> 360681002004 西街居民委员会", run.Out, StringComparison.Ordinal);
        Assert.Contains("360681002003 -> 360681002003 南街居民委员会", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("moved:", run.Out, StringComparison.Ordinal);
        foreach (var (name, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, name))), $"{name} changed on a second run");
        }

        var loaded = RegionFolderReader.Read(folder);
        Assert.DoesNotContain(loaded.Problems, p => p.Severity == Planner.Core.Validation.ProblemSeverity.Error);
        var after = loaded.Region!;
        var units = after.Units.ToDictionary(u => u.Code);
        Assert.Equal("西街居民委员会", units["360681002004"].Name);
        Assert.All(after.Units.Where(u => u.ParentCode is not null), u => Assert.True(units.ContainsKey(u.ParentCode!), u.Code));
        // Every code lies under its parent's (villages under their township, grids under their village), official or not.
        Assert.All(after.Units.Where(u => u.ParentCode is not null), u => Assert.StartsWith(u.ParentCode!, u.Code, StringComparison.Ordinal));
        Assert.All(after.Demand, d => Assert.True(units.ContainsKey(d.UnitCode!), d.Id));
    }

    private static double WorstVertexMeters(Geometry source, Geometry imported)
    {
        var b = imported.Coordinates;
        Assert.Equal(source.Coordinates.Length, b.Length);
        double lonM = 111_320 * Math.Cos(28.3 * Math.PI / 180), latM = 110_860;
        return source.Coordinates.Max(c => b.Min(d => Math.Sqrt(Math.Pow((c.X - d.X) * lonM, 2) + Math.Pow((c.Y - d.Y) * latM, 2))));
    }
}
