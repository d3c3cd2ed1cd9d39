namespace Planner.Core.Siting;

/// <summary>What to solve over a <see cref="CoverageMatrix"/>: the model, its parameters and constraints, and solver limits.</summary>
public sealed record SitingRequest
{
    /// <summary>The model.</summary>
    public required SitingModel Model { get; init; }

    /// <summary>Weights per group for the MCLP and p-median objectives (default: total = 1).</summary>
    public GroupWeights? Weights { get; init; }

    /// <summary>Number of new sites (MCLP, p-median): at most this many are opened, forced ones included; existing stations are extra.</summary>
    public int P { get; init; }

    /// <summary>LSCP: share (0..1] of <see cref="TargetGroup"/>'s people to cover, existing stations included.</summary>
    public double TargetShare { get; init; } = 1.0;

    /// <summary>LSCP: the group whose share is targeted (default: total, else the first group).</summary>
    public string? TargetGroup { get; init; }

    /// <summary>Upper limit of the summed cost of new sites; null = no budget.</summary>
    public double? Budget { get; init; }

    /// <summary>When true, every township code that has a selectable candidate gets at least one open site (existing or new).</summary>
    public bool TownshipFloor { get; init; }

    /// <summary>p-median: cost charged for a demand item no open site reaches (in the matrix's cost unit); default twice the largest stored cost.</summary>
    public double? UnreachedCost { get; init; }

    /// <summary>Time limit for the exact solver in seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 60;

    /// <summary>Relative gap at which the exact solver may stop (1e-4 = 0.01 %).</summary>
    public double RelativeGap { get; init; } = 1e-4;

    /// <summary>Run only the heuristic.</summary>
    public bool HeuristicOnly { get; init; }

    /// <summary>Warm-start the exact solver with the heuristic's answer (on by default; off for comparison).</summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>Solve the LP relaxation (GLOP) before the MIP: its bound may prove the heuristic optimal, or its optimum be integral (on by default).</summary>
    public bool LpBoundFirst { get; init; } = true;

    /// <summary>Run the Teitz-Bart interchange after the greedy (on by default; off gives the plain greedy).</summary>
    public bool Interchange { get; init; } = true;

    /// <summary>Heuristic starts (MCLP, p-median): start k makes the k-th best site the first greedy pick; the best local optimum is kept.</summary>
    public int Restarts { get; init; } = 1;

    /// <summary>OR-Tools MIP backend for the exact solver: SCIP (default), CP_SAT, CBC or HIGHS when the build has it.</summary>
    public string ExactSolver { get; init; } = "SCIP";

    /// <summary>Threads for the exact solver.</summary>
    public int Threads { get; init; } = 1;
}
