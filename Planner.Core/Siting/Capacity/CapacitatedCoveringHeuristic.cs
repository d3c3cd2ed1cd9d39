using Planner.Core.Siting.Heuristics;

namespace Planner.Core.Siting.Capacity;

/// <summary>
/// Greedy plus Teitz-Bart interchange for capacitated MCLP: every gain and swap is evaluated exactly by
/// <see cref="CapacitatedCoverage.Evaluate"/> (one LP per move), so it suits small and medium instances.
/// </summary>
internal sealed class CapacitatedCoveringHeuristic : InterchangeHeuristic
{
    private double _value;

    public CapacitatedCoveringHeuristic(SitingInstance instance, int firstPick = 0)
        : base(instance, firstPick)
    {
    }

    protected override double Gain(int site)
    {
        Open[site] = true;
        double with = CapacitatedCoverage.Evaluate(Instance, Open);
        Open[site] = false;
        return with - _value;
    }

    protected override bool WantsMore() => NewCount < Instance.P;

    protected override bool LimitExceeded(out string? why)
    {
        why = NewCount > Instance.P ? $"forced sites and the township floor need {NewCount} new sites, more than p = {Instance.P}" : null;
        return why is not null;
    }

    protected override void OnOpened(int site) => _value = CapacitatedCoverage.Evaluate(Instance, Open);

    protected override void OnClosed(int site) => _value = CapacitatedCoverage.Evaluate(Instance, Open);

    protected override (int Out, int In) BestSwap()
    {
        int bestOut = -1, bestIn = -1;
        double best = _value + Instance.Tolerance;
        for (int s = 0; s < Instance.SiteCount; s++)
        {
            if (!Open[s] || Instance.Forced[s] || Instance.Existing[s])
            {
                continue;
            }

            for (int c = 0; c < Instance.SiteCount; c++)
            {
                if (!CanSwap(s, c))
                {
                    continue;
                }

                (Open[s], Open[c]) = (false, true);
                double value = CapacitatedCoverage.Evaluate(Instance, Open);
                (Open[s], Open[c]) = (true, false);
                if (value > best + Instance.Tolerance)
                {
                    (bestOut, bestIn, best) = (s, c, value);
                }
            }
        }

        return (bestOut, bestIn);
    }

    protected override HeuristicAnswer Finish(int swaps)
    {
        // The uncapacitated coverage of the open set plus the p largest uncapacitated gains bounds the capacitated optimum.
        double bound = SitingReport.CoverCounts(Instance.Matrix, Open).Select((k, i) => k > 0 ? Instance.Weight[i] : 0).Sum();
        var count = SitingReport.CoverCounts(Instance.Matrix, Open);
        var gains = Enumerable.Range(0, Instance.SiteCount).Where(c => Instance.Allowed[c] && !Open[c])
            .Select(c => Instance.Matrix.CoveredBy(c).ToArray().Where(i => count[i] == 0).Sum(i => Instance.Weight[i]));
        bound += gains.OrderDescending().Take(Instance.P).Sum();
        return new HeuristicAnswer((bool[])Open.Clone(), _value, bound, null, $"capacitated greedy + {swaps} interchange swaps, each move evaluated by LP");
    }
}
