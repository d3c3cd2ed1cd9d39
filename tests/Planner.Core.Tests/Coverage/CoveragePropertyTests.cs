using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Synthetic;
using Xunit;

namespace Planner.Core.Tests.Coverage;

public class CoveragePropertyTests
{
    private static Region Synthetic(int seed) =>
        SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 1500, DemandPoints: 300, Stations: 6, Seed: seed));

    [Fact]
    public void Coverage_AddingStation_NeverLowersCoverage()
    {
        for (int seed = 1; seed <= 5; seed++)
        {
            var region = Synthetic(seed);
            var context = CoverageContext.Prepare(region);
            var options = new CoverageOptions { BuildCircles = false };
            double before = new CoverageCalculator(context, options).Compute().Groups["total"].Covered;
            var rng = new Random(seed);
            var extra = region.Demand[rng.Next(region.Demand.Length)];
            var more = region with { Stations = region.Stations.Add(new Station("extra", "extra", extra.Location, StationLevel.VillagePoint, StationStatus.Operating, 1, null)) };
            double after = new CoverageCalculator(CoverageContext.Prepare(more), options).Compute().Groups["total"].Covered;
            Assert.True(after >= before, $"seed {seed}: {after} < {before}");
        }
    }

    [Fact]
    public void Coverage_MoreMinutes_NeverLowersCoverage()
    {
        var context = CoverageContext.Prepare(Synthetic(11));
        double last = -1;
        foreach (double minutes in new[] { 1.0, 5, 10, 15, 20, 30, 60 })
        {
            var report = new CoverageCalculator(context, new CoverageOptions { Minutes = minutes, BuildCircles = false }).Compute();
            foreach (var g in report.Groups.Values)
            {
                Assert.True(g.Covered <= g.Population + 1e-9);
            }

            Assert.True(report.Groups["total"].Covered >= last, $"{minutes} min: {report.Groups["total"].Covered} < {last}");
            last = report.Groups["total"].Covered;
        }
    }

    [Fact]
    public void Catchments_AgreeWithNearestStationCoverage()
    {
        // Independent paths: a point is covered (multi-source search) exactly when some per-station bounded search reaches it.
        var region = Synthetic(21);
        var report = CoverageCalculator.Compute(region, new CoverageOptions { BuildCircles = false });
        int covered = report.Points.Count(p => p.Covered);
        Assert.All(report.Stations, s => Assert.True(s.SocialWorkers > 0));
        int inSomeCatchment = report.Points.Count(p => p.Accessibility > 0);
        Assert.Equal(covered, inSomeCatchment);
        Assert.True(report.Stations.Sum(s => s.Catchment["total"]) >= report.Groups["total"].Covered - 1e-6);
    }
}
