namespace Planner.Core.Visits;

/// <summary>A case whose visits a volunteer team takes (its skills cover the visit kind), lowering the workers' load.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="TeamId">The volunteer team.</param>
/// <param name="Visits">Visits a month.</param>
/// <param name="Hours">Hours a month, visits and round trips from the team's base.</param>
public sealed record VolunteerVisit(string CaseId, string TeamId, int Visits, double Hours);
