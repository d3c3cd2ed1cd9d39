namespace Planner.Core.Siting.Heuristics;

/// <summary>
/// Greedy plus Teitz-Bart interchange for the p-median model. Every demand item keeps its nearest and second
/// nearest open site (an item no open site reaches is charged the unreached cost), so removing a site costs
/// one pass and a swap is evaluated over the incoming site's list.
/// </summary>
internal sealed class PMedianHeuristic : InterchangeHeuristic
{
    private readonly CoverageMatrix _m;
    private readonly double[] _w;
    private readonly double[] _d1;
    private readonly double[] _d2;
    private readonly int[] _near;

    public PMedianHeuristic(SitingInstance instance, int firstPick = 0)
        : base(instance, firstPick)
    {
        _m = instance.Matrix;
        _w = instance.Weight;
        _d1 = new double[instance.DemandCount];
        _d2 = new double[instance.DemandCount];
        _near = new int[instance.DemandCount];
        Recompute();
    }

    /// <summary>Weighted cost of the open set.</summary>
    public static double CostOf(SitingInstance instance, bool[] open)
    {
        var best = new double[instance.DemandCount];
        Array.Fill(best, instance.UnreachedCost);
        for (int j = 0; j < instance.SiteCount; j++)
        {
            if (open[j])
            {
                var demand = instance.Matrix.DemandsOf(j);
                var cost = instance.Matrix.CostsOf(j);
                for (int k = 0; k < demand.Length; k++)
                {
                    best[demand[k]] = Math.Min(best[demand[k]], cost[k]);
                }
            }
        }

        return best.Select((d, i) => d * instance.Weight[i]).Sum();
    }

    protected override int PerturbationRounds => 3;

    protected override double Score() => -_d1.Select((d, i) => d * _w[i]).Sum();

    protected override double Gain(int site)
    {
        double g = 0;
        var demand = _m.DemandsOf(site);
        var cost = _m.CostsOf(site);
        for (int k = 0; k < demand.Length; k++)
        {
            int i = demand[k];
            if (cost[k] < _d1[i])
            {
                g += _w[i] * (_d1[i] - cost[k]);
            }
        }

        return g;
    }

    protected override bool WantsMore() => NewCount < Instance.P;

    protected override bool LimitExceeded(out string? why)
    {
        why = NewCount > Instance.P ? $"forced sites and the township floor need {NewCount} new sites, more than p = {Instance.P}" : null;
        return why is not null;
    }

    protected override void OnOpened(int site) => Recompute();

    protected override void OnClosed(int site) => Recompute();

    protected override (int Out, int In) BestSwap()
    {
        int bestOut = -1, bestIn = -1;
        double bestDelta = Instance.Tolerance;
        for (int s = 0; s < Instance.SiteCount; s++)
        {
            if (!Open[s] || Instance.Forced[s] || Instance.Existing[s])
            {
                continue;
            }

            double loss = 0;
            for (int i = 0; i < _near.Length; i++)
            {
                if (_near[i] == s)
                {
                    loss += _w[i] * (_d2[i] - _d1[i]);
                }
            }

            for (int c = 0; c < Instance.SiteCount; c++)
            {
                if (!CanSwap(s, c))
                {
                    continue;
                }

                double gain = 0;
                var demand = _m.DemandsOf(c);
                var cost = _m.CostsOf(c);
                for (int k = 0; k < demand.Length; k++)
                {
                    int i = demand[k];
                    double current = _near[i] == s ? _d2[i] : _d1[i];
                    if (cost[k] < current)
                    {
                        gain += _w[i] * (current - cost[k]);
                    }
                }

                double delta = gain - loss;
                if (delta > bestDelta + Instance.Tolerance
                    || (delta > bestDelta - Instance.Tolerance && bestOut >= 0
                        && (Instance.Rank[s] < Instance.Rank[bestOut] || (s == bestOut && Instance.Rank[c] < Instance.Rank[bestIn]))))
                {
                    (bestOut, bestIn, bestDelta) = (s, c, delta);
                }
            }
        }

        return (bestOut, bestIn);
    }

    protected override HeuristicAnswer Finish(int swaps)
    {
        double objective = _d1.Select((d, i) => d * _w[i]).Sum();
        return new HeuristicAnswer((bool[])Open.Clone(), objective, LowerBound(), null, $"greedy + {swaps} interchange swaps");
    }

    /// <summary>Every item at its nearest existing or allowed site: no answer can cost less.</summary>
    private double LowerBound()
    {
        var all = new bool[Instance.SiteCount];
        for (int j = 0; j < all.Length; j++)
        {
            all[j] = Instance.Allowed[j] || Instance.Existing[j];
        }

        return CostOf(Instance, all);
    }

    private void Recompute()
    {
        Array.Fill(_d1, Instance.UnreachedCost);
        Array.Fill(_d2, Instance.UnreachedCost);
        Array.Fill(_near, -1);
        for (int j = 0; j < Instance.SiteCount; j++)
        {
            if (!Open[j])
            {
                continue;
            }

            var demand = _m.DemandsOf(j);
            var cost = _m.CostsOf(j);
            for (int k = 0; k < demand.Length; k++)
            {
                int i = demand[k];
                if (cost[k] < _d1[i])
                {
                    (_d2[i], _d1[i], _near[i]) = (_d1[i], cost[k], j);
                }
                else if (cost[k] < _d2[i])
                {
                    _d2[i] = cost[k];
                }
            }
        }
    }
}
