using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Network;

public class TravelProfileTests
{
    [Theory]
    [InlineData("residential", null, null, true)]
    [InlineData("footway", null, null, true)]
    [InlineData("primary", null, null, true)]
    [InlineData("motorway", null, null, false)]
    [InlineData("motorway_link", null, null, false)]
    [InlineData("trunk", null, null, false)]
    [InlineData("trunk_link", null, null, false)]
    [InlineData("trunk", "yes", null, true)]
    [InlineData("motorway", "designated", null, true)]
    [InlineData("trunk", "permissive", null, false)]
    [InlineData("residential", "no", null, false)]
    [InlineData("residential", null, "no", false)]
    [InlineData("residential", null, "private", false)]
    [InlineData("residential", "yes", "private", true)]
    [InlineData("service", "designated", "no", true)]
    [InlineData("residential", null, "yes", true)]
    [InlineData("construction", null, null, false)]
    public void Walk_Tags_AllowedAsTheIssueStates(string highway, string? foot, string? access, bool expected)
    {
        var tags = Tags(("highway", highway));
        if (foot is not null)
        {
            tags = tags.Add("foot", foot);
        }

        if (access is not null)
        {
            tags = tags.Add("access", access);
        }

        Assert.Equal(expected, TravelProfile.Walk().Allows(Road("r", tags, (0, 0), (10, 0))));
    }

    [Fact]
    public void Walk_Oneway_Ignored()
    {
        var road = Road("r", Tags(("highway", "residential"), ("oneway", "yes")), (0, 0), (10, 0));
        Assert.Equal(TravelDirections.Both, TravelProfile.Walk().DirectionsOn(road));
    }

    [Theory]
    [InlineData("yes", TravelDirections.Forward)]
    [InlineData("-1", TravelDirections.Backward)]
    [InlineData("no", TravelDirections.Both)]
    public void Drive_Oneway_Respected(string oneway, TravelDirections expected)
    {
        var road = Road("r", Tags(("highway", "residential"), ("oneway", oneway)), (0, 0), (10, 0));
        Assert.Equal(expected, TravelProfile.Builtin("drive").DirectionsOn(road));
    }

    [Fact]
    public void Builtin_Profiles_HaveTheIssueSpeeds()
    {
        Assert.Equal(4.8, TravelProfile.Walk().SpeedKmh);
        Assert.Equal(3.6, TravelProfile.Walk().GroupSpeedsKmh["elderly"]);
        Assert.Equal(15, TravelProfile.Builtin("ebike").SpeedKmh);
        var drive = TravelProfile.Builtin("drive");
        Assert.Equal(50, drive.SpeedKmhOn(Road("r", "primary", (0, 0), (1, 0))));
        Assert.False(drive.Allows(Road("r", "footway", (0, 0), (1, 0))));
    }

    [Fact]
    public void FromJson_NegativeSpeed_Throws() =>
        Assert.Throws<FormatException>(() => TravelProfile.FromJson("""{ "name": "x", "speedKmh": -1 }"""));
}
