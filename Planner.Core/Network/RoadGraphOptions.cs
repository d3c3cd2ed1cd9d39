namespace Planner.Core.Network;

/// <summary>Options for building a <see cref="RoadGraph"/>.</summary>
/// <param name="MinIslandVertices">
/// Connected pieces with fewer road vertices than this (counting every coordinate of the road lines as given)
/// are removed before snapping, as r5 does; the largest piece is always kept. 40 by default; 0 keeps everything.
/// </param>
public sealed record RoadGraphOptions(int MinIslandVertices = 40)
{
    /// <summary>The defaults (islands under 40 vertices removed).</summary>
    public static RoadGraphOptions Default { get; } = new();
}
