namespace Planner.Core.Network;

/// <summary>How a search reached one location: the fastest time, the network distance of that path, and the source's label.</summary>
/// <param name="Seconds">Travel time in seconds at the graph's speeds (+∞ when not reached).</param>
/// <param name="Meters">Network distance in metres of the fastest path, off-road legs included (+∞ when not reached).</param>
/// <param name="Label">Label of the source (e.g. station index), -1 when not reached.</param>
public readonly record struct NetworkReach(double Seconds, double Meters, int Label)
{
    /// <summary>Not reached.</summary>
    public static NetworkReach None { get; } = new(double.PositiveInfinity, double.PositiveInfinity, -1);
}
