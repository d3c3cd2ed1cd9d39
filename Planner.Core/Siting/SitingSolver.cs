using System.Diagnostics;
using Planner.Core.Siting.Capacity;
using Planner.Core.Siting.Exact;
using Planner.Core.Siting.Heuristics;

namespace Planner.Core.Siting;

/// <summary>
/// Solves MCLP, LSCP and p-median over a <see cref="CoverageMatrix"/>: a greedy plus Teitz-Bart interchange
/// heuristic first, then (unless heuristic-only) OR-Tools SCIP warm-started with the heuristic's answer, within
/// the time limit. Every answer carries its objective, bound, gap, time and an explanation per chosen site.
/// </summary>
public static class SitingSolver
{
    /// <summary>Solves a request.</summary>
    /// <param name="matrix">Who covers whom.</param>
    /// <param name="request">Model, parameters, constraints and limits.</param>
    /// <param name="cancellationToken">Cancels before the exact solver starts.</param>
    /// <returns>The answer; <see cref="SitingStatus.Infeasible"/> with a reason when no choice of sites satisfies the constraints.</returns>
    public static SitingResult Solve(CoverageMatrix matrix, SitingRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var instance = new SitingInstance(matrix, request);
        if (request.Model == SitingModel.Lscp)
        {
            double reachable = SetCoveringHeuristic.Reachable(instance);
            if (reachable < instance.TargetPeople - (1e-9 * Math.Max(1, instance.TargetCount.Sum())))
            {
                double total = instance.TargetCount.Sum();
                return Infeasible(instance, SolveMethod.Heuristic, clock,
                    $"Infeasible: even with every allowed candidate open, {reachable:0.###} of {total:0.###} {instance.TargetGroupName} " +
                    $"({Share(reachable, total):0.###} %) are covered, below the target {request.TargetShare * 100:0.###} %.");
            }
        }

        var heuristic = RunHeuristic(instance);
        if (request.HeuristicOnly)
        {
            return heuristic.Infeasible is { } why
                ? Infeasible(instance, SolveMethod.Heuristic, clock, $"No answer found by the heuristic: {why}.")
                : Build(instance, SolveMethod.Heuristic, SitingStatus.Feasible, heuristic.Open, heuristic.Objective, heuristic.Bound, $"Heuristic: {heuristic.Note}.", clock);
        }

        cancellationToken.ThrowIfCancellationRequested();
        bool maximise = request.Model == SitingModel.Mclp;
        var incumbent = request.WarmStart && heuristic.Infeasible is null ? heuristic : null;

        // The LP relaxation (GLOP) first: its optimum is a proven bound, often integral for covering models,
        // and often already closes the gap to the heuristic on large sparse instances where the MIP's own root is slow.
        var lp = new ExactAnswer(null, double.NaN, false, string.Empty);
        if (request.LpBoundFirst)
        {
            using var relaxation = new MipSitingSolver(instance, relaxed: true);
            lp = relaxation.Solve(null, request.TimeLimitSeconds, cancellationToken);
        }

        if (lp.Infeasible)
        {
            return Infeasible(instance, SolveMethod.Exact, clock,
                "Infeasible: not even the LP relaxation can meet p, the budget, the township floor and the forced sites together.");
        }

        if (lp.Open is { } lpOpen && lp.Proven)
        {
            return Build(instance, SolveMethod.Exact, SitingStatus.Optimal, lpOpen, Objective(instance, lpOpen), lp.Bound, lp.StatusText + ".", clock);
        }

        if (incumbent is not null && double.IsFinite(lp.Bound) && WithinGap(incumbent.Objective, lp.Bound, request.RelativeGap, instance.Tolerance))
        {
            return Build(instance, SolveMethod.Exact, SitingStatus.Optimal, incumbent.Open, incumbent.Objective, lp.Bound,
                $"Heuristic answer proven within relative gap {request.RelativeGap:g3} by the LP relaxation bound (GLOP).", clock);
        }

        using var mip = new MipSitingSolver(instance);
        var exact = mip.Solve(incumbent?.Open, request.TimeLimitSeconds - clock.Elapsed.TotalSeconds, cancellationToken);
        if (exact.Open is { } open)
        {
            var status = exact.Proven ? SitingStatus.Optimal : SitingStatus.Feasible;
            double bound = !double.IsFinite(lp.Bound) ? exact.Bound : maximise ? Math.Min(exact.Bound, lp.Bound) : Math.Max(exact.Bound, lp.Bound);
            return Build(instance, SolveMethod.Exact, status, open, Objective(instance, open), bound, exact.StatusText + ".", clock);
        }

        if (exact.Infeasible)
        {
            return Infeasible(instance, SolveMethod.Exact, clock,
                "Infeasible: no choice of sites meets p, the budget, the township floor and the forced sites together (SCIP proved it).");
        }

        return heuristic.Infeasible is null
            ? Build(instance, SolveMethod.Heuristic, SitingStatus.Feasible, heuristic.Open, heuristic.Objective, heuristic.Bound,
                $"{exact.StatusText}: no exact solution within the time limit; heuristic answer ({heuristic.Note}).", clock)
            : Infeasible(instance, SolveMethod.Heuristic, clock, $"{exact.StatusText}; the heuristic found no answer: {heuristic.Infeasible}.");
    }

