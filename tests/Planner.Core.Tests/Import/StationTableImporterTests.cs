using System.Text;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Geo;
using Planner.Core.Tests.Import.Tables;
using Planner.Core.Validation;

namespace Planner.Core.Tests.Import;

public class StationTableImporterTests
{
    private static readonly string[] Headers = ["编号", "站点名称", "地址", "经度", "纬度", "级别", "状态", "社工人数", "督导人数"];

    private static Region Tiny() => RegionFolderReader.Read(FixtureRegion.Original()).Region!;

    private static StationTableImporter.Options Options(SourceCrs crs) =>
        new(crs, ColumnMapping.Default, StationLevel.VillagePoint, StationStatus.Operating, 1);

    // Two stations of the tiny fixture, their WGS84 position shifted to GCJ-02 by the published formula.
    private static List<string[]> Rows()
    {
        var a = PublishedGcj02.FromWgs84(new GeoPoint(117.2349, 28.2851));
        var b = PublishedGcj02.FromWgs84(new GeoPoint(117.245, 28.2851));
        return
        [
            ["S1", "东门街道社工站", "东门路1号", F(a.Lon), F(a.Lat), "乡镇(街道)", "运营中", "3", "1"],
            ["S2", "雄石社区服务点", "雄石路2号", F(b.Lon), F(b.Lat), "村(社区)", "规划中", "0", ""],
        ];
    }

    private static string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Read_XlsxWithChineseHeadersAndGcj02_EachRowKeepsItsOwnValuesAtItsWgs84Place()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "社工站.xlsx");
        TestFiles.WriteXlsx(path, Headers, Rows());
        SourceCrs.TryParse("gcj02", out var gcj, out _);

        var result = StationTableImporter.Read(Tiny(), TableReader.Read(path), Options(gcj));

        Assert.Empty(result.Refused);
        var s1 = result.Stations[0];
        var s2 = result.Stations[1];
        Assert.Equal(("S1", "东门街道社工站", StationLevel.TownshipStation, StationStatus.Operating, 3, (int?)1), (s1.Id, s1.Name, s1.Level, s1.Status, s1.SocialWorkers, s1.Supervisors));
        Assert.Equal(("S2", "雄石社区服务点", StationLevel.VillagePoint, StationStatus.Planned, 0, (int?)null), (s2.Id, s2.Name, s2.Level, s2.Status, s2.SocialWorkers, s2.Supervisors));
        Assert.True(RegionCenter.DistanceKm(s1.Location, new GeoPoint(117.2349, 28.2851)) * 1000 < 0.01, $"{s1.Location}");
        Assert.True(RegionCenter.DistanceKm(s2.Location, new GeoPoint(117.245, 28.2851)) * 1000 < 0.01, $"{s2.Location}");
        Assert.Equal("360681001", s1.UnitCode);
    }

    [Fact]
    public void Read_GbkCsvByIconvWithColumnMapping_ReadsTheMappedColumns()
    {
        var dir = TestFiles.TempFolder();
        var text = "站号,站名,X坐标,Y坐标,类型\n" + string.Join("\n", Rows().Select(r => string.Join(",", r[0], r[1], r[3], r[4], r[5]))) + "\n";
        File.WriteAllText(Path.Combine(dir, "u.csv"), text, new UTF8Encoding(false));
        TestFiles.Iconv(Path.Combine(dir, "u.csv"), Path.Combine(dir, "gbk.csv"), "GBK");
        SourceCrs.TryParse("gcj02", out var gcj, out _);

        var result = StationTableImporter.Read(Tiny(), TableReader.Read(Path.Combine(dir, "gbk.csv")),
            Options(gcj) with { Columns = ColumnMapping.Parse("id=站号,name=站名,lon=X坐标,lat=Y坐标,level=类型") });

        Assert.Empty(result.Refused);
        Assert.Equal(["东门街道社工站", "雄石社区服务点"], result.Stations.Select(s => s.Name));
        Assert.Equal([StationLevel.TownshipStation, StationLevel.VillagePoint], result.Stations.Select(s => s.Level));
        Assert.All(result.Stations, s => Assert.Equal(1, s.SocialWorkers));
    }

    [Fact]
    public void Read_BadRows_OneProblemEachNamingFileRowColumnAndReason()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "bad.csv");
        File.WriteAllLines(path,
        [
            string.Join(",", Headers),
            "S1,东门街道社工站,,117.2349,28.2851,乡镇(街道),运营中,3,1",
            "S2,雄石,,东经117度,28.2851,村(社区),运营中,1,",
            "S3,外站,,100.0,28.2851,村(社区),运营中,1,",
            "S4,无状态,,117.245,28.2851,村(社区),撤销,1,",
            "S5,人数,,117.245,28.2851,村(社区),运营中,2.5,",
            "S1,重号,,117.245,28.2851,村(社区),运营中,1,",
        ]);

        var result = StationTableImporter.Read(Tiny(), TableReader.Read(path), Options(SourceCrs.Wgs84));

        Assert.Equal(["S1"], result.Stations.Select(s => s.Id));
        Assert.Equal(
        [
            "bad.csv: row 3: 经度: '东经117度' is not a number",
            "bad.csv: row 4: 经度: (100, 28.2851) in WGS84 is outside the region (check --crs: the file's coordinates were read as WGS 84 (EPSG:4326))",
            "bad.csv: row 5: 状态: unknown status '撤销': use 规划中, 已建成 or 运营中 (planned, built, operating)",
            "bad.csv: row 6: 社工人数: '2.5' is not a whole number of people",
            "bad.csv: row 7: 编号: id 'S1' is used by an earlier row",
        ], result.Refused.Select(p => p.Line()));
    }

    [Fact]
    public void Read_NoLongitudeColumn_HeaderProblemListsTheHeaders()
    {
        var path = Path.Combine(TestFiles.TempFolder(), "h.csv");
        File.WriteAllLines(path, ["名称,纬度", "a,28.2"]);

        var result = StationTableImporter.Read(Tiny(), TableReader.Read(path), Options(SourceCrs.Wgs84));

        Assert.Equal(["h.csv: header: lon: no column for lon: name it with --columns lon=<header> (headers: 名称, 纬度)"], result.Refused.Select(p => p.Line()));
    }

    [Fact]
    public void Read_CsvInBd09_StationsAtTheirWgs84Place()
    {
        var bd = PublishedGcj02.Bd09FromWgs84(new GeoPoint(117.2349, 28.2851));
        var path = Path.Combine(TestFiles.TempFolder(), "baidu.csv");
        File.WriteAllLines(path, ["name,lng,lat", $"东门街道社工站,{F(bd.Lon)},{F(bd.Lat)}"]);
        SourceCrs.TryParse("bd09", out var crs, out _);

        var result = StationTableImporter.Read(Tiny(), TableReader.Read(path), Options(crs));

        var s = Assert.Single(result.Stations);
        Assert.True(RegionCenter.DistanceKm(s.Location, new GeoPoint(117.2349, 28.2851)) * 1000 < 0.05, $"{s.Location}");
        Assert.Equal(("row2", StationLevel.VillagePoint, 1), (s.Id, s.Level, s.SocialWorkers));
    }
}
