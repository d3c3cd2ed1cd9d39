using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Synthetic;
using Xunit;

namespace Planner.Core.Tests.Scenarios;

public class IncrementalCoverageTests
{
    [Theory]
    [InlineData(3, 15.0, true)]
    [InlineData(17, 10.0, true)]
    [InlineData(8, 15.0, false)]
    public void MovingStations_MatchesFullRecompute(int seed, double minutes, bool roads)
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 4000, DemandPoints: 1200, Stations: 10, Seed: seed));
        region = roads ? region : region with { Roads = [] };
        var options = new CoverageOptions { Minutes = minutes, BuildCircles = false };
        var incremental = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        var random = new Random(seed);
        var bounds = region.Bounds;
        var ids = incremental.StationIds;
        var stations = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        int moves = 30;
        for (int i = 0; i < moves; i++)
        {
            string id = ids[random.Next(ids.Count)];

            // Half the moves go next to a demand point (likely to change coverage), half anywhere in the bounds.
            var to = i % 2 == 0
                ? region.Demand[random.Next(region.Demand.Length)].Location
                : new GeoPoint(bounds.MinLon + (random.NextDouble() * (bounds.MaxLon - bounds.MinLon)), bounds.MinLat + (random.NextDouble() * (bounds.MaxLat - bounds.MinLat)));
            incremental.MoveStation(id, to);
            stations[id] = stations[id] with { Location = to };

            var moved = region with { Stations = [.. region.Stations.Select(s => stations[s.Id])] };
            var full = CoverageCalculator.Compute(moved, options);
            AssertSame(full.Groups, incremental.RegionGroups(), $"move {i + 1} region");
            var units = incremental.UnitGroups();
            for (int u = 0; u < full.Units.Count; u++)
            {
                AssertSame(full.Units[u].Groups, units[u], $"move {i + 1} unit {full.Units[u].Code}");
            }

            foreach (var s in full.Stations)
            {
                var catchment = incremental.Catchment(s.Id);
                foreach (var (g, people) in s.Catchment)
                {
                    Assert.True(Math.Abs(people - catchment[g]) < 1e-6, $"move {i + 1} station {s.Id} {g}: {people} vs {catchment[g]}");
                }
            }

            for (int p = 0; p < full.Points.Count; p++)
            {
                var point = full.Points[p];
                bool covered = incremental.BestSeconds(p) <= minutes * 60;
                Assert.True(point.Covered == covered, $"move {i + 1} point {point.Id}: full {point.Covered}, incremental {covered}");
            }
        }
    }

    [Fact]
    public void MovingStation_TouchesOnlyItsOldAndNewCatchments()
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 4000, DemandPoints: 1200, Stations: 10, Seed: 5));
        var options = new CoverageOptions { BuildCircles = false };
        var incremental = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        incremental.MoveStation(incremental.StationIds[0], region.Demand[0].Location);
        Assert.InRange(incremental.LastTouchedPoints, 1, region.Demand.Length / 2);
        Assert.Throws<KeyNotFoundException>(() => incremental.MoveStation("nope", region.Demand[0].Location));
    }

    private static void AssertSame(IReadOnlyDictionary<string, GroupCoverage> expected, IReadOnlyDictionary<string, GroupCoverage> actual, string where)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (g, e) in expected)
        {
            var a = actual[g];
            Assert.True(Math.Abs(e.Population - a.Population) < 1e-6 && Math.Abs(e.Covered - a.Covered) < 1e-6 && Math.Abs(e.Share - a.Share) < 1e-6,
                $"{where} {g}: full {e}, incremental {a}");
        }
    }
}
