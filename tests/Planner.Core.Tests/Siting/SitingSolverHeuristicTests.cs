using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class SitingSolverHeuristicTests
{
    private static readonly double[] TotalOnly = [1, 0];

    [Fact]
    public void MclpHeuristic_RandomInstances_NeverBeatsBoundAndWithinOnePercent()
    {
        for (int seed = 100; seed < 160; seed++)
        {
            var inst = new RandomInstance(seed, sites: 30, demand: 300, radius: 15);
            var matrix = inst.Matrix();
            var request = SitingSolverExactTests.Request(SitingModel.Mclp, 5, TotalOnly);
            var exact = SitingSolver.Solve(matrix, request);
            var heuristic = SitingSolver.Solve(matrix, request with { HeuristicOnly = true });

            Assert.Equal(SitingStatus.Optimal, exact.Status);
            Assert.True(heuristic.Objective <= exact.Bound + 1e-6, $"seed {seed}: heuristic {heuristic.Objective} beats bound {exact.Bound}");
            Assert.True(heuristic.Objective >= 0.99 * exact.Objective, $"seed {seed}: heuristic {heuristic.Objective} vs optimum {exact.Objective}");
            Assert.True(heuristic.Bound >= exact.Objective - 1e-6, $"seed {seed}: heuristic bound {heuristic.Bound} below optimum {exact.Objective}");
        }
    }

    [Fact]
    public void PMedianHeuristic_RandomInstances_NeverBeatsBoundAndWithinOnePercent()
    {
        for (int seed = 200; seed < 230; seed++)
        {
            var inst = new RandomInstance(seed, sites: 20, demand: 120, radius: 20);
            var matrix = inst.Matrix(double.PositiveInfinity);
            var request = SitingSolverExactTests.Request(SitingModel.PMedian, 4, TotalOnly);
            var exact = SitingSolver.Solve(matrix, request);
            var heuristic = SitingSolver.Solve(matrix, request with { HeuristicOnly = true });

            Assert.Equal(SitingStatus.Optimal, exact.Status);
            Assert.True(heuristic.Objective >= exact.Bound - 1e-6, $"seed {seed}: heuristic {heuristic.Objective} beats bound {exact.Bound}");
            Assert.True(heuristic.Objective <= 1.01 * exact.Objective, $"seed {seed}: heuristic {heuristic.Objective} vs optimum {exact.Objective}");
            Assert.True(heuristic.Bound <= exact.Objective + 1e-6, $"seed {seed}: heuristic bound {heuristic.Bound} above optimum {exact.Objective}");
        }
    }

    [Fact]
    public void LscpHeuristic_RandomInstances_BoundBelowOptimumAndAnswerFeasible()
    {
        for (int seed = 400; seed < 430; seed++)
        {
            var inst = new RandomInstance(seed, sites: 25, demand: 150, radius: 25);
            var matrix = inst.Matrix();
            var request = SitingSolverExactTests.Request(SitingModel.Lscp, 0, TotalOnly) with { TargetShare = 0.8 };
            var exact = SitingSolver.Solve(matrix, request);
            var heuristic = SitingSolver.Solve(matrix, request with { HeuristicOnly = true });

            Assert.Equal(exact.Status == SitingStatus.Infeasible, heuristic.Status == SitingStatus.Infeasible);
            if (exact.Status == SitingStatus.Infeasible)
            {
                continue;
            }

            Assert.True(heuristic.Objective >= exact.Objective, $"seed {seed}");
            Assert.True(heuristic.Bound <= exact.Objective, $"seed {seed}: bound {heuristic.Bound} above optimum {exact.Objective}");
            Assert.True(heuristic.After[0].Share >= 0.8 - 1e-9, $"seed {seed}");
        }
    }

    [Fact]
    public void MclpHeuristic_SameInput_SameAnswer()
    {
        var inst = new RandomInstance(7, sites: 40, demand: 200, radius: 20);
        var request = SitingSolverExactTests.Request(SitingModel.Mclp, 6, TotalOnly) with { HeuristicOnly = true };

        var first = SitingSolver.Solve(inst.Matrix(), request);
        var second = SitingSolver.Solve(inst.Matrix(), request);

        Assert.Equal(first.Sites.Select(s => s.Id), second.Sites.Select(s => s.Id));
    }

    [Fact]
    public void MclpHeuristic_TiedSites_ChoosesLowestIdOrdinal()
    {
        var groups = RandomInstance.Groups;
        var demand = new[] { new SitingDemand("a", [10, 0]), new SitingDemand("b", [10, 0]) };
        var sites = new[] { new SitingSite("z"), new SitingSite("m"), new SitingSite("b") };
        var matrix = new CoverageMatrix(groups, demand, sites, [(0, 0, 1.0), (1, 0, 1.0), (2, 0, 1.0)], radius: 5);

        var result = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = 1, HeuristicOnly = true });

        Assert.Equal("b", Assert.Single(result.Sites).Id);
    }
}
