namespace Planner.Core.Visits;

/// <summary>One visit of a file that the plan does not make.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="StationId">The station keeping the case, or null when none is in reach.</param>
/// <param name="Visit">Which visit of the month (1-based).</param>
/// <param name="FirstDay">First day of the visit's period.</param>
/// <param name="LastDay">Last day of the visit's period.</param>
/// <param name="Reason">Why it is not made.</param>
public sealed record UnmetVisit(string CaseId, string? StationId, int Visit, DateOnly FirstDay, DateOnly LastDay, UnmetReason Reason);
