using Planner.Core.Model;
using Planner.Core.Siting;

namespace Planner.Core.Visits;

/// <summary>
/// Gives volunteer teams the cases whose visit kind their skills cover (the skills the matching engine uses):
/// nearest capable team first, while the team's month of hours (weekly hours x working days / 5) holds the
/// visits and a round trip from its base each. Cases pinned to a station or worker stay with the workers. A greedy
/// hand-out, not an optimisation: it only lowers the workers' load where a team plainly can help.
/// </summary>
internal static class VolunteerAssignment
{
    /// <summary>The cases taken, by site index.</summary>
    public static Dictionary<int, VolunteerVisit> Assign(
        IReadOnlyList<VolunteerTeam> teams, IReadOnlyList<CaseSite> sites, ITravelTimeSource travel, VisitPlanOptions options, int workingDays, CancellationToken cancellationToken)
    {
        var taken = new Dictionary<int, VolunteerVisit>();
        if (teams.Count == 0 || sites.Count == 0 || !options.UseVolunteers)
        {
            return taken;
        }

        var hoursLeft = teams.Select(t => t.WeeklyHours * workingDays / 5.0).ToArray();
        var pairs = travel.Within([.. teams.Select(t => t.Base)], [.. sites.Select(s => s.Home)], options.VolunteerLimitMinutes, cancellationToken)
            .Where(p => sites[p.Target].Case.StationId is null && sites[p.Target].Case.WorkerId is null
                && teams[p.Origin].Skills.Contains(sites[p.Target].Case.VisitKind, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Minutes).ThenBy(p => p.Target).ThenBy(p => p.Origin);
        foreach (var (team, site, minutes) in pairs)
        {
            var c = sites[site].Case;
            double hours = c.VisitsPerMonth * (c.MinutesPerVisit + (2 * minutes)) / 60;
            if (!taken.ContainsKey(site) && hoursLeft[team] >= hours)
            {
                hoursLeft[team] -= hours;
                taken[site] = new VolunteerVisit(c.Id, teams[team].Id, c.VisitsPerMonth, hours);
            }
        }

        return taken;
    }
}
