using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Siting.Matching;

/// <summary>Hours of one need served by one team.</summary>
/// <param name="NeedId">Need.</param>
/// <param name="TeamId">Team.</param>
/// <param name="Hours">Hours per week.</param>
/// <param name="Minutes">Travel minutes from the team's base to the need.</param>
public sealed record NeedAssignment(string NeedId, string TeamId, double Hours, double Minutes);

/// <summary>How a need fared: hours needed and served, and why the rest is not served.</summary>
/// <param name="NeedId">Need.</param>
/// <param name="Kind">Kind of service.</param>
/// <param name="HoursNeeded">Hours per week needed (rounded up to the flow's granularity).</param>
/// <param name="HoursServed">Hours per week assigned.</param>
/// <param name="Reason">Why hours remain unserved (no team with the skill, none within the limit, teams' hours used up), or empty.</param>
public sealed record NeedOutcome(string NeedId, string Kind, double HoursNeeded, double HoursServed, string Reason)
{
    /// <summary>True when every needed hour is served.</summary>
    public bool Matched => HoursServed >= HoursNeeded - 1e-9;
}

/// <summary>A recommended base for a new volunteer team and the skills it needs.</summary>
/// <param name="Id">Candidate id, or <c>need:&lt;id&gt;</c> when based at an unmet need.</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="NeedIds">Unmet needs it would serve (each assigned to its nearest recommended base).</param>
/// <param name="Skills">Kind of service -> unmet hours per week of that kind among those needs, ordinal order.</param>
public sealed record RecruitmentSite(string Id, GeoPoint Location, ImmutableArray<string> NeedIds, ImmutableSortedDictionary<string, double> Skills);

/// <summary>The result of matching needs to volunteer teams.</summary>
/// <param name="Assignments">Need-team assignments (a need may be split over teams in blocks of hours).</param>
/// <param name="Needs">Outcome per need, in input order.</param>
/// <param name="TravelMinutesTimesHours">Objective: sum over assignments of hours x travel minutes.</param>
/// <param name="Recruitment">Recommended bases for new teams; empty when every need is matched or none was asked for.</param>
/// <param name="RecruitmentCoverage">The recruitment MCLP answer (unmet hours covered), or null.</param>
/// <param name="StraightLine">True when travel times are straight-line estimates, not network times.</param>
public sealed record MatchingResult(
    ImmutableArray<NeedAssignment> Assignments,
    ImmutableArray<NeedOutcome> Needs,
    double TravelMinutesTimesHours,
    ImmutableArray<RecruitmentSite> Recruitment,
    SitingResult? RecruitmentCoverage,
    bool StraightLine)
{
    /// <summary>Needs fully served.</summary>
    public int MatchedCount => Needs.Count(n => n.Matched);

    /// <summary>Needs with unserved hours.</summary>
    public int UnmatchedCount => Needs.Count(n => !n.Matched);
}
