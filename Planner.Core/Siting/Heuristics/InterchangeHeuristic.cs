namespace Planner.Core.Siting.Heuristics;

/// <summary>
/// Greedy construction followed by Teitz-Bart vertex substitution (Teitz &amp; Bart 1968): open the existing and
/// forced sites, the best site of every township still without one (township floor), then greedily the site
/// with the best gain while the model wants more; then repeatedly apply the best improving swap of an open
/// site for a closed one. Budget and floor hold after every move; forced and existing sites never move.
/// Ties go to the lower site-id rank, so runs are deterministic. A restart may make the k-th best site the
/// first greedy pick, so that several local optima can be compared.
/// </summary>
internal abstract class InterchangeHeuristic
{
    private readonly int[] _openInTownship;
    private readonly int _firstPick;
    private int _tabu = -1;

    protected InterchangeHeuristic(SitingInstance instance, int firstPick)
    {
        _firstPick = firstPick;
        Instance = instance;
        Open = new bool[instance.SiteCount];
        _openInTownship = new int[instance.FloorTownships.Length];
    }

    protected SitingInstance Instance { get; }

    protected bool[] Open { get; }

    /// <summary>Number of new sites open (forced included).</summary>
    protected int NewCount { get; private set; }

    protected double Spent { get; private set; }

    /// <summary>Runs construction then interchange.</summary>
    public HeuristicAnswer Run()
    {
        for (int j = 0; j < Instance.SiteCount; j++)
        {
            if (Instance.Existing[j] || Instance.Forced[j])
            {
                OpenSite(j);
            }
        }

        if (Spent > Instance.Budget + 1e-9)
        {
            return Fail($"the forced sites cost {Spent:0.###}, more than the budget {Instance.Budget:0.###}");
        }

        for (int t = 0; t < _openInTownship.Length; t++)
        {
            if (_openInTownship[t] > 0)
            {
                continue;
            }

            int best = BestAddition(j => Instance.Township[j] == t);
            if (best < 0)
            {
                return Fail($"township {Instance.FloorTownships[t]} has no affordable candidate left for the township floor");
            }

            OpenSite(best);
        }

        if (LimitExceeded(out string? why))
        {
            return Fail(why!);
        }

        bool first = true;
        while (WantsMore())
        {
            int best = first ? KthAddition(_firstPick) : BestAddition(_ => true);
            first = false;
            if (best < 0 || (StopsAtZeroGain && Gain(best) <= Instance.Tolerance))
            {
                break;
            }

            OpenSite(best);
        }

        int swaps = Instance.Request.Interchange ? Interchange() : 0;
        if (Instance.Request.Interchange && PerturbationRounds > 0)
        {
            swaps += Perturb();
        }

        return Finish(swaps);
    }

    /// <summary>Rounds of drop-and-refill perturbation after the interchange converges (0 = none).</summary>
    protected virtual int PerturbationRounds => 0;

    /// <summary>The current objective as a score to maximise (used by the perturbation).</summary>
    protected virtual double Score() => 0;

    /// <summary>Gain of opening a closed site given the current open set, to maximise.</summary>
    protected abstract double Gain(int site);

    /// <summary>Whether the greedy should open another site.</summary>
    protected abstract bool WantsMore();

    /// <summary>Whether the greedy stops when the best gain is zero.</summary>
    protected virtual bool StopsAtZeroGain => true;

    /// <summary>A constraint the construction broke (too many sites for p), or false.</summary>
    protected virtual bool LimitExceeded(out string? why)
    {
        why = null;
        return false;
    }

    /// <summary>The best improving swap (open site out, closed site in), or (-1, -1).</summary>
    protected abstract (int Out, int In) BestSwap();

    /// <summary>Builds the answer after the interchange.</summary>
    protected abstract HeuristicAnswer Finish(int swaps);

    protected abstract void OnOpened(int site);

    protected abstract void OnClosed(int site);

    /// <summary>True when <paramref name="c"/> may be opened next to the current set.</summary>
    protected bool CanOpen(int c) =>
        Instance.Allowed[c] && !Open[c] && Spent + Instance.Cost[c] <= Instance.Budget + 1e-9;

