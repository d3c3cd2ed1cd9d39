using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Core.Tests.Import;

public class PopulationTableImporterTests
{
    // The tiny region with its footway moved inside 东门街道 (x = 117.23), so each demand cell has its own roads:
    // 花园社区 (south half, d1): 建设路 117.221-117.235 at 28.285 and the footway 28.281-28.29; the rest of 东门街道
    // (north half, d3): the footway 28.29-28.299 (G320 is a trunk road: not walkable).
    private static Region Region()
    {
        using var copy = FixtureRegion.Copy().Replace(RegionFiles.Roads, "[117.235,28.281],[117.235,28.285],[117.235,28.299]", "[117.23,28.281],[117.23,28.285],[117.23,28.299]");
        return RegionFolderReader.Read(copy.Path).Region!;
    }

    private static Table Csv(params string[] lines)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "村人口.csv");
        File.WriteAllLines(path, lines);
        return TableReader.Read(path);
    }

    [Fact]
    public void Read_TownshipRowByName_SpreadsByWalkableRoadLengthOfEachPointsCell()
    {
        var region = Region();
        var result = PopulationTableImporter.Read(region, Csv("名称,常住人口,60岁及以上", "东门街道,1000,200"), PopulationJoin.Name,
            ColumnMapping.Parse("name=名称,total=常住人口,elderly=60岁及以上"));

        // Hand computation in metres (equirectangular at 28.29°N: 1° lon = 111 320 × cos 28.29° m, 1° lat = 110 860 m).
        double lonM = 111_320 * Math.Cos(28.29 * Math.PI / 180), latM = 110_860;
        double south = 0.014 * lonM + 0.009 * latM, north = 0.009 * latM;
        double expectedSouth = 1000 * south / (south + north);
        var d = result.Region.Demand.ToDictionary(p => p.Id);
        Assert.Equal(expectedSouth, d["d1"].Counts[0], 1.5);
        Assert.Equal(1000, d["d1"].Counts[0] + d["d3"].Counts[0]);
        Assert.Equal(200, d["d1"].Counts[1] + d["d3"].Counts[1]);
        Assert.Equal(80, d["d2"].Counts[0]);
        Assert.Equal([30.0, 15, 10], result.Region.Demand.Select(p => p.Counts[2]));
        Assert.Equal(["360681002 雄石街道"], result.UnitsWithoutRow.ToArray());
    }

    [Fact]
    public void Read_NewGroupByCode_AddsTheGroupAndKeepsTheOthers()
    {
        var region = Region();
        var result = PopulationTableImporter.Read(region, Csv("区划代码,残疾人", "360681002000,7"), PopulationJoin.Code, ColumnMapping.Parse("disabled=残疾人"));

        Assert.Empty(result.Refused);
        Assert.Equal(["total", "elderly", "children", "disabled"], result.Region.Groups.Names.ToArray());
        Assert.Equal([0.0, 7, 0], result.Region.Demand.Select(p => p.Counts[3]));
        Assert.Equal(region.Demand.Select(p => p.Counts[0]), result.Region.Demand.Select(p => p.Counts[0]));
    }

    [Fact]
    public void Read_MistypedName_RefusedWithTheNearestNames()
    {
        var result = PopulationTableImporter.Read(Region(), Csv("名称,常住人口", "东门街,10", "雄石街道,abc"), PopulationJoin.Name, ColumnMapping.Default);

        Assert.Equal(
        [
            "村人口.csv: row 2: 名称: no unit with name '东门街'; nearest: 东门街道 (360681001), 雄石街道 (360681002), 花园社区 (360681001001)",
            "村人口.csv: row 3: 常住人口: 'abc' is not a number of people",
        ], result.Refused.Select(p => p.Line()));
    }

    [Fact]
    public void Read_UnitWithoutDemandPoints_GetsOneAtItsInteriorPoint()
    {
        var region = Region();
        region = region with { Demand = [.. region.Demand.Where(p => p.Id != "d1")] };

        var result = PopulationTableImporter.Read(region, Csv("code,total", "360681001001,42"), PopulationJoin.Code, ColumnMapping.Default);

        var added = Assert.Single(result.Region.Demand, p => p.Id == "360681001001");
        Assert.Equal(42, added.Counts[0]);
        Assert.Equal("360681001001", added.UnitCode);
    }
}
