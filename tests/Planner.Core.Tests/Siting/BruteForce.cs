using Planner.Core.Siting;

namespace Planner.Core.Tests.Siting;

/// <summary>Enumerates every subset of selectable sites of a <see cref="RandomInstance"/>: the reference optimum.</summary>
internal static class BruteForce
{
    /// <summary>Best objective over feasible subsets, or null when none is feasible.</summary>
    public static double? Optimum(RandomInstance inst, SitingModel model, int p, double[] groupWeight, double? budget = null,
        bool floor = false, double targetShare = 1, int targetGroup = 0, double unreached = 1000)
    {
        int n = inst.SiteCount;
        double? best = null;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var open = new bool[n];
            int count = 0;
            double cost = 0;
            bool ok = true;
            for (int j = 0; j < n && ok; j++)
            {
                bool chosen = (mask >> j & 1) == 1;
                ok = inst.Roles[j] switch
                {
                    SiteRole.Existing or SiteRole.Excluded => !chosen,
                    SiteRole.Forced => chosen,
                    _ => true,
                };
                open[j] = chosen || inst.Roles[j] == SiteRole.Existing;
                count += chosen ? 1 : 0;
                cost += chosen ? inst.SiteCost[j] : 0;
            }

            if (!ok || (model != SitingModel.Lscp && count > p) || cost > (budget ?? double.PositiveInfinity) + 1e-9 || (floor && !FloorMet(inst, open)))
            {
                continue;
            }

            double value;
            switch (model)
            {
                case SitingModel.Mclp:
                    value = Covered(inst, open, i => (groupWeight[0] * inst.Counts[i, 0]) + (groupWeight[1] * inst.Counts[i, 1]));
                    best = Math.Max(best ?? double.NegativeInfinity, value);
                    break;
                case SitingModel.Lscp:
                    double total = Enumerable.Range(0, inst.DemandCount).Sum(i => inst.Counts[i, targetGroup]);
                    if (Covered(inst, open, i => inst.Counts[i, targetGroup]) >= (targetShare * total) - 1e-9)
                    {
                        best = Math.Min(best ?? double.PositiveInfinity, count);
                    }

                    break;
                default:
                    value = 0;
                    for (int i = 0; i < inst.DemandCount; i++)
                    {
                        double d = unreached;
                        for (int j = 0; j < n; j++)
                        {
                            d = open[j] ? Math.Min(d, inst.Costs[i, j]) : d;
                        }

                        value += d * ((groupWeight[0] * inst.Counts[i, 0]) + (groupWeight[1] * inst.Counts[i, 1]));
                    }

                    best = Math.Min(best ?? double.PositiveInfinity, value);
                    break;
            }
        }

        return best;
    }

    private static double Covered(RandomInstance inst, bool[] open, Func<int, double> value)
    {
        double sum = 0;
        for (int i = 0; i < inst.DemandCount; i++)
        {
            for (int j = 0; j < inst.SiteCount; j++)
            {
                if (open[j] && inst.Costs[i, j] <= inst.Radius)
                {
                    sum += value(i);
                    break;
                }
            }
        }

        return sum;
    }

    private static bool FloorMet(RandomInstance inst, bool[] open)
    {
        var townships = Enumerable.Range(0, inst.SiteCount)
            .Where(j => inst.Township[j] is not null && inst.Roles[j] is SiteRole.Candidate or SiteRole.Forced)
            .Select(j => inst.Township[j]).Distinct();
        return townships.All(t => Enumerable.Range(0, inst.SiteCount).Any(j => open[j] && inst.Township[j] == t));
    }
}