    /// <summary>True when open <paramref name="s"/> may be swapped for closed <paramref name="c"/>.</summary>
    protected bool CanSwap(int s, int c)
    {
        if (Instance.Forced[s] || Instance.Existing[s] || !Instance.Allowed[c] || Open[c] || c == _tabu
            || Spent - Instance.Cost[s] + Instance.Cost[c] > Instance.Budget + 1e-9)
        {
            return false;
        }

        int t = Instance.Township[s];
        return t < 0 || _openInTownship[t] > 1 || Instance.Township[c] == t;
    }

    /// <summary>True when open new site <paramref name="s"/> may be closed without breaking the township floor.</summary>
    protected bool CanClose(int s)
    {
        if (!Open[s] || Instance.Forced[s] || Instance.Existing[s])
        {
            return false;
        }

        int t = Instance.Township[s];
        return t < 0 || _openInTownship[t] > 1;
    }

    protected HeuristicAnswer Fail(string why) => new((bool[])Open.Clone(), double.NaN, double.NaN, why, string.Empty);

    private int BestAddition(Func<int, bool> filter)
    {
        int best = -1;
        double bestGain = double.NegativeInfinity;
        for (int c = 0; c < Instance.SiteCount; c++)
        {
            if (CanOpen(c) && filter(c))
            {
                double g = Gain(c);
                if (Instance.Better(g, c, bestGain, best))
                {
                    best = c;
                    bestGain = g;
                }
            }
        }

        return best;
    }

    private int Interchange()
    {
        int swaps = 0;
        while (swaps < 10_000)
        {
            var (s, c) = BestSwap();
            if (s < 0)
            {
                break;
            }

            CloseSite(s);
            OpenSite(c);
            swaps++;
        }

        return swaps;
    }

    /// <summary>
    /// Iterated local search: close one open site, refill with the best other site, run the interchange
    /// with the closed site barred, then freely, keep the result only when it scores better. Escapes the swap neighbourhood's local optima.
    /// </summary>
    private int Perturb()
    {
        int swaps = 0;
        for (int round = 0; round < PerturbationRounds; round++)
        {
            bool improved = false;
            var order = Enumerable.Range(0, Instance.SiteCount).Where(CanClose).OrderBy(j => Instance.Rank[j]).ToArray();
            foreach (int s in order)
            {
                if (!CanClose(s))
                {
                    continue;
                }

                var snapshot = (bool[])Open.Clone();
                double before = Score();
                CloseSite(s);
                int refill = BestAddition(c => c != s);
                if (refill >= 0)
                {
                    OpenSite(refill);
                }

                _tabu = s;
                int moved = Interchange();
                _tabu = -1;
                moved += Interchange();
                if (Score() > before + Instance.Tolerance)
                {
                    improved = true;
                    swaps += moved + 1;
                }
                else
                {
                    Restore(snapshot);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return swaps;
    }

    private void Restore(bool[] snapshot)
    {
        for (int j = 0; j < snapshot.Length; j++)
        {
            if (Open[j] && !snapshot[j])
            {
                CloseSite(j);
            }
        }

        for (int j = 0; j < snapshot.Length; j++)
        {
            if (!Open[j] && snapshot[j])
            {
                OpenSite(j);
            }
        }
    }

    /// <summary>The site with the k-th best gain (0 = best), for restarts; falls back to the best.</summary>
    private int KthAddition(int k)
    {
        var ranked = Enumerable.Range(0, Instance.SiteCount).Where(CanOpen)
            .Select(c => (Site: c, Gain: Gain(c)))
            .OrderByDescending(x => x.Gain).ThenBy(x => Instance.Rank[x.Site]).ToList();
        return ranked.Count == 0 ? -1 : ranked[Math.Min(k, ranked.Count - 1)].Site;
    }

    private void OpenSite(int j)
    {
        Open[j] = true;
        if (!Instance.Existing[j])
        {
            NewCount++;
            Spent += Instance.Cost[j];
        }

        if (Instance.Township[j] >= 0)
        {
            _openInTownship[Instance.Township[j]]++;
        }

        OnOpened(j);
    }

    protected void CloseSite(int j)
    {
        Open[j] = false;
        NewCount--;
        Spent -= Instance.Cost[j];
        if (Instance.Township[j] >= 0)
        {
            _openInTownship[Instance.Township[j]]--;
        }

        OnClosed(j);
    }
}
