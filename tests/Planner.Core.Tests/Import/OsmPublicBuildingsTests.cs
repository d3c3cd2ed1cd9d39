using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class OsmPublicBuildingsTests
{
    [Theory]
    [InlineData("amenity=townhall", "townhall")]
    [InlineData("amenity=community_centre", "community_centre")]
    [InlineData("amenity=doctors", "doctors")]
    [InlineData("amenity=nursing_home;name=敬老院", "nursing_home")]
    [InlineData("amenity=school;building=public", "school")]
    [InlineData("office=government", "government")]
    [InlineData("amenity=parking;office=government", "government")]
    [InlineData("social_facility=group_home", "social_facility")]
    [InlineData("building=civic", "civic")]
    [InlineData("building=hospital", "hospital")]
    [InlineData("amenity=parking", null)]
    [InlineData("amenity=restaurant;building=yes", null)]
    [InlineData("building=apartments", null)]
    [InlineData("office=company", null)]
    [InlineData("name=贵溪五中", null)]
    public void KindOf_Tags_GivesTheFirstMatchingRule(string tags, string? expected)
    {
        var dictionary = tags.Split(';').Select(t => t.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);

        Assert.Equal(expected, OsmPublicBuildings.KindOf(k => dictionary.GetValueOrDefault(k)));
    }

    [Fact]
    public void Create_WithoutName_NamedByKindAndId()
    {
        var named = OsmPublicBuildings.Create("way", 1256740917, "school", "贵溪市第九中学", new(117.23, 28.28));
        var unnamed = OsmPublicBuildings.Create("node", 7, "clinic", " ", new(117.23, 28.28));

        Assert.Equal(("osm:way:1256740917", "贵溪市第九中学", "osm"), (named.Id, named.Name, named.Source));
        Assert.Equal(("osm:node:7", "clinic osm:node:7"), (unnamed.Id, unnamed.Name));
    }
}
