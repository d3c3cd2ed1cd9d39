using System.Collections.Immutable;

namespace Planner.Core.Siting;

/// <summary>A siting answer with its proof of quality and its explanation.</summary>
public sealed record SitingResult
{
    /// <summary>The model solved.</summary>
    public required SitingModel Model { get; init; }

    /// <summary>Exact (MIP) or heuristic.</summary>
    public required SolveMethod Method { get; init; }

    /// <summary>Optimal, feasible or infeasible.</summary>
    public required SitingStatus Status { get; init; }

    /// <summary>Human-readable status: solver outcome, reasons for infeasibility, limits reached.</summary>
    public required string StatusText { get; init; }

    /// <summary>
    /// Objective: weighted demand covered, existing stations included (MCLP); number of new sites (LSCP);
    /// weighted travel cost to the nearest open site, unreached items charged the unreached cost (p-median). NaN when infeasible.
    /// </summary>
    public required double Objective { get; init; }

    /// <summary>
    /// Best proven bound on the optimum (upper for MCLP, lower for LSCP and p-median). Exact: the MIP solver's bound.
    /// Heuristic: MCLP objective plus the p largest marginal gains (submodularity); LSCP fewest sites whose
    /// largest single gains could reach the target; p-median every item at its nearest allowed site.
    /// </summary>
    public required double Bound { get; init; }

    /// <summary>Relative gap |bound - objective| / max(|objective|, 1e-9).</summary>
    public double Gap => double.IsFinite(Objective) && double.IsFinite(Bound)
        ? Math.Abs(Bound - Objective) / Math.Max(Math.Abs(Objective), 1e-9) : double.NaN;

    /// <summary>Wall-clock seconds, heuristic included.</summary>
    public required double Seconds { get; init; }

    /// <summary>New sites opened, forced ones included, in site id ordinal order.</summary>
    public required ImmutableArray<ChosenSite> Sites { get; init; }

    /// <summary>Coverage per group with existing stations only.</summary>
    public required ImmutableArray<GroupCoverage> Before { get; init; }

    /// <summary>Coverage per group with existing and new sites.</summary>
    public required ImmutableArray<GroupCoverage> After { get; init; }

    /// <summary>
    /// Demand points with people no open site covers after the answer (a point split into items per walking
    /// pace counts once, when any of its items is uncovered).
    /// </summary>
    public required int UncoveredDemand { get; init; }
}
