namespace Planner.Core.Visits;

/// <summary>
/// A station's month of home visits and the social workers that work needs. Visiting hours are the plan's travel
/// and visits plus, for visits the plan could not fit for want of hours, their visit and a round trip; duty
/// hours are the configured share of all working time; a year is twelve such months; workers needed = the
/// year's hours over the hours a social worker serves in a year (Taicang: 1,960), rounded up.
/// </summary>
/// <param name="StationId">The station.</param>
/// <param name="StationName">Its name.</param>
/// <param name="Mode">Travel mode of its visits.</param>
/// <param name="WorkersPresent">Full-time social workers at the station.</param>
/// <param name="Cases">Cases the station keeps (volunteer cases included).</param>
/// <param name="VisitsAsked">Visits the files ask for this month (those taken by volunteers excluded).</param>
/// <param name="VisitsPlanned">Visits in the plan.</param>
/// <param name="VisitsUnmet">Visits not in the plan.</param>
/// <param name="VolunteerVisits">Visits taken by volunteer teams.</param>
/// <param name="TravelHours">Planned travel.</param>
/// <param name="ServiceHours">Planned time at the homes.</param>
/// <param name="UnmetHours">Visit and round trip of each visit left out for want of hours.</param>
/// <param name="DutyHours">Station duty for the month, at the duty share.</param>
/// <param name="YearHours">Twelve months of visiting (planned and unmet) and duty.</param>
/// <param name="WorkersNeeded">Social workers needed for that year.</param>
public sealed record StationWorkload(
    string StationId,
    string StationName,
    string Mode,
    int WorkersPresent,
    int Cases,
    int VisitsAsked,
    int VisitsPlanned,
    int VisitsUnmet,
    int VolunteerVisits,
    double TravelHours,
    double ServiceHours,
    double UnmetHours,
    double DutyHours,
    double YearHours,
    int WorkersNeeded)
{
    /// <summary>Planned visiting hours: travel plus visits.</summary>
    public double VisitingHours => TravelHours + ServiceHours;
}
