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

    [Theory]
    [InlineData(3, 15.0, true, false, null)]
    [InlineData(11, 10.0, true, true, null)]
    [InlineData(8, 15.0, false, false, null)]
    [InlineData(5, 0.0, true, false, "gb50180-15min")]
    [InlineData(13, 0.0, true, true, "gb50180-10min")]
    [InlineData(9, 0.0, false, false, "gb50180-15min")]
    public void RandomEdits_ReportEqualsFullRecompute(int seed, double minutes, bool roads, bool includePlanned, string? circle)
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 4000, DemandPoints: 1200, Stations: 10, Seed: seed));
        region = roads ? region : region with { Roads = [] };
        var options = new CoverageOptions { Minutes = circle is null ? minutes : 15, IncludePlanned = includePlanned, BuildCircles = false };

        // A GB 50180 circle: its distance cap and station levels apply to both engines.
        options = circle is null ? options : options.ForCircle(Planner.Core.Circles.LifeCircleCatalog.Builtin().Find(circle)!);
        var incremental = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        var random = new Random(seed);
        var bounds = region.Bounds;
        var stations = region.Stations.ToList();
        int added = 0;
        for (int i = 0; i < 40; i++)
        {
            // Moves, adds and removes, and now and then a list that differs in several stations at once.
            int edits = i % 7 == 6 ? 3 : 1;
            for (int e = 0; e < edits; e++)
            {
                var to = random.Next(2) == 0
                    ? region.Demand[random.Next(region.Demand.Length)].Location
                    : new GeoPoint(bounds.MinLon + (random.NextDouble() * (bounds.MaxLon - bounds.MinLon)), bounds.MinLat + (random.NextDouble() * (bounds.MaxLat - bounds.MinLat)));
                int kind = stations.Count == 0 ? 1 : random.Next(4);
                if (kind == 1)
                {
                    var status = random.Next(3) == 0 ? StationStatus.Planned : StationStatus.Operating;
                    stations.Insert(random.Next(stations.Count + 1), new Station($"new-{++added}", $"New {added}", to, StationLevel.VillagePoint, status, random.Next(0, 4), null));
                }
                else if (kind == 2)
                {
                    stations.RemoveAt(random.Next(stations.Count));
                }
                else
                {
                    int k = random.Next(stations.Count);
                    stations[k] = stations[k] with { Location = to, SocialWorkers = random.Next(0, 5) };
                }
            }

            int searches = incremental.SetStations(stations);
            var full = CoverageCalculator.Compute(region with { Stations = [.. stations] }, options);
            var report = incremental.Report();

            Assert.InRange(searches, 0, edits);
            Assert.Equal(CoverageWriters.ToJson(full), CoverageWriters.ToJson(report));
            Assert.Equal(full.Gaps.Select(g => g.Outline!.AsText()), report.Gaps.Select(g => g.Outline!.AsText()));
            Assert.Equal(full.Stations.Select(s => s.Id), incremental.StationIds);
        }
    }

    [Fact]
    public void AddAndRemoveStation_ReturnToTheStartingFigures()
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 4000, DemandPoints: 1200, Stations: 10, Seed: 5));
        var options = new CoverageOptions { BuildCircles = false };
        var incremental = new IncrementalCoverage(CoverageContext.Prepare(region, options), options);
        string before = CoverageWriters.ToJson(incremental.Report());
        var extra = new Station("extra", "Extra", region.Demand[0].Location, StationLevel.VillagePoint, StationStatus.Operating, 2, null);

        Assert.True(incremental.AddStation(extra));
        var withExtra = CoverageCalculator.Compute(region with { Stations = region.Stations.Add(extra) }, options);
        Assert.Equal(CoverageWriters.ToJson(withExtra), CoverageWriters.ToJson(incremental.Report()));
        Assert.Throws<ArgumentException>(() => incremental.AddStation(extra));
        Assert.False(incremental.AddStation(extra with { Id = "planned", Status = StationStatus.Planned }));

        Assert.True(incremental.RemoveStation("extra"));
        Assert.False(incremental.RemoveStation("extra"));
        Assert.Equal(before, CoverageWriters.ToJson(incremental.Report()));
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
