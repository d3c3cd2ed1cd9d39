using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Siting.Matching;

/// <summary>
/// Where to recruit new volunteer teams: a maximal covering (MCLP) over the unmet needs, weighted by unserved
/// hours, with candidate bases = the given candidates or the unmet needs' own locations, coverage = within the
/// travel limit. Each covered unmet need goes to its nearest recommended base (ties: lower id); the base's
/// skills are the kinds of those needs with their hours.
/// </summary>
internal static class UnmetNeedRecruitment
{
    public static (ImmutableArray<RecruitmentSite> Sites, SitingResult? Coverage) Recommend(
        IReadOnlyList<Need> needs, ImmutableArray<NeedOutcome> outcomes, ITravelTimeSource travel, MatchingOptions options, CancellationToken cancellationToken)
    {
        var unmet = Enumerable.Range(0, needs.Count).Where(i => !outcomes[i].Matched).ToList();
        if (unmet.Count == 0 || options.NewTeams <= 0)
        {
            return ([], null);
        }

        var bases = options.RecruitCandidates is { } given
            ? given.Select(c => (Id: c.Id, c.Location)).ToList()
            : unmet.Select(i => (Id: $"need:{needs[i].Id}", needs[i].Location)).DistinctBy(b => b.Id).ToList();
        var groups = new PopulationGroups(["hours"]);
        var demand = unmet.Select(i => new SitingDemand(needs[i].Id, [outcomes[i].HoursNeeded - outcomes[i].HoursServed], needs[i].UnitCode, needs[i].Location)).ToList();
        var sites = bases.Select(b => new SitingSite(b.Id, 1, SiteRole.Candidate, b.Location)).ToList();
        var pairs = travel.Within([.. bases.Select(b => b.Location)], [.. demand.Select(d => d.Location!.Value)], options.LimitMinutes, cancellationToken);
        var matrix = new CoverageMatrix(groups, demand, sites, pairs.Select(p => (p.Origin, p.Target, p.Minutes)), options.LimitMinutes);
        var result = SitingSolver.Solve(matrix, new SitingRequest { Model = SitingModel.Mclp, P = options.NewTeams, TimeLimitSeconds = options.TimeLimitSeconds }, cancellationToken);

        var chosen = result.Sites.Select(s => s.Index).ToHashSet();
        var nearest = new (int Site, double Minutes)[demand.Count];
        Array.Fill(nearest, (-1, double.PositiveInfinity));
        foreach (var (site, d, minutes) in pairs.OrderBy(p => p.Origin))
        {
            if (chosen.Contains(site) && (minutes < nearest[d].Minutes || (minutes == nearest[d].Minutes && string.CompareOrdinal(sites[site].Id, sites[nearest[d].Site].Id) < 0)))
            {
                nearest[d] = (site, minutes);
            }
        }

        var recruitment = result.Sites.Select(s =>
        {
            var served = Enumerable.Range(0, demand.Count).Where(d => nearest[d].Site == s.Index).ToList();
            var skills = served.GroupBy(d => needs[unmet[d]].Kind, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(d => demand[d].Counts[0]), StringComparer.Ordinal);
            return new RecruitmentSite(s.Id, s.Location ?? default(GeoPoint), [.. served.Select(d => demand[d].Id)], skills);
        }).ToImmutableArray();
        return (recruitment, result);
    }
}
