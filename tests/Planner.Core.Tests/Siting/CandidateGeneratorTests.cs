using Planner.Core.Model;
using Planner.Core.Network;
using Planner.Core.Siting;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Siting;

public sealed class CandidateGeneratorTests
{
    [Fact]
    public void Generate_UnitCentresAndOneIntersectionPerGridCell()
    {
        // Two crossings: a street along y = 0 (x 0..2000) crossed by streets at x = 500 and x = 1500. A 1,000 m grid
        // puts them in different cells; a 10 km grid keeps only the one nearer the cell centre.
        var roads = new[]
        {
            Road("h", "residential", (0, 0), (500, 0), (1500, 0), (2000, 0)),
            Road("v1", "residential", (500, -400), (500, 0), (500, 400)),
            Road("v2", "residential", (1500, -400), (1500, 0), (1500, 400)),
        };
        var units = new[]
        {
            new AdminUnit("360681001", "T", AdminLevel.Township, "360681", Box(-100, -500, 2100, 500)),
            new AdminUnit("360681001001", "V1", AdminLevel.Village, "360681001", Box(-100, -500, 1000, 500)),
            new AdminUnit("360681001002", "V2", AdminLevel.Village, "360681001", Box(1000, -500, 2100, 500)),
        };
        var region = Region(roads, [], [], units);
        var graph = RoadGraph.Build(region, TravelProfile.Walk(), new RoadGraphOptions(0));

        var fine = CandidateGenerator.Generate(region, graph, 1000);
        Assert.Equal(2, fine.Count(c => c.Id.StartsWith("unit:", StringComparison.Ordinal)));
        Assert.Equal(["unit:360681001001", "unit:360681001002"], fine.Where(c => c.Id.StartsWith("unit:", StringComparison.Ordinal)).Select(c => c.Id));
        var crossings = fine.Where(c => c.Id.StartsWith("x:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, crossings.Count);
        var expected = new[] { At(500, 0), At(1500, 0) };
        Assert.All(crossings, c => Assert.Contains(expected, e => StraightLineTravelTimes.DistanceMeters(e, c.Location) < 0.5));
        Assert.Equal(fine.Select(c => c.Id), CandidateGenerator.Generate(region, graph, 1000).Select(c => c.Id));

        Assert.Single(CandidateGenerator.Generate(region, graph, 100_000), c => c.Id.StartsWith("x:", StringComparison.Ordinal));
        Assert.Equal(2, CandidateGenerator.Generate(region, null, 1000).Length);
        Assert.DoesNotContain(fine, c => c.Id.StartsWith("pb:", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_EveryPublicBuildingIsACandidateAtItsLocation()
    {
        var unit = new AdminUnit("360681001001", "V1", AdminLevel.Village, null, Box(-100, -500, 1000, 500));
        var region = Region([Road("h", "residential", (0, 0), (2000, 0))], [], [], [unit]) with
        {
            PublicBuildings =
            [
                new PublicBuilding("osm:way:1256740917", "贵溪市第九中学", "school", At(300, 120), "osm"),
                new PublicBuilding("b2", "东门街道办事处", "townhall", At(900, -80)),
            ],
        };
        var graph = RoadGraph.Build(region, TravelProfile.Walk(), new RoadGraphOptions(0));

        var candidates = CandidateGenerator.Generate(region, graph, 500);

        // Ordered by id: pb: before unit: before x: (a straight road has no intersection, so no x: here).
        Assert.Equal(["pb:b2", "pb:osm:way:1256740917", "unit:360681001001"], candidates.Select(c => c.Id));
        Assert.Equal(new Candidate("pb:osm:way:1256740917", "贵溪市第九中学（school）", At(300, 120), 1), candidates[1]);
        Assert.Equal(new Candidate("pb:b2", "东门街道办事处（townhall）", At(900, -80), 1), candidates[0]);
        Assert.Equal(2, CandidateGenerator.Generate(region, null, 500).Count(c => c.Id.StartsWith("pb:", StringComparison.Ordinal)));
    }
}
