using Planner.Core.Regions;
using Xunit;

namespace Planner.Core.Tests.Regions;

public sealed class RegionAliasesTests
{
    private static readonly RegionIdentity Guixi = new(new RegionKey("guixi"), "360681", "贵溪市");
    private static readonly RegionIdentity Porto = new(new RegionKey("porto-alegre"), "4314902", "Porto Alegre");

    [Theory]
    [InlineData("guixi")]
    [InlineData("360681")]
    [InlineData("贵溪市")]
    public void Resolve_KeyCodeOrOwnName_AllNameTheSameKey(string text) =>
        Assert.Equal(new RegionKey("guixi"), new RegionAliases([Porto, Guixi]).Require(text));

    [Fact]
    public void Resolve_TextThatIsOneRegionsKeyAndAnothersName_TheKeyWins()
    {
        // A workspace from before keys were folder names: one region stored under its own name, one under a folder name.
        var old = new RegionIdentity(new RegionKey("贵溪市"), "360681", "贵溪市");
        var aliases = new RegionAliases([Guixi, old]);
        Assert.Equal(new RegionKey("贵溪市"), aliases.Require("贵溪市"));
        Assert.Equal(new RegionKey("guixi"), aliases.Require("guixi"));
    }

    [Fact]
    public void Resolve_CodeOfTwoRegions_IsAmbiguousAndListsBoth()
    {
        var copy = new RegionIdentity(new RegionKey("guixi-2025"), "360681", "贵溪市（2025）");
        var aliases = new RegionAliases([Guixi, copy, Porto]);
        var resolution = aliases.Resolve("360681");
        Assert.True(resolution.IsAmbiguous);
        Assert.Equal(["guixi", "guixi-2025"], resolution.Candidates.Select(c => c.Key.Value));
        var e = Assert.Throws<RegionKeyException>(() => aliases.Require("360681"));
        Assert.True(e.IsAmbiguous);
        Assert.Equal("region '360681' is ambiguous: it names guixi (贵溪市, 360681), guixi-2025 (贵溪市（2025）, 360681); give the key", e.Message);

        // The own name still names one of them.
        Assert.Equal(new RegionKey("guixi-2025"), aliases.Require("贵溪市（2025）"));
    }

    [Fact]
    public void Resolve_Unknown_ListsTheKnownRegions()
    {
        var e = Assert.Throws<RegionKeyException>(() => new RegionAliases([Porto, Guixi]).Require("Guixi"));
        Assert.False(e.IsAmbiguous);
        Assert.Equal("region 'Guixi' is not stored: known regions are guixi (贵溪市, 360681), porto-alegre (Porto Alegre, 4314902)", e.Message);
        Assert.Equal("region 'x' is not stored: there are no regions", Assert.Throws<RegionKeyException>(() => new RegionAliases([]).Require("x")).Message);
    }

    [Fact]
    public void Resolve_EmptyText_NamesNoRegionEvenWithoutACode()
    {
        var uncoded = new RegionIdentity(new RegionKey("tiny"), string.Empty, "小县");
        Assert.False(new RegionAliases([uncoded]).Resolve(string.Empty).IsResolved);
        Assert.Equal(new RegionKey("tiny"), new RegionAliases([uncoded]).Require("小县"));
    }

    [Fact]
    public void Create_TwoRegionsWithOneKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new RegionAliases([Guixi, Guixi with { Name = "别的" }]));

    [Fact]
    public void ForFolder_IsTheFolderName() =>
        Assert.Equal(new RegionKey("guixi"), RegionKey.ForFolder(Path.Combine("data", "guixi") + Path.DirectorySeparatorChar));
}
