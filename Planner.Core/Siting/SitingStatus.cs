namespace Planner.Core.Siting;

/// <summary>The outcome of a siting run.</summary>
public enum SitingStatus
{
    /// <summary>Proven optimal within the requested relative gap.</summary>
    Optimal,

    /// <summary>A feasible answer without proof of optimality within the gap (heuristic, or time limit reached).</summary>
    Feasible,

    /// <summary>No choice of sites satisfies the constraints (target share, township floor, budget, p); no sites are returned.</summary>
    Infeasible,
}
