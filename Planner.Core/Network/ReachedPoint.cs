namespace Planner.Core.Network;

/// <summary>A location reached by a bounded search: its index, the fastest time and that path's network distance.</summary>
/// <param name="Point">Index of the location (a demand point).</param>
/// <param name="Seconds">Travel seconds at the graph's speeds.</param>
/// <param name="Meters">Network distance in metres of that path, off-road legs included.</param>
public readonly record struct ReachedPoint(int Point, double Seconds, double Meters);
