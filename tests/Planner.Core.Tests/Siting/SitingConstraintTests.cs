using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class SitingConstraintTests
{
    private static readonly double[] TotalOnly = [1, 0];

    public static TheoryData<int, bool> Cases() => new() { { 3, false }, { 3, true }, { 8, false }, { 8, true }, { 12, false }, { 12, true } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mclp_Roles_ExistingKeptForcedOpenedExcludedClosed(int seed, bool heuristicOnly)
    {
        var inst = new RandomInstance(seed, sites: 10, demand: 60, radius: 25, withRoles: true);
        var matrix = inst.Matrix();

        var result = SitingSolver.Solve(matrix, SitingSolverExactTests.Request(SitingModel.Mclp, 3, TotalOnly) with { HeuristicOnly = heuristicOnly });

        var chosen = result.Sites.Select(s => matrix.Sites[s.Index]).ToList();
        Assert.DoesNotContain(chosen, s => s.Role is SiteRole.Existing or SiteRole.Excluded);
        Assert.All(matrix.Sites.Where(s => s.Role == SiteRole.Forced), f => Assert.Contains(f, chosen));
        Assert.True(result.Sites.Length <= 3);
        for (int g = 0; g < result.Before.Length; g++)
        {
            Assert.True(result.After[g].Covered >= result.Before[g].Covered);
        }
    }

    [Fact]
    public void Mclp_ExistingStations_NeverMovedAndCountedCovered()
    {
        var inst = new RandomInstance(21, sites: 8, demand: 50, radius: 25);
        inst.Roles[0] = SiteRole.Existing;
        inst.Roles[5] = SiteRole.Existing;
        var matrix = inst.Matrix();
        var before = SitingSolver.Evaluate(matrix, SitingSolverExactTests.Request(SitingModel.Mclp, 0, TotalOnly), []);

        var result = SitingSolver.Solve(matrix, SitingSolverExactTests.Request(SitingModel.Mclp, 2, TotalOnly));

        Assert.DoesNotContain(result.Sites, s => s.Id is "s00" or "s05");
        Assert.Equal(before, result.Before[0].Covered, 6);
        Assert.True(result.Objective >= before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mclp_Budget_TotalCostWithinBudget(bool heuristicOnly)
    {
        var inst = new RandomInstance(33, sites: 12, demand: 80, radius: 20);
        var matrix = inst.Matrix();

        var result = SitingSolver.Solve(matrix, SitingSolverExactTests.Request(SitingModel.Mclp, 6, TotalOnly, budget: 7) with { HeuristicOnly = heuristicOnly });

        Assert.NotEqual(SitingStatus.Infeasible, result.Status);
        Assert.True(result.Sites.Sum(s => matrix.Sites[s.Index].Cost) <= 7);
    }

    [Fact]
    public void Mclp_TownshipFloor_EveryTownshipHasASite()
    {
        var inst = new RandomInstance(44, sites: 12, demand: 80, radius: 20, withTownships: true);
        var matrix = inst.Matrix();

        var result = SitingSolver.Solve(matrix, SitingSolverExactTests.Request(SitingModel.Mclp, 3, TotalOnly, floor: true));

        Assert.Equal(["T0", "T1", "T2"], result.Sites.Select(s => matrix.Sites[s.Index].TownshipCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mclp_TownshipFloorNeedsMoreThanP_ReportedInfeasible()
    {
        var inst = new RandomInstance(45, sites: 12, demand: 80, radius: 20, withTownships: true);

        var exact = SitingSolver.Solve(inst.Matrix(), SitingSolverExactTests.Request(SitingModel.Mclp, 2, TotalOnly, floor: true));
        var heuristic = SitingSolver.Solve(inst.Matrix(), SitingSolverExactTests.Request(SitingModel.Mclp, 2, TotalOnly, floor: true) with { HeuristicOnly = true });

        Assert.Equal(SitingStatus.Infeasible, exact.Status);
        Assert.Equal(SitingStatus.Infeasible, heuristic.Status);
        Assert.Empty(exact.Sites);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lscp_TargetAboveReachable_ReportedInfeasibleQuickly(bool heuristicOnly)
    {
        // Radius 5 on a 100 x 100 square: a few sites cannot reach everyone.
        var inst = new RandomInstance(55, sites: 10, demand: 200, radius: 5);

        var result = SitingSolver.Solve(inst.Matrix(), SitingSolverExactTests.Request(SitingModel.Lscp, 0, TotalOnly) with
        {
            TargetShare = 0.95,
            HeuristicOnly = heuristicOnly,
        });

        Assert.Equal(SitingStatus.Infeasible, result.Status);
        Assert.Contains("below the target", result.StatusText, StringComparison.Ordinal);
        Assert.True(result.Seconds < 5);
        Assert.True(double.IsNaN(result.Objective));
    }

    [Fact]
    public void Lscp_FullTarget_EveryReachableCovered()
    {
        var inst = new RandomInstance(56, sites: 15, demand: 60, radius: 200);

        var result = SitingSolver.Solve(inst.Matrix(), SitingSolverExactTests.Request(SitingModel.Lscp, 0, TotalOnly));

        Assert.Equal(SitingStatus.Optimal, result.Status);
        Assert.Equal(1, result.Objective);
        Assert.Equal(0, result.UncoveredDemand);
    }

    [Fact]
    public void Mclp_Gains_SumToCoverageRise()
    {
        var inst = new RandomInstance(66, sites: 12, demand: 100, radius: 15);

        var result = SitingSolver.Solve(inst.Matrix(), SitingSolverExactTests.Request(SitingModel.Mclp, 3, TotalOnly));

        // Gains are marginal: their sum never exceeds the rise, and equals it when no two new sites overlap.
        for (int g = 0; g < 2; g++)
        {
            double rise = result.After[g].Covered - result.Before[g].Covered;
            Assert.True(result.Sites.Sum(s => s.Gain[g]) <= rise + 1e-9);
        }

        Assert.All(result.Sites, s => Assert.True(s.Gain[0] > 0));
    }
}
