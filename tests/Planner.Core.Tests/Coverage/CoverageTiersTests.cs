using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.Synthetic;

namespace Planner.Core.Tests.Coverage;

/// <summary>Tiers computed together share their searches (TierSearches) and must equal each tier computed on its own.</summary>
public class CoverageTiersTests
{
    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    [Theory]
    [InlineData(3000, 4000, 12, 7)]
    [InlineData(6000, 2500, 40, 11)]
    [InlineData(1500, 300, 6, 3)]
    public void Compute_ThreeTiersTogether_EqualsEachTierAlone(int edges, int points, int stations, int seed)
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(edges, points, stations, Seed: seed));
        var context = CoverageContext.Prepare(region);
        CoverageOptions[] tiers =
        [
            .. new[] { "gb50180-5min", "gb50180-10min", "gb50180-15min", "county-rural-ebike-15min" }
                .Select(id => new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Find(id)!)),
            new CoverageOptions { BuildCircles = false, Minutes = 12 },
            new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Find("gb50180-15min")!, noCap: true),
        ];

        var together = CoverageTiers.Compute(context, tiers);

        for (int i = 0; i < tiers.Length; i++)
        {
            var alone = CoverageCalculator.Compute(region, tiers[i]);
            Assert.Equal(CoverageWriters.ToJson(alone), CoverageWriters.ToJson(together[i]));
            Assert.Equal(CoverageWriters.PointsCsv(alone), CoverageWriters.PointsCsv(together[i]));
        }
    }

    [Fact]
    public void Compute_Tiers_AreMonotoneForTheSameStations()
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(3000, 4000, 12, Seed: 5));
        var levels = Catalog.Find("gb50180-5min")!.StationLevels;
        CoverageOptions Tier(string id) => new CoverageOptions { BuildCircles = false }.ForCircle(Catalog.Find(id)! with { StationLevels = levels });
        var reports = CoverageTiers.Compute(region, [Tier("gb50180-5min"), Tier("gb50180-10min"), Tier("gb50180-15min")]);

        var covered = reports.Select(r => r.Points.Where(p => p.Covered).Select(p => p.Id).ToHashSet()).ToList();
        Assert.Subset(covered[1], covered[0]);
        Assert.Subset(covered[2], covered[1]);
        Assert.True(covered[2].Count > covered[0].Count);
    }
}
