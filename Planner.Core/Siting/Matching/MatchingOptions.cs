using Planner.Core.Model;

namespace Planner.Core.Siting.Matching;

/// <summary>Limits of volunteer matching and of the recruitment recommendation.</summary>
public sealed record MatchingOptions
{
    /// <summary>Largest travel time in minutes from a team's base to a need.</summary>
    public double LimitMinutes { get; init; } = 30;

    /// <summary>Granularity of hours in the flow (0.5 = half-hour blocks): need hours round up, team hours round down.</summary>
    public double HoursPerUnit { get; init; } = 0.5;

    /// <summary>How many new teams to recommend for unmet needs (0 = no recommendation).</summary>
    public int NewTeams { get; init; } = 1;

    /// <summary>Where new teams could be based; null = at the unmet needs' own locations.</summary>
    public IReadOnlyList<Candidate>? RecruitCandidates { get; init; }

    /// <summary>Time limit for the recruitment MCLP's exact solver in seconds.</summary>
    public double TimeLimitSeconds { get; init; } = 30;
}
