namespace Planner.Core.Network;

/// <summary>The directions a road edge may be travelled in, relative to its digitised order.</summary>
[Flags]
public enum TravelDirections : byte
{
    /// <summary>Not at all.</summary>
    None = 0,

    /// <summary>From the first coordinate towards the last.</summary>
    Forward = 1,

    /// <summary>From the last coordinate towards the first.</summary>
    Backward = 2,

    /// <summary>Both ways.</summary>
    Both = Forward | Backward,
}
