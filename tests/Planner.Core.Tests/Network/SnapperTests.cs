using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Network;

public class SnapperTests
{
    private static RoadGraph LineGraph() =>
        RoadGraph.Build(Region(Line(0, 100, 300), [], []), TravelProfile.Walk(), new RoadGraphOptions(0));

    [Fact]
    public void Snap_PointBesideEdgeInterior_JoinsInteriorNotNode()
    {
        var g = LineGraph();
        var loc = new Snapper(g).Snap(Metres(130, 20));
        Assert.True(loc.IsOnNetwork);
        Assert.Equal(20, loc.LegMeters, 6);
        var at = g.PointAlong(loc.Edge, loc.OffsetMeters);
        Assert.Equal(Metres(130, 0).X, at.X, 6);
        Assert.Equal(Metres(130, 0).Y, at.Y, 6);
    }

    [Fact]
    public void Snap_FartherThanMax_Unreachable()
    {
        var g = LineGraph();
        Assert.False(new Snapper(g, 500).Snap(Metres(150, 501)).IsOnNetwork);
        Assert.True(new Snapper(g, 500).Snap(Metres(150, 499)).IsOnNetwork);
        Assert.False(new Snapper(g, 100).Snap(Metres(150, 150)).IsOnNetwork);
    }

    [Fact]
    public void Snap_BeyondLineEnd_JoinsEndWithDiagonalLeg()
    {
        var loc = new Snapper(LineGraph()).Snap(Metres(340, 30));
        Assert.Equal(50, loc.LegMeters, 6);
    }
}
