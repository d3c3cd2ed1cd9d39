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
}
