namespace Planner.Core.Visits;

/// <summary>Why a visit a file asks for is not in the plan.</summary>
public enum UnmetReason
{
    /// <summary>Too far for a day's round trip from the station (with the visit itself and its window), or not on the roads.</summary>
    TooFar,

    /// <summary>It would fit a day alone, but the station's workers have no working hours left in its period.</summary>
    NotEnoughWorkerHours,

    /// <summary>The home is farther from every road the mode may use than the snap distance (500 m): no network time to it.</summary>
    OffRoad,

    /// <summary>No road links the case to a standing station (and the file names none).</summary>
    NoStation,

    /// <summary>The file asks for more visits than the month has working days.</summary>
    MoreVisitsThanWorkingDays,
}
