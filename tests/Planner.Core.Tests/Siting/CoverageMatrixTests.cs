using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class CoverageMatrixTests
{
    private static readonly PopulationGroups Groups = new(["total", "elderly"]);

    [Fact]
    public void FromLongFormat_DuplicatePairs_KeepsSmallerCostAndSplitsByRadius()
    {
        var demand = new[] { new SitingDemand("a", [10, 1]), new SitingDemand("b", [20, 2]) };
        var sites = new[] { new SitingSite("s1"), new SitingSite("s2") };
        var rows = new[] { new CostRow("a", "s1", 9), new CostRow("a", "s1", 4), new CostRow("b", "s1", 6), new CostRow("b", "s2", 30) };

        var m = CoverageMatrix.FromLongFormat(Groups, demand, sites, rows, radius: 5, maxCost: 10);

        Assert.Equal([0, 1], m.DemandsOf(0).ToArray());
        Assert.Equal([4.0, 6.0], m.CostsOf(0).ToArray());
        Assert.Equal([0], m.CoveredBy(0).ToArray());
        Assert.Empty(m.DemandsOf(1).ToArray());
        Assert.Equal([0], m.SitesCovering(0).ToArray());
    }

    [Fact]
    public void FromLongFormat_UnknownSite_ThrowsNamingRow()
    {
        var demand = new[] { new SitingDemand("a", [1, 0]) };
        var e = Assert.Throws<ArgumentException>(() =>
            CoverageMatrix.FromLongFormat(Groups, demand, [new SitingSite("s1")], [new CostRow("a", "nope", 1)], 5));
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_TotalAndElderly_SumOfWeightTimesCount()
    {
        var m = new CoverageMatrix(Groups, [new SitingDemand("a", [10, 4])], [new SitingSite("s")], [], 5);
        Assert.True(GroupWeights.TryParse("total=1,elderly=2.5", Groups, out var w, out _));

        Assert.Equal(20, m.Weights(w!)[0]);
    }

    [Theory]
    [InlineData("total=1,unknown=2", "unknown group 'unknown'")]
    [InlineData("total", "'total' is not group=weight")]
    [InlineData("total=-1", "not a number >= 0")]
    [InlineData("total=1,total=2", "given twice")]
    public void GroupWeights_BadText_ExplainsWhy(string text, string reason)
    {
        Assert.False(GroupWeights.TryParse(text, Groups, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void StraightLine_OneDegreeOfLatitude_Is111195Meters()
    {
        // Mean Earth radius 6,371,008.8 m: one degree of arc is 111,195.08 m.
        double d = StraightLineTravelTimes.DistanceMeters(new GeoPoint(117, 28), new GeoPoint(117, 29));
        Assert.Equal(111_195.08, d, 0.01);

        // 4.5 km/h with circuity 1.2: 1 km straight = 1.2 km = 16 minutes.
        var t = new StraightLineTravelTimes(4.5, 1.2);
        Assert.Equal(16, t.Minutes(new GeoPoint(117, 28), new GeoPoint(117, 28 + (1000 / 111_195.08))), 6);
    }

    [Fact]
    public void Constructor_NegativeCost_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CoverageMatrix(Groups, [new SitingDemand("a", ImmutableArray.Create(1.0, 0))], [new SitingSite("s")], [(0, 0, -1.0)], 5));
    }
}
