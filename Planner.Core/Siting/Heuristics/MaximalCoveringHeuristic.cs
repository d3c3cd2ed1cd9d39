namespace Planner.Core.Siting.Heuristics;

/// <summary>
/// Greedy plus Teitz-Bart interchange for the maximal covering model (MCLP), with coverage counts kept per
/// demand item so a gain costs one pass over a site's list. A swap (s out, c in) is evaluated in
/// O(|N(c)|) from the items only s covers, through the inverse lists (items -> covering sites).
/// </summary>
internal sealed class MaximalCoveringHeuristic : InterchangeHeuristic
{
    private readonly CoverageMatrix _m;
    private readonly double[] _w;
    private readonly int[] _count;

    public MaximalCoveringHeuristic(SitingInstance instance, int firstPick = 0)
        : base(instance, firstPick)
    {
        _m = instance.Matrix;
        _w = instance.Weight;
        _count = new int[instance.DemandCount];
    }

    /// <summary>Weighted demand covered by the open sites.</summary>
    public double Covered()
    {
        double sum = 0;
        for (int i = 0; i < _count.Length; i++)
        {
            if (_count[i] > 0)
            {
                sum += _w[i];
            }
        }

        return sum;
    }

    protected override int PerturbationRounds => 3;

    protected override double Score() => Covered();

    protected override double Gain(int site)
    {
        double g = 0;
        foreach (int i in _m.CoveredBy(site))
        {
            if (_count[i] == 0)
            {
                g += _w[i];
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

    protected override void OnOpened(int site)
    {
        foreach (int i in _m.CoveredBy(site))
        {
            _count[i]++;
        }
    }

    protected override void OnClosed(int site)
    {
        foreach (int i in _m.CoveredBy(site))
        {
            _count[i]--;
        }
    }

    protected override (int Out, int In) BestSwap()
    {
        int n = Instance.SiteCount;
        var baseGain = new double[n];
        for (int c = 0; c < n; c++)
        {
            if (Instance.Allowed[c] && !Open[c])
            {
                baseGain[c] = Gain(c);
            }
        }

        var extra = new double[n];
        var touched = new List<int>();
        int bestOut = -1, bestIn = -1;
        double bestDelta = Instance.Tolerance;
        for (int s = 0; s < n; s++)
        {
            if (!Open[s] || Instance.Forced[s] || Instance.Existing[s])
            {
                continue;
            }

            double loss = 0;
            foreach (int i in _m.CoveredBy(s))
            {
                if (_count[i] == 1)
                {
                    loss += _w[i];
                    foreach (int c in _m.SitesCovering(i))
                    {
                        if (extra[c] == 0)
                        {
                            touched.Add(c);
                        }

                        extra[c] += _w[i];
                    }
                }
            }

            for (int c = 0; c < n; c++)
            {
                if (!CanSwap(s, c))
                {
                    continue;
                }

                double delta = baseGain[c] + extra[c] - loss;
                if (delta > bestDelta + Instance.Tolerance
                    || (delta > bestDelta - Instance.Tolerance && bestOut >= 0 && Tie(s, c, bestOut, bestIn)))
                {
                    (bestOut, bestIn, bestDelta) = (s, c, delta);
                }
            }

            foreach (int c in touched)
            {
                extra[c] = 0;
            }

            touched.Clear();
        }

        return (bestOut, bestIn);
    }

    protected override HeuristicAnswer Finish(int swaps)
    {
        double objective = Covered();

        // Submodularity: any set of at most p new sites covers at most f(S) + the p largest gains w.r.t. S.
        var gains = new List<double>();
        for (int c = 0; c < Instance.SiteCount; c++)
        {
            if (Instance.Allowed[c] && !Open[c])
            {
                gains.Add(Gain(c));
            }
        }

        double bound = objective + gains.OrderDescending().Take(Instance.P).Sum();
        return new HeuristicAnswer((bool[])Open.Clone(), objective, bound, null, $"greedy + {swaps} interchange swaps");
    }

    private bool Tie(int s, int c, int bestOut, int bestIn) =>
        Instance.Rank[s] < Instance.Rank[bestOut] || (s == bestOut && Instance.Rank[c] < Instance.Rank[bestIn]);
}
