using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Synthetic;

namespace Planner.Api.Tests;

/// <summary>The what-if engine cache: bounded, keyed by region version and query, and exact after an eviction.</summary>
public sealed class WhatIfCoverageCacheTests
{
    private static readonly Planner.Core.Model.Region Region =
        SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 1500, DemandPoints: 600, Stations: 6, Seed: 12));

    private static CoverageQuery Query(double minutes) => new(minutes, "walk", null, false);

    private static string Full(Planner.Core.Model.Region region, CoverageQuery query) =>
        CoverageWriters.ToJson(CoverageCalculator.Compute(region, query.ToOptions() with { BuildCircles = false }));

    [Fact]
    public void Compute_MoreQueriesThanCapacity_KeepsTheMostRecent_AndAnEvictedQueryIsRebuiltExactly()
    {
        var cache = new WhatIfCoverageCache(2);
        var region = new CatalogRegion("synth", Region, 1);
        var moved = Region.Stations.SetItem(0, Region.Stations[0] with { Location = Region.Demand[3].Location });

        foreach (double minutes in new[] { 10.0, 12, 15 })
        {
            cache.Compute(region, Query(minutes), Region.Stations);
        }

        var again = cache.Compute(region, Query(10), moved);

        Assert.Equal(2, cache.Count);
        Assert.Equal(Full(Region with { Stations = moved }, Query(10)), CoverageWriters.ToJson(again));
    }

    [Fact]
    public void Compute_NewRegionVersion_UsesANewEngineOverTheNewRegion()
    {
        var cache = new WhatIfCoverageCache(4);
        var fewer = Region with { Demand = Region.Demand.RemoveRange(0, 100) };
        cache.Compute(new CatalogRegion("synth", Region, 1), Query(15), Region.Stations);

        var second = cache.Compute(new CatalogRegion("synth", fewer, 2), Query(15), Region.Stations);

        Assert.Equal(2, cache.Count);
        Assert.Equal(Full(fewer, Query(15)), CoverageWriters.ToJson(second));
    }
}
