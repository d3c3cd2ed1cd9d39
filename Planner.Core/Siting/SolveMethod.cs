namespace Planner.Core.Siting;

/// <summary>How an answer was found.</summary>
public enum SolveMethod
{
    /// <summary>By the MIP solver (OR-Tools SCIP); the bound is the solver's proven bound.</summary>
    Exact,

    /// <summary>By greedy plus Teitz-Bart interchange; the bound is a cheap valid bound (see <see cref="SitingResult.Bound"/>).</summary>
    Heuristic,
}
