using CsCheck;
using Planner.Core.Visits;

namespace Planner.Core.Tests.Visits;

public class RoutingSolverTests
{
    private static List<int>[] Solve(RoutingInstance instance, double seconds = 0.5) =>
        RoutingSolver.Improve(instance, NearestNeighbourPlanner.Plan(instance), TimeSpan.FromSeconds(seconds), CancellationToken.None);

    [Theory]
    [InlineData(1, 6, 1, 1)]
    [InlineData(2, 6, 1, 1)]
    [InlineData(3, 7, 1, 1)]
    [InlineData(4, 5, 1, 2)]
    [InlineData(5, 5, 2, 1)]
    [InlineData(6, 5, 1, 2)]
    public void Improve_SmallInstance_MatchesBruteForceOverEveryOrder(int seed, int visits, int workers, int days)
    {
        var instance = SmallInstances.Random(seed, visits, workers, days);
        var exact = SmallInstances.BruteForce(instance);

        var routes = Solve(instance);

        Assert.True(instance.IsFeasible(routes));
        Assert.Equal(exact, SmallInstances.Score(instance, routes));
    }

    [Fact]
    public void Improve_TightDay_DropsOnlyWhatCannotFitAndMatchesBruteForce()
    {
        // A 3-hour working day for 6 visits of 20-90 minutes up to an hour away: some must be left out.
        var instance = SmallInstances.Random(11, 6, 1, 1, radiusSeconds: 1800, span: 4 * 3600, work: 3 * 3600);
        var exact = SmallInstances.BruteForce(instance);

        var routes = Solve(instance);

        Assert.True(exact.Visits < 6);
        Assert.Equal(exact, SmallInstances.Score(instance, routes));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Improve_NeverWorseThanNearestNeighbour(int seed)
    {
        var instance = SmallInstances.Random(seed, 30, 2, 5);
        var warm = NearestNeighbourPlanner.Plan(instance);
        var nn = SmallInstances.Score(instance, warm);

        var routes = RoutingSolver.Improve(instance, NearestNeighbourPlanner.Plan(instance), TimeSpan.FromSeconds(0.5), CancellationToken.None);
        var found = SmallInstances.Score(instance, routes);

        Assert.True(instance.IsFeasible(warm));
        Assert.True(instance.IsFeasible(routes));
        Assert.True(found.Visits > nn.Visits || (found.Visits == nn.Visits && found.Travel <= nn.Travel), $"nn {nn}, found {found}");
    }

    [Fact]
    public void Improve_AddingAWorker_NeverIncreasesUnmetVisits()
    {
        // Few cases (each solve has a time limit), each small enough that the search settles on the fewest drops.
        Gen.Select(Gen.Int[1, 10_000], Gen.Int[3, 7], Gen.Int[1, 2])
            .Sample((seed, visits, days) =>
            {
                var one = SmallInstances.Random(seed, visits, 1, days, radiusSeconds: 2400, span: 4 * 3600, work: 3 * 3600);
                var two = SmallInstances.WithWorker(one);
                int unmetOne = visits - SmallInstances.Score(one, Solve(one, 0.2)).Visits;
                int unmetTwo = visits - SmallInstances.Score(two, Solve(two, 0.2)).Visits;
                return unmetTwo <= unmetOne;
            }, iter: 8, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void TravelLowerBound_NeverAboveTheExactTravel()
    {
        for (int seed = 30; seed < 36; seed++)
        {
            var instance = SmallInstances.Random(seed, 5, 1, 1, windows: false);
            var routes = Solve(instance);
            var made = routes.SelectMany(r => r).ToList();
            var exact = SmallInstances.BruteForce(instance);

            Assert.True(instance.TravelLowerBound(made) <= exact.Travel, $"seed {seed}");
        }
    }
}
