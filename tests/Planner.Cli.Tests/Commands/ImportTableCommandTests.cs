using System.Globalization;
using System.Text;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Geo;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Cli.Tests.Commands;

public sealed class ImportTableCommandTests
{
    private static string CopyTiny()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
        var target = TestFiles.TempFolder();
        foreach (var f in Directory.GetFiles(source))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        }

        return target;
    }

    // Equirectangular metres: plenty for centimetre distances.
    private static double Meters(GeoPoint a, GeoPoint b) =>
        Math.Sqrt(Math.Pow((a.Lon - b.Lon) * Math.Cos(a.Lat * Math.PI / 180), 2) + Math.Pow(a.Lat - b.Lat, 2)) * 111_320;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string GbkStationCsv(string dir, params string[] extraRows)
    {
        var a = PublishedGcj02.FromWgs84(new GeoPoint(117.2349, 28.2851));
        var lines = new[] { "编号,站点名称,经度,纬度,级别,状态,社工人数", $"S1,东门街道社工站,{F(a.Lon)},{F(a.Lat)},乡镇(街道),运营中,3" }.Concat(extraRows);
        var utf8 = Path.Combine(dir, "utf8.csv");
        File.WriteAllText(utf8, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        var gbk = Path.Combine(dir, "社工站.csv");
        TestFiles.Iconv(utf8, gbk, "GBK");
        return gbk;
    }

    [Fact]
    public void ImportStations_GbkTableInGcj02_StoresEachRowAtItsWgs84Place()
    {
        var region = CopyTiny();
        var csv = GbkStationCsv(TestFiles.TempFolder(), "S2,花园村服务点,117.2449,28.2857,村(社区),已建成,1");

        var (exit, output, error) = PlannerCli.Run("import", "stations", region, "--table", csv, "--crs", "gcj02");

        Assert.True(exit == 0, error);
        Assert.Contains("2 stations from 社工站.csv (gb18030, GCJ-02 (Amap/Tencent))", output, StringComparison.Ordinal);
        var stations = RegionFolderReader.Read(region).Region!.Stations;
        Assert.Equal(["东门街道社工站", "花园村服务点"], stations.Select(s => s.Name));
        Assert.Equal([StationStatus.Operating, StationStatus.Built], stations.Select(s => s.Status));
        Assert.True(Meters(stations[0].Location, new GeoPoint(117.2349, 28.2851)) < 0.02, $"{stations[0].Location}");
    }

    [Fact]
    public void ImportStations_BadRow_ExitTwoOneLineEachAndNothingStored()
    {
        var region = CopyTiny();
        var before = File.ReadAllText(Path.Combine(region, RegionFiles.Stations));
        var csv = GbkStationCsv(TestFiles.TempFolder(), "S2,花园村服务点,abc,28.2857,村(社区),已建成,1");

        var (exit, _, error) = PlannerCli.Run("import", "stations", region, "--table", csv, "--crs", "gcj02");

        Assert.Equal(2, exit);
        Assert.Contains("社工站.csv: row 3: 经度: 'abc' is not a number", error, StringComparison.Ordinal);
        Assert.Contains("nothing stored: 1 of 2 rows refused", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(region, RegionFiles.Stations)));
    }

    [Fact]
    public void ImportStations_BadRowWithSkipBadRows_StoresTheRestAndWritesTheRefusedRows()
    {
        var region = CopyTiny();
        var csv = GbkStationCsv(TestFiles.TempFolder(), "S2,花园村服务点,abc,28.2857,村(社区),已建成,1");

        var (exit, output, error) = PlannerCli.Run("import", "stations", region, "--table", csv, "--crs", "gcj02", "--skip-bad-rows");

        Assert.True(exit == 0, error);
        Assert.Contains("refused: 社工站.csv: row 3: 经度: 'abc' is not a number", output, StringComparison.Ordinal);
        Assert.Equal(["S1"], RegionFolderReader.Read(region).Region!.Stations.Select(s => s.Id));
        var refused = File.ReadAllLines(Path.Combine(region, "stations.refused.csv"), Encoding.UTF8);
        Assert.Equal("row,column,reason,编号,站点名称,经度,纬度,级别,状态,社工人数", refused[0]);
        Assert.Equal("row 3,经度,'abc' is not a number,S2,花园村服务点,abc,28.2857,村(社区),已建成,1", refused[1]);
    }

    [Fact]
    public void ImportStations_TableAndCsvBoth_ExitTwo()
    {
        var (exit, _, error) = PlannerCli.Run("import", "stations", CopyTiny(), "--table", "a.csv", "--csv", "b.csv");

        Assert.Equal(2, exit);
        Assert.Contains("--table/--csv: give exactly one of them", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportStations_UnknownCrs_ExitTwoNamingTheOption()
    {
        var (exit, _, error) = PlannerCli.Run("import", "stations", CopyTiny(), "--table", "a.csv", "--crs", "EPSG:3857");

        Assert.Equal(2, exit);
        Assert.Contains("--crs: unknown CRS 'EPSG:3857'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportUnitsFrom_ShapefileInGaussKrugerZone_ReplacesTheUnitsAndSaysSo()
    {
        var region = CopyTiny();
        var shp = Path.Combine(TestFiles.TempFolder(), "units.shp");
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-lco", "ENCODING=GBK", "-where", "level <> 'county'", shp, Path.Combine(region, RegionFiles.Units)]);

        var (exit, output, error) = PlannerCli.Run("import", "units", region, "--from", shp, "--code-field", "code", "--name-field", "name", "--level-field", "level");

        Assert.True(exit == 0, error);
        Assert.Contains("note: coordinates read as CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527) (.prj)", output, StringComparison.Ordinal);
        Assert.Contains("3 units from units.shp replace the township, village units", output, StringComparison.Ordinal);
        var loaded = RegionFolderReader.Read(region);
        Assert.True(loaded.Problems.IsEmpty, string.Join("\n", loaded.Problems));
        Assert.Equal(["360681", "360681001", "360681002", "360681001001"], loaded.Region!.Units.Select(u => u.Code));
        Assert.Equal("360681001", loaded.Region.Units[3].ParentCode);
        Assert.Contains(loaded.Region.Info.Sources, s => s.Layer == "units" && s.Note.Contains("EPSG:4527", StringComparison.Ordinal) && !s.Modelled);
    }

    [Fact]
    public void ImportUnitsFrom_FeatureWithoutCode_ExitTwoAndNothingStored()
    {
        var region = CopyTiny();
        var before = File.ReadAllText(Path.Combine(region, RegionFiles.Units));
        var geojson = Path.Combine(TestFiles.TempFolder(), "b.geojson");
        File.WriteAllText(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"\",\"name\":\"东门街道\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117.22,28.28],[117.235,28.28],[117.235,28.3],[117.22,28.28]]]}}]}");

        var (exit, _, error) = PlannerCli.Run("import", "units", region, "--from", geojson, "--code-field", "code", "--name-field", "name", "--level", "township");

        Assert.Equal(2, exit);
        Assert.Contains("b.geojson: feature 1: code: code is empty", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(region, RegionFiles.Units)));
    }

    [Fact]
    public void ImportPopulationTable_XlsxByName_SetsTheGroupsAndSaysMeasuredPerUnit()
    {
        var region = CopyTiny();
        var xlsx = Path.Combine(TestFiles.TempFolder(), "村人口.xlsx");
        TestFiles.WriteXlsx(xlsx, ["村(社区)", "常住人口", "60岁及以上"], [["东门街道", "1000", "200"], ["雄石街道", "500", "90"]]);

        var (exit, output, error) = PlannerCli.Run("import", "population", region, "--table", xlsx, "--by", "name",
            "--columns", "name=村(社区),total=常住人口,elderly=60岁及以上", "--licence", "county register");

        Assert.True(exit == 0, error);
        Assert.Contains("2 units joined from 村人口.xlsx; total 1500, elderly 290", output, StringComparison.Ordinal);
        var loaded = RegionFolderReader.Read(region).Region!;
        Assert.Equal(1500, loaded.PopulationByGroup()[0]);
        Assert.Contains(loaded.Info.Sources, s => s.Layer == "demand" && s.Modelled && s.Note.StartsWith("MEASURED per unit, MODELLED within it", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportPopulationTable_UnjoinableRow_ExitTwoNamingTheNearestUnit()
    {
        var region = CopyTiny();
        var before = File.ReadAllText(Path.Combine(region, RegionFiles.Demand));
        var csv = Path.Combine(TestFiles.TempFolder(), "p.csv");
        File.WriteAllLines(csv, ["名称,常住人口", "雄石街,10"]);

        var (exit, _, error) = PlannerCli.Run("import", "population", region, "--table", csv, "--by", "name", "--licence", "x");

        Assert.Equal(2, exit);
        Assert.Contains("p.csv: row 2: 名称: no unit with name '雄石街'; nearest: 雄石街道 (360681002)", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(region, RegionFiles.Demand)));
    }

    [Fact]
    public void NewRegion_OsmUnitsStationsPopulation_RunsTheStepsAndValidates()
    {
        var dir = TestFiles.TempFolder();
        var osm = Path.Combine(dir, "tiny.osm");
        File.WriteAllText(osm, """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
             <bounds minlat="28.2800" minlon="117.2200" maxlat="28.3000" maxlon="117.2500"/>
             <node id="10" lat="28.2850" lon="117.2210"/>
             <node id="11" lat="28.2850" lon="117.2350"/>
             <node id="12" lat="28.2850" lon="117.2490"/>
             <way id="100"><nd ref="10"/><nd ref="11"/><nd ref="12"/><tag k="highway" v="residential"/></way>
            </osm>
            """);
        var shp = Path.Combine(dir, "乡镇.shp");
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-lco", "ENCODING=GBK", "-where", "level = 'township'", shp,
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny", RegionFiles.Units)]);
        var stations = Path.Combine(dir, "社工站.xlsx");
        TestFiles.WriteXlsx(stations, ["站点名称", "经度", "纬度", "级别"], [["东门街道社工站", "117.2349", "28.2851", "乡镇(街道)"]]);
        var population = Path.Combine(dir, "人口.xlsx");
        TestFiles.WriteXlsx(population, ["名称", "常住人口"], [["东门街道", "1200"], ["雄石街道", "800"]]);
        var region = Path.Combine(dir, "贵溪市");

        var (exit, output, error) = PlannerCli.Run("new-region", region, "--name", "贵溪市", "--code", "360681", "--osm", osm,
            "--units", shp, "--units-args", "--code-field", "code", "--name-field", "name", "--level", "township",
            "--stations", stations, "--population", population);

        Assert.True(exit == 0, error + output);
        var loaded = RegionFolderReader.Read(region).Region!;
        Assert.Equal(["360681", "360681001", "360681002"], loaded.Units.Select(u => u.Code));
        Assert.Equal("东门街道社工站", Assert.Single(loaded.Stations).Name);
        Assert.Equal(2000, loaded.PopulationByGroup()[0]);
    }

    [Fact]
    public void NewRegion_BadStationRow_StopsAtThatStepWithExitTwo()
    {
        var dir = TestFiles.TempFolder();
        var osm = Path.Combine(dir, "tiny.osm");
        File.WriteAllText(osm, """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
             <bounds minlat="28.2800" minlon="117.2200" maxlat="28.3000" maxlon="117.2500"/>
             <node id="10" lat="28.2850" lon="117.2210"/><node id="11" lat="28.2850" lon="117.2490"/>
             <way id="100"><nd ref="10"/><nd ref="11"/><tag k="highway" v="residential"/></way>
            </osm>
            """);
        var stations = Path.Combine(dir, "s.csv");
        File.WriteAllLines(stations, ["名称,经度,纬度", "东门街道社工站,117.2349,北纬28度"]);

        var (exit, _, error) = PlannerCli.Run("new-region", Path.Combine(dir, "r"), "--name", "贵溪市", "--code", "360681", "--osm", osm, "--stations", stations);

        Assert.Equal(2, exit);
        Assert.Contains("s.csv: row 2: 纬度: '北纬28度' is not a number", error, StringComparison.Ordinal);
        Assert.Contains("new-region: stopped at 'planner import stations' (exit 2)", error, StringComparison.Ordinal);
    }
}
