namespace Planner.Core.Siting.Heuristics;

/// <summary>
/// Greedy plus Teitz-Bart interchange for the maximal covering model (MCLP). Coverage counts per demand item
/// and the gain of every site are kept up to date as sites open and close (an item whose count moves between
/// 0 and 1 updates the sites covering it, through the inverse lists), so a gain costs O(1) and a swap
/// (s out, c in) is its gain plus what c would take over from the items only s covers.
/// </summary>
internal sealed class MaximalCoveringHeuristic : InterchangeHeuristic
{
    private readonly CoverageMatrix _m;
    private readonly double[] _w;
    private readonly int[] _count;
    private readonly double[] _gain;
    private double _covered;

    public MaximalCoveringHeuristic(SitingInstance instance, int firstPick = 0)
        : base(instance, firstPick)
    {
        _m = instance.Matrix;
        _w = instance.Weight;
        _count = new int[instance.DemandCount];
        _gain = new double[instance.SiteCount];
        for (int j = 0; j < _gain.Length; j++)
        {
            foreach (int i in _m.CoveredBy(j))
            {
                _gain[j] += _w[i];
            }
        }
    }

    /// <summary>Weighted demand covered by the open sites.</summary>
    public double Covered() => _covered;

    protected override int PerturbationRounds => 3;

    protected override double Score() => _covered;

    protected override double Gain(int site) => _gain[site];

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
            if (_count[i]++ == 0)
            {
                _covered += _w[i];
                foreach (int c in _m.SitesCovering(i))
                {
                    _gain[c] -= _w[i];
                }
            }
        }
    }

    protected override void OnClosed(int site)
    {
        foreach (int i in _m.CoveredBy(site))
        {
            if (--_count[i] == 0)
            {
                _covered -= _w[i];
                foreach (int c in _m.SitesCovering(i))
                {
                    _gain[c] += _w[i];
                }
            }
        }
    }

    protected override (int Out, int In) BestSwap()
    {
        int n = Instance.SiteCount;
        var baseGain = _gain;
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
        // Recount rather than trust the running sum, which drifts by rounding over many moves.
        double objective = SitingReport.CoverCounts(_m, Open).Select((k, i) => k > 0 ? _w[i] : 0).Sum();

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
