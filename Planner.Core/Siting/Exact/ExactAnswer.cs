namespace Planner.Core.Siting.Exact;

/// <summary>What the MIP solver returned: open sites (existing included) or null, its proven bound, and its status.</summary>
internal sealed record ExactAnswer(bool[]? Open, double Bound, bool Infeasible, string StatusText)
{
    /// <summary>True when the solver proved optimality within the requested gap.</summary>
    public bool Proven { get; init; }
}
