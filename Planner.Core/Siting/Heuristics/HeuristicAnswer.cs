namespace Planner.Core.Siting.Heuristics;

/// <summary>What a heuristic found: open sites (existing included), objective, a valid bound, or why it is infeasible.</summary>
internal sealed record HeuristicAnswer(bool[] Open, double Objective, double Bound, string? Infeasible, string Note);
