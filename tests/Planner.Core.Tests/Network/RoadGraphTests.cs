using Planner.Core.Network;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Network;

public class RoadGraphTests
{
    private static RoadGraph Build(IEnumerable<Planner.Core.Model.Road> roads, int minIsland = 0) =>
        RoadGraph.Build(Region(roads, [], []), TravelProfile.Walk(), new RoadGraphOptions(minIsland));

    [Fact]
    public void Build_SharedCoordinate_SplitsBothWays()
    {
        var g = Build([Road("a", "residential", (0, 0), (100, 0), (200, 0)), Road("b", "residential", (100, -100), (100, 0), (100, 100))]);
        Assert.Equal(5, g.VertexCount);
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal(400, g.Stats.LengthMeters, 6);
    }

    [Fact]
    public void Build_InteriorCoordinateNotShared_StaysInsideOneEdge()
    {
        var g = Build([Road("a", "residential", (0, 0), (30, 40), (60, 0))]);
        Assert.Equal(2, g.VertexCount);
        Assert.Equal(1, g.EdgeCount);
        Assert.Equal(100, g.Stats.LengthMeters, 6);
    }

    [Fact]
    public void Build_ExcludedRoad_NotInGraph()
    {
        var g = Build([Road("a", "residential", (0, 0), (100, 0)), Road("m", "motorway", (100, 0), (200, 0))]);
        Assert.Equal(1, g.EdgeCount);
        Assert.Equal(1, g.Stats.RoadsExcluded);
    }

    [Fact]
    public void Build_SmallIsland_RemovedAndReported()
    {
        var main = Road("main", "residential", [.. Enumerable.Range(0, 45).Select(i => (i * 10.0, 0.0))]);
        var island = Road("island", "residential", (0, 500), (50, 500), (100, 500));
        var g = Build([main, island], minIsland: 40);
        Assert.Equal(1, g.Stats.IslandsRemoved);
        Assert.Equal(100, g.Stats.IslandLengthMeters, 6);
        Assert.Equal(440, g.Stats.LengthMeters, 6);
    }

    [Fact]
    public void Build_PieceOfExactlyFortyVertices_Kept()
    {
        var main = Road("main", "residential", [.. Enumerable.Range(0, 45).Select(i => (i * 10.0, 0.0))]);
        var forty = Road("forty", "residential", [.. Enumerable.Range(0, 40).Select(i => (i * 10.0, 500.0))]);
        Assert.Equal(0, Build([main, forty], minIsland: 40).Stats.IslandsRemoved);
    }

    [Fact]
    public void Build_OnlySmallPieces_KeepsTheLargest()
    {
        var g = Build([Road("a", "residential", (0, 0), (100, 0), (200, 0)), Road("b", "residential", (0, 900), (10, 900))], minIsland: 40);
        Assert.Equal(200, g.Stats.LengthMeters, 6);
        Assert.Equal(1, g.Stats.IslandsRemoved);
    }
}
