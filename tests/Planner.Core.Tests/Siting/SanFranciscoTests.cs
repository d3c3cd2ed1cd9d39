using System.Collections.Immutable;
using System.Globalization;
using Planner.Core.Model;
using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

/// <summary>spopt's published MCLP check on its San Francisco network-distance matrix (R = 5000 m, p = 4: 21 of 205 tracts uncovered).</summary>
public sealed class SanFranciscoTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "spopt-sf");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mclp_SpoptSanFrancisco_Leaves21Of205TractsUncovered(bool heuristicOnly)
    {
        var matrix = LoadSpopt(radius: 5000);

        var result = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = 4, HeuristicOnly = heuristicOnly, RelativeGap = 0 });

        Assert.Equal(205, matrix.Demand.Length);
        Assert.Equal(16, matrix.Sites.Length);
        Assert.Equal(4, result.Sites.Length);
        Assert.Equal(21, result.UncoveredDemand);
        Assert.Equal(89.756, 100.0 * (205 - result.UncoveredDemand) / 205, 3);
        if (!heuristicOnly)
        {
            Assert.Equal(SitingStatus.Optimal, result.Status);
        }
    }

    [Fact]
    public void Lscp_SpoptSanFrancisco_MatchesBruteForceOverSubsets()
    {
        var matrix = LoadSpopt(radius: 5000);

        var result = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Lscp, TargetShare = 0.9, RelativeGap = 0 });

        // Independent check: the smallest k for which some k-subset covers 90 % of the people.
        double total = matrix.Demand.Sum(d => d.Counts[0]);
        int expected = Enumerable.Range(1, 16).First(k => Subsets(16, k).Any(s => CoveredPeople(matrix, s) >= 0.9 * total));
        Assert.Equal(expected, result.Objective);
    }

    /// <summary>Adapter from spopt's long format: distance, name (site), DestinationName (tract), demand.</summary>
    internal static CoverageMatrix LoadSpopt(double radius)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "SF_network_distance_candidateStore_16_censusTract_205_new.csv")).Skip(1)
            .Select(l => l.Split(',')).ToList();
        var demand = lines.Select(f => (Id: f[2], People: double.Parse(f[3], CultureInfo.InvariantCulture))).DistinctBy(d => d.Id)
            .Select(d => new SitingDemand(d.Id, ImmutableArray.Create(d.People))).ToList();
        var sites = lines.Select(f => f[1]).Distinct().Select(id => new SitingSite(id)).ToList();
        var rows = lines.Select(f => new CostRow(f[2], f[1], double.Parse(f[0], CultureInfo.InvariantCulture)));
        return CoverageMatrix.FromLongFormat(new PopulationGroups(["total"]), demand, sites, rows, radius);
    }

    private static double CoveredPeople(CoverageMatrix m, int[] open)
    {
        var covered = new HashSet<int>();
        foreach (int j in open)
        {
            covered.UnionWith(m.CoveredBy(j).ToArray());
        }

        return covered.Sum(i => m.Demand[i].Counts[0]);
    }

    private static IEnumerable<int[]> Subsets(int n, int k) =>
        k == 0 ? [[]] : Enumerable.Range(0, n).SelectMany(first => Subsets(n, k - 1).Where(r => r.Length == 0 || r[0] > first).Select(r => (int[])[first, .. r]));
}
