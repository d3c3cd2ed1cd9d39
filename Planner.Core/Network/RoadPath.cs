using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Network;

/// <summary>
/// The fastest way between two points along the roads: the off-road leg to the road, the road pieces, the leg
/// off it, in the graph's projection.
/// </summary>
/// <param name="Points">The line, from the origin point to the target point (projected metres).</param>
/// <param name="Seconds">Travel time at the graph's speeds, legs included (+∞ when not reached).</param>
/// <param name="Meters">Its length along the roads, legs included.</param>
public sealed record RoadPath(ImmutableArray<ProjectedPoint> Points, double Seconds, double Meters)
{
    /// <summary>True when the roads link the two points.</summary>
    public bool IsFound => double.IsFinite(Seconds);
}