    /// <summary>The objective of an open set (existing stations included) under a request.</summary>
    public static double Evaluate(CoverageMatrix matrix, SitingRequest request, IReadOnlyCollection<string> newSiteIds)
    {
        ArgumentNullException.ThrowIfNull(newSiteIds);
        var instance = new SitingInstance(matrix, request);
        var ids = newSiteIds.ToHashSet(StringComparer.Ordinal);
        var open = matrix.Sites.Select(s => s.Role == SiteRole.Existing || ids.Contains(s.Id)).ToArray();
        return Objective(instance, open);
    }

    /// <summary>
    /// Runs the heuristic from <see cref="SitingRequest.Restarts"/> starts (the k-th best first pick) and keeps
    /// the best answer; ties keep the earlier start.
    /// </summary>
    internal static HeuristicAnswer RunHeuristic(SitingInstance instance)
    {
        HeuristicAnswer? best = null;
        int starts = instance.Request.Model == SitingModel.Lscp || !instance.Request.Interchange ? 1 : Math.Max(1, instance.Request.Restarts);
        for (int k = 0; k < starts; k++)
        {
            var answer = instance.Request.Model switch
            {
                SitingModel.Mclp when CapacitatedCoverage.Applies(instance) => new CapacitatedCoveringHeuristic(instance, k).Run(),
                SitingModel.Mclp => new MaximalCoveringHeuristic(instance, k).Run(),
                SitingModel.Lscp => new SetCoveringHeuristic(instance, k).Run(),
                _ => new PMedianHeuristic(instance, k).Run(),
            };
            bool maximise = instance.Request.Model == SitingModel.Mclp;
            if (best is null || (best.Infeasible is not null && answer.Infeasible is null)
                || (answer.Infeasible is null && (maximise ? answer.Objective > best.Objective + instance.Tolerance : answer.Objective < best.Objective - instance.Tolerance)))
            {
                best = answer;
            }
        }

        return best!;
    }

    private static double Objective(SitingInstance instance, bool[] open)
    {
        switch (instance.Request.Model)
        {
            case SitingModel.Mclp when CapacitatedCoverage.Applies(instance):
                return CapacitatedCoverage.Evaluate(instance, open);
            case SitingModel.Mclp:
                var count = SitingReport.CoverCounts(instance.Matrix, open);
                return Enumerable.Range(0, count.Length).Where(i => count[i] > 0).Sum(i => instance.Weight[i]);
            case SitingModel.Lscp:
                return Enumerable.Range(0, open.Length).Count(j => open[j] && !instance.Existing[j]);
            default:
                return PMedianHeuristic.CostOf(instance, open);
        }
    }

    private static bool WithinGap(double objective, double bound, double relativeGap, double tolerance) =>
        Math.Abs(bound - objective) <= Math.Max(tolerance, relativeGap * Math.Max(Math.Abs(objective), 1e-9));

    private static double Share(double part, double total) => total > 0 ? 100 * part / total : 100;

    private static SitingResult Build(
        SitingInstance instance, SolveMethod method, SitingStatus status, bool[] open, double objective, double bound, string text, Stopwatch clock)
    {
        var m = instance.Matrix;
        var existing = instance.Existing;
        var after = SitingReport.CoverCounts(m, open);
        return new SitingResult
        {
            Model = instance.Request.Model,
            Method = method,
            Status = status,
            StatusText = text,
            Objective = objective,
            Bound = bound,
            Seconds = clock.Elapsed.TotalSeconds,
            Sites = SitingReport.Chosen(m, open),
            Before = SitingReport.Coverage(m, existing),
            After = SitingReport.Coverage(m, open),
            UncoveredDemand = UncoveredPoints(m, after),
        };
    }

    /// <summary>Demand points with people no open site covers (a point split per pace counts once).</summary>
    private static int UncoveredPoints(CoverageMatrix m, IReadOnlyList<int> coverCounts) =>
        Enumerable.Range(0, coverCounts.Count).Where(i => coverCounts[i] == 0).Select(i => m.Demand[i].Point).Distinct(StringComparer.Ordinal).Count();

    private static SitingResult Infeasible(SitingInstance instance, SolveMethod method, Stopwatch clock, string text)
    {
        var before = SitingReport.Coverage(instance.Matrix, instance.Existing);
        return new SitingResult
        {
            Model = instance.Request.Model,
            Method = method,
            Status = SitingStatus.Infeasible,
            StatusText = text,
            Objective = double.NaN,
            Bound = double.NaN,
            Seconds = clock.Elapsed.TotalSeconds,
            Sites = [],
            Before = before,
            After = before,
            UncoveredDemand = UncoveredPoints(instance.Matrix, SitingReport.CoverCounts(instance.Matrix, instance.Existing)),
        };
    }
}
