using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class SitingSolverExactTests
{
    private static readonly double[] TotalOnly = [1, 0];
    private static readonly double[] ElderlyHeavy = [1, 2];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mclp_RandomInstance_ExactEqualsBruteForce(int seed)
    {
        var inst = new RandomInstance(seed, sites: 10, demand: 40, radius: 25, withRoles: seed % 2 == 0, withTownships: seed % 3 == 0);
        int p = 2 + (seed % 3);
        double? budget = seed % 4 == 0 ? 8 : null;
        var weights = seed % 5 == 0 ? ElderlyHeavy : TotalOnly;
        var expected = BruteForce.Optimum(inst, SitingModel.Mclp, p, weights, budget, floor: seed % 3 == 0);

        var result = SitingSolver.Solve(inst.Matrix(), Request(SitingModel.Mclp, p, weights, budget, seed % 3 == 0));

        AssertMatches(expected, result);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PMedian_RandomInstance_ExactEqualsBruteForce(int seed)
    {
        var inst = new RandomInstance(seed, sites: 9, demand: 30, radius: 30, withRoles: seed % 2 == 1);
        int p = 1 + (seed % 3);
        var expected = BruteForce.Optimum(inst, SitingModel.PMedian, p, TotalOnly, unreached: 1000);

        var result = SitingSolver.Solve(inst.Matrix(double.PositiveInfinity), Request(SitingModel.PMedian, p, TotalOnly) with { UnreachedCost = 1000 });

        AssertMatches(expected, result);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Lscp_RandomInstance_ExactEqualsBruteForce(int seed)
    {
        var inst = new RandomInstance(seed, sites: 10, demand: 40, radius: 30, withRoles: seed % 2 == 0, withTownships: seed % 4 == 1);
        double share = 0.6 + (0.1 * (seed % 5));
        int group = seed % 2;
        var expected = BruteForce.Optimum(inst, SitingModel.Lscp, 0, TotalOnly, floor: seed % 4 == 1, targetShare: share, targetGroup: group);

        var result = SitingSolver.Solve(inst.Matrix(), Request(SitingModel.Lscp, 0, TotalOnly, floor: seed % 4 == 1) with
        {
            TargetShare = share,
            TargetGroup = RandomInstance.Groups.Names[group],
        });

        AssertMatches(expected, result);
    }

    [Theory]
    [InlineData(SitingModel.Mclp, true)]
    [InlineData(SitingModel.Mclp, false)]
    [InlineData(SitingModel.PMedian, true)]
    [InlineData(SitingModel.PMedian, false)]
    [InlineData(SitingModel.Lscp, true)]
    public void Scip_WithoutLpPhase_EqualsBruteForce(SitingModel model, bool warmStart)
    {
        for (int seed = 300; seed < 308; seed++)
        {
            var inst = new RandomInstance(seed, sites: 9, demand: 35, radius: 25, withRoles: true);
            var expected = BruteForce.Optimum(inst, model, 3, TotalOnly, targetShare: 0.7, unreached: 1000);

            var result = SitingSolver.Solve(
                inst.Matrix(model == SitingModel.PMedian ? double.PositiveInfinity : null),
                Request(model, 3, TotalOnly) with { LpBoundFirst = false, WarmStart = warmStart, UnreachedCost = 1000, TargetShare = 0.7 });

            AssertMatches(expected, result);
            if (expected is not null)
            {
                Assert.StartsWith("SCIP", result.StatusText, StringComparison.Ordinal);
            }
        }
    }

    internal static SitingRequest Request(SitingModel model, int p, double[] weights, double? budget = null, bool floor = false)
    {
        Assert.True(GroupWeights.TryParse($"total={weights[0]},elderly={weights[1]}", RandomInstance.Groups, out var w, out _));
        return new SitingRequest { Model = model, P = p, Weights = w, Budget = budget, TownshipFloor = floor, RelativeGap = 0, TimeLimitSeconds = 30 };
    }

    private static void AssertMatches(double? expected, SitingResult result)
    {
        if (expected is null)
        {
            Assert.Equal(SitingStatus.Infeasible, result.Status);
            return;
        }

        Assert.True(result.Status == SitingStatus.Optimal, result.StatusText);
        Assert.Equal(SolveMethod.Exact, result.Method);
        Assert.Equal(expected.Value, result.Objective, 6);
        Assert.True(result.Gap <= 1e-6, $"gap {result.Gap}");
    }
}
