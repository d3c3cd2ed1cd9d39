namespace Planner.Core.Model;

/// <summary>How far a station has come: planned, built (signage done) or operating.</summary>
public enum StationStatus
{
    /// <summary>Planned, not yet built.</summary>
    Planned,

    /// <summary>Built and branded but not fully operating.</summary>
    Built,

    /// <summary>Operating: staffed and serving. Only these count for coverage by default.</summary>
    Operating,
}
