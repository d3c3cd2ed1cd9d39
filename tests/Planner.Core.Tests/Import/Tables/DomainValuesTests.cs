using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Tests.Import.Tables;

public class DomainValuesTests
{
    [Theory]
    [InlineData("县级", StationLevel.CountyCenter)]
    [InlineData("县级社工总站", StationLevel.CountyCenter)]
    [InlineData("片区", StationLevel.AreaCenter)]
    [InlineData("乡镇(街道)", StationLevel.TownshipStation)]
    [InlineData("乡镇（街道）", StationLevel.TownshipStation)]
    [InlineData("街道", StationLevel.TownshipStation)]
    [InlineData("村(社区)", StationLevel.VillagePoint)]
    [InlineData("社区", StationLevel.VillagePoint)]
    [InlineData("township_station", StationLevel.TownshipStation)]
    public void TryParseStationLevel_ChineseAndEnglish_GiveTheLevel(string text, StationLevel expected)
    {
        Assert.True(DomainValues.TryParseStationLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("运营中", StationStatus.Operating)]
    [InlineData("运行中", StationStatus.Operating)]
    [InlineData("已建成", StationStatus.Built)]
    [InlineData("建成未运营", StationStatus.Built)]
    [InlineData("规划中", StationStatus.Planned)]
    [InlineData("在建", StationStatus.Planned)]
    [InlineData("planned", StationStatus.Planned)]
    public void TryParseStationStatus_ChineseAndEnglish_GiveTheStatus(string text, StationStatus expected)
    {
        Assert.True(DomainValues.TryParseStationStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("乡镇", AdminLevel.Township)]
    [InlineData("街道", AdminLevel.Township)]
    [InlineData("村", AdminLevel.Village)]
    [InlineData("社区居委会", AdminLevel.Village)]
    [InlineData("网格", AdminLevel.Grid)]
    [InlineData("village", AdminLevel.Village)]
    public void TryParseAdminLevel_ChineseAndEnglish_GiveTheLevel(string text, AdminLevel expected)
    {
        Assert.True(DomainValues.TryParseAdminLevel(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void TryParseStationStatus_Unknown_False() => Assert.False(DomainValues.TryParseStationStatus("撤销", out _));
}
