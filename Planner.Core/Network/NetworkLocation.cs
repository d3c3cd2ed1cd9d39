namespace Planner.Core.Network;

/// <summary>
/// Where a point joins the road network: a position on an edge (not necessarily a vertex) and the straight
/// off-road leg to it. <see cref="Edge"/> is -1 when no allowed road lies within the maximum snap distance.
/// </summary>
/// <param name="Edge">Edge index in the <see cref="RoadGraph"/>, or -1 when unreachable.</param>
/// <param name="OffsetMeters">Distance along the edge from its first coordinate, metres.</param>
/// <param name="LegMeters">Straight distance from the point to the road, metres (walked at the edge's speed).</param>
public readonly record struct NetworkLocation(int Edge, double OffsetMeters, double LegMeters)
{
    /// <summary>A location for a point too far from every road.</summary>
    public static NetworkLocation Unreachable { get; } = new(-1, 0, double.PositiveInfinity);

    /// <summary>True when the point joined the network.</summary>
    public bool IsOnNetwork => Edge >= 0;
}
