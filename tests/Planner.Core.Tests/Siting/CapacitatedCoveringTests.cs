using System.Collections.Immutable;
using Planner.Core.Siting;
using Xunit;

namespace Planner.Core.Tests.Siting;

public sealed class CapacitatedCoveringTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CapacitatedMclp_RandomInstance_ExactEqualsBruteForceMaxFlow(int seed)
    {
        var inst = new RandomInstance(seed, sites: 8, demand: 25, radius: 30);
        var rng = new Random(seed);
        var capacity = Enumerable.Range(0, inst.SiteCount).Select(_ => (double)rng.Next(50, 400)).ToArray();
        var matrix = Build(inst, capacity);
        int p = 2 + (seed % 2);

        var exact = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = p, RelativeGap = 0 });
        var heuristic = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = p, HeuristicOnly = true });

        double expected = BruteForce(inst, capacity, p);
        Assert.Equal(SitingStatus.Optimal, exact.Status);
        Assert.Equal(expected, exact.Objective, 6);
        Assert.True(heuristic.Objective <= exact.Bound + 1e-6);
        Assert.True(heuristic.Bound >= exact.Objective - 1e-6);
    }

    private static CoverageMatrix Build(RandomInstance inst, double[] capacity) => CoverageMatrix.FromDense(
        RandomInstance.Groups,
        [.. Enumerable.Range(0, inst.DemandCount).Select(i => new SitingDemand($"d{i:00}", ImmutableArray.Create(inst.Counts[i, 0], inst.Counts[i, 1])))],
        [.. Enumerable.Range(0, inst.SiteCount).Select(j => new SitingSite($"s{j:00}", CapacityPeople: capacity[j]))],
        inst.Costs,
        inst.Radius);

    /// <summary>Best over subsets of at most p sites of the max flow items -> covering open sites -> sink (capacity).</summary>
    private static double BruteForce(RandomInstance inst, double[] capacity, int p)
    {
        double best = 0;
        for (int mask = 0; mask < 1 << inst.SiteCount; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) <= p)
            {
                best = Math.Max(best, MaxFlow(inst, capacity, mask));
            }
        }

        return best;
    }

    private static double MaxFlow(RandomInstance inst, double[] capacity, int mask)
    {
        // Nodes: 0 source, 1..D items, D+1..D+S sites, D+S+1 sink. Edmonds-Karp on a dense residual matrix.
        int d = inst.DemandCount, s = inst.SiteCount, n = d + s + 2, sink = n - 1;
        var r = new double[n, n];
        for (int i = 0; i < d; i++)
        {
            r[0, 1 + i] = inst.Counts[i, 0];
            for (int j = 0; j < s; j++)
            {
                if ((mask >> j & 1) == 1 && inst.Costs[i, j] <= inst.Radius)
                {
                    r[1 + i, 1 + d + j] = double.PositiveInfinity;
                }
            }
        }

        for (int j = 0; j < s; j++)
        {
            r[1 + d + j, sink] = capacity[j];
        }

        double flow = 0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, n).ToArray();
            parent[0] = 0;
            var queue = new Queue<int>([0]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                int u = queue.Dequeue();
                for (int v = 0; v < n; v++)
                {
                    if (parent[v] < 0 && r[u, v] > 1e-9)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return flow;
            }

            double push = double.PositiveInfinity;
            for (int v = sink; v != 0; v = parent[v])
            {
                push = Math.Min(push, r[parent[v], v]);
            }

            for (int v = sink; v != 0; v = parent[v])
            {
                r[parent[v], v] -= push;
                r[v, parent[v]] += push;
            }

            flow += push;
        }
    }
}
