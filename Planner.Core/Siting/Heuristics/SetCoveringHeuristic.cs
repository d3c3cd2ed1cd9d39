namespace Planner.Core.Siting.Heuristics;

/// <summary>
/// Greedy for the location set covering model (LSCP) with a target share: open the site covering the most
/// uncovered people of the target group until the target is met, then drop redundant sites (smallest
/// unique contribution first). Infeasibility is decided up front: when all allowed candidates together
/// cannot reach the target, no search is made.
/// </summary>
internal sealed class SetCoveringHeuristic : InterchangeHeuristic
{
    private readonly CoverageMatrix _m;
    private readonly double[] _people;
    private readonly int[] _count;
    private readonly double _need;

    public SetCoveringHeuristic(SitingInstance instance, int firstPick = 0)
        : base(instance, firstPick)
    {
        _m = instance.Matrix;
        _people = instance.TargetCount;
        _count = new int[instance.DemandCount];
        _need = instance.TargetPeople - (1e-9 * Math.Max(1, instance.TargetCount.Sum()));
    }

    /// <summary>People of the target group covered when every allowed site is open (existing included).</summary>
    public static double Reachable(SitingInstance instance)
    {
        var m = instance.Matrix;
        double sum = 0;
        for (int i = 0; i < instance.DemandCount; i++)
        {
            foreach (int j in m.SitesCovering(i))
            {
                if (instance.Allowed[j] || instance.Existing[j])
                {
                    sum += instance.TargetCount[i];
                    break;
                }
            }
        }

        return sum;
    }

    protected override double Gain(int site)
    {
        double g = 0;
        foreach (int i in _m.CoveredBy(site))
        {
            if (_count[i] == 0)
            {
                g += _people[i];
            }
        }

        return g;
    }

    protected override bool WantsMore() => Covered() < _need;

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

    protected override (int Out, int In) BestSwap() => (-1, -1);

    protected override HeuristicAnswer Finish(int swaps)
    {
        if (Covered() < _need)
        {
            return Fail($"the greedy could not reach the target within the budget ({Covered():0.###} of {Instance.TargetPeople:0.###} {Instance.TargetGroupName})");
        }

        int dropped = 0;
        var order = Enumerable.Range(0, Instance.SiteCount).Where(CanClose)
            .OrderBy(Unique).ThenBy(j => Instance.Rank[j]).ToList();
        foreach (int s in order)
        {
            if (CanClose(s) && Covered() - Unique(s) >= _need)
            {
                CloseSite(s);
                dropped++;
            }
        }

        return new HeuristicAnswer((bool[])Open.Clone(), NewCount, LowerBound(), null, $"greedy, {dropped} redundant sites dropped");
    }

    private double Covered()
    {
        double sum = 0;
        for (int i = 0; i < _count.Length; i++)
        {
            if (_count[i] > 0)
            {
                sum += _people[i];
            }
        }

        return sum;
    }

    private double Unique(int s)
    {
        double u = 0;
        foreach (int i in _m.CoveredBy(s))
        {
            if (_count[i] == 1)
            {
                u += _people[i];
            }
        }

        return u;
    }

    /// <summary>Fewest new sites any answer needs: forced ones, then enough of the largest single gains (from existing + forced) to reach the target, and at least one per floor township without a forced site.</summary>
    private double LowerBound()
    {
        var count = new int[Instance.DemandCount];
        var floorMet = new bool[Instance.FloorTownships.Length];
        int forced = 0;
        for (int j = 0; j < Instance.SiteCount; j++)
        {
            if (Instance.Existing[j] || Instance.Forced[j])
            {
                forced += Instance.Forced[j] ? 1 : 0;
                if (Instance.Township[j] >= 0)
                {
                    floorMet[Instance.Township[j]] = true;
                }

                foreach (int i in _m.CoveredBy(j))
                {
                    count[i]++;
                }
            }
        }

        double covered = Enumerable.Range(0, count.Length).Where(i => count[i] > 0).Sum(i => _people[i]);
        var gains = new List<double>();
        for (int c = 0; c < Instance.SiteCount; c++)
        {
            if (Instance.Allowed[c] && !Instance.Forced[c])
            {
                double g = 0;
                foreach (int i in _m.CoveredBy(c))
                {
                    g += count[i] == 0 ? _people[i] : 0;
                }

                gains.Add(g);
            }
        }

        int k = 0;
        foreach (double g in gains.OrderDescending())
        {
            if (covered >= _need)
            {
                break;
            }

            covered += g;
            k++;
        }

        return forced + Math.Max(k, floorMet.Count(m => !m));
    }
}
