namespace Planner.Core.Visits;

/// <summary>
/// How good the plan's routes are: total travel against the nearest-neighbour plan it started from and against a
/// lower bound (half the cheapest way in and out of every planned visit), over all stations.
/// </summary>
/// <param name="TravelHours">Travel of the plan.</param>
/// <param name="NearestNeighbourTravelHours">Travel of the nearest-neighbour plan.</param>
/// <param name="NearestNeighbourVisits">Visits the nearest-neighbour plan makes.</param>
/// <param name="LowerBoundTravelHours">Lower bound on the travel of any plan making the plan's visits.</param>
/// <param name="Seconds">Wall-clock time of the planning (travel times included).</param>
/// <param name="Optimised">Whether the routing search ran (else the plan is the nearest-neighbour one).</param>
public sealed record VisitPlanQuality(
    double TravelHours, double NearestNeighbourTravelHours, int NearestNeighbourVisits, double LowerBoundTravelHours, double Seconds, bool Optimised)
{
    /// <summary>Share of the nearest-neighbour travel saved (0.2 = 20 % less).</summary>
    public double SavingOverNearestNeighbour => NearestNeighbourTravelHours > 0 ? 1 - (TravelHours / NearestNeighbourTravelHours) : 0;

    /// <summary>Gap to the lower bound, as a share of the plan's travel.</summary>
    public double GapToLowerBound => TravelHours > 0 ? (TravelHours - LowerBoundTravelHours) / TravelHours : 0;
}
