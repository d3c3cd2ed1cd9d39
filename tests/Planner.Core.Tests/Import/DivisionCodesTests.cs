using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.IO;

namespace Planner.Core.Tests.Import;

public class DivisionCodesTests
{
    [Theory]
    [InlineData("西街居民委员会", "西街")]
    [InlineData("西街社区", "西街")]
    [InlineData("黄坑村民委员会", "黄坑")]
    [InlineData("黄坑村", "黄坑")]
    [InlineData("雄石街道办事处", "雄石")]
    public void Base_SuffixVariants_Removed(string name, string expected) => Assert.Equal(expected, DivisionCodes.Base(name));

    [Fact]
    public void Apply_TinyRegionAndAHandMadeList_RenamesAndRecodesEveryLayer()
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        var path = Path.Combine(Planner.Core.Tests.Import.Tables.TestFiles.TempFolder(), "d.csv");
        // Real codes of 贵溪市 (NBS): 东门街道 360681003, 雄石街道 360681002; 花园社区 is not listed under 东门街道.
        File.WriteAllLines(path, ["code,name,parent", "360681003,东门街道,360681", "360681002,雄石街道,360681", "360681002005,花园居民委员会,360681002"]);

        var result = DivisionCodes.Apply(region, TableReader.Read(path));

        Assert.Equal([("360681001", "360681003", "东门街道"), ("360681002", "360681002", "雄石街道")], result.Matched.ToArray());
        Assert.Equal(["360681001001 花园社区"], result.Unmatched.ToArray());
        var units = result.Region.Units.ToDictionary(u => u.Name);
        Assert.Equal("360681003", units["东门街道"].Code);
        Assert.Equal("360681003", units["花园社区"].ParentCode);
        Assert.Equal("360681003", result.Region.Stations.Single(s => s.Id == "s1").UnitCode);
        Assert.Equal("360681003", result.Region.Demand.Single(d => d.Id == "d3").UnitCode);
    }

    /// <summary>The tiny region with its village units replaced by <paramref name="villages"/> (code, name, parent), all on the one village shape.</summary>
    private static Planner.Core.Model.Region WithVillages(params (string Code, string Name, string Parent)[] villages)
    {
        var region = RegionFolderReader.Read(FixtureRegion.Original()).Region!;
        var shape = region.Units.Single(u => u.Level == Planner.Core.Model.AdminLevel.Village).Boundary;
        return region with
        {
            Units = [.. region.Units.Where(u => u.Level != Planner.Core.Model.AdminLevel.Village),
                .. villages.Select(v => new Planner.Core.Model.AdminUnit(v.Code, v.Name, Planner.Core.Model.AdminLevel.Village, v.Parent, shape, Modelled: true))],
        };
    }

    private static Table List(params string[] rows)
    {
        var path = Path.Combine(Planner.Core.Tests.Import.Tables.TestFiles.TempFolder(), "d.csv");
        File.WriteAllLines(path, ["code,name,parent", "360681001,东门街道,360681", "360681002,雄石街道,360681", .. rows]);
        return TableReader.Read(path);
    }

    [Fact]
    public void Apply_SameVillageNameInTwoTownships_EachMatchedWithinItsOwn()
    {
        var region = WithVillages(("360681001001", "黄坑村", "360681001"), ("360681002001", "黄坑村", "360681002"));
        var result = DivisionCodes.Apply(region, List("360681001207,黄坑村民委员会,360681001", "360681002208,黄坑村民委员会,360681002"));

        Assert.Equal([("360681001001", "360681001207", "黄坑村民委员会"), ("360681002001", "360681002208", "黄坑村民委员会")], result.Matched.Where(m => m.OldCode.Length == 12).ToArray());
        Assert.Empty(result.Ambiguous);
    }

    [Fact]
    public void Apply_TwoUnitsOfOneNameInOneTownship_AmbiguousAndNeitherMatched()
    {
        var region = WithVillages(("360681001001", "黄坑村", "360681001"), ("360681001002", "黄坑村", "360681001"));
        var result = DivisionCodes.Apply(region, List("360681001207,黄坑村民委员会,360681001"));

        Assert.DoesNotContain(result.Matched, m => m.OldCode.Length == 12);
        Assert.Equal(2, result.Ambiguous.Length);
        Assert.All(result.Ambiguous, a => Assert.Contains("360681001207 黄坑村民委员会 is the only match of 2 units (360681001001, 360681001002)", a, StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_TwoRowsForOneUnit_Ambiguous()
    {
        var region = WithVillages(("360681001001", "黄坑村", "360681001"));
        var result = DivisionCodes.Apply(region, List("360681001207,黄坑村民委员会,360681001", "360681001208,黄坑村委会,360681001"));

        var a = Assert.Single(result.Ambiguous);
        Assert.StartsWith("360681001001 黄坑村: 2 rows match", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_VillageOfAnUnmatchedTownship_NotMatchedAndSaysWhy()
    {
        var region = WithVillages(("360681001001", "黄坑村", "360681001"));
        var path = Path.Combine(Planner.Core.Tests.Import.Tables.TestFiles.TempFolder(), "d.csv");
        File.WriteAllLines(path, ["code,name,parent", "360681002,雄石街道,360681", "360681001207,黄坑村民委员会,360681001"]);

        var result = DivisionCodes.Apply(region, TableReader.Read(path));

        Assert.Contains("360681001001 黄坑村: its township 360681001 东门街道 has no official code (the list has 黄坑村 under 360681001207)", result.Unmatched);
    }

    [Fact]
    public void Apply_OfficialCodeIsAnotherUnitsGeneratedCode_ThatUnitMovesTo9NN()
    {
        var region = WithVillages(("360681001001", "黄坑村", "360681001"), ("360681001002", "老屋", "360681001"));
        var result = DivisionCodes.Apply(region, List("360681001002,黄坑村民委员会,360681001"));

        var units = result.Region.Units.ToDictionary(u => u.Name);
        Assert.Equal("360681001002", units["黄坑村民委员会"].Code);
        Assert.Equal("360681001901", units["老屋"].Code);
        Assert.Equal([("360681001002", "360681001901", "老屋")], result.Moved.ToArray());
        Assert.Equal(result.Region.Units.Length, result.Region.Units.Select(u => u.Code).Distinct().Count());
    }
}
