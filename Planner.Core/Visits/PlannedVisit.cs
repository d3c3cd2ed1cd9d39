namespace Planner.Core.Visits;

/// <summary>One stop of a worker's day.</summary>
/// <param name="CaseId">The case visited.</param>
/// <param name="Visit">Which visit of the month (1-based).</param>
/// <param name="StartMinute">When the visit starts, minutes after midnight.</param>
/// <param name="EndMinute">When it ends, minutes after midnight.</param>
/// <param name="TravelMinutes">Travel from the previous stop (or the station).</param>
public sealed record PlannedVisit(string CaseId, int Visit, double StartMinute, double EndMinute, double TravelMinutes);
