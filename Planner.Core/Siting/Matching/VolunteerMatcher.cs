using System.Collections.Immutable;
using Google.OrTools.Graph;
using Planner.Core.Model;

namespace Planner.Core.Siting.Matching;

/// <summary>
/// Dispatch of the need list to volunteer teams (派单—接单) as a min-cost flow (OR-Tools MinCostFlow):
/// source -> need (its hours) -> team (when the team's skills include the need's kind and its base is within
/// the travel limit; cost = travel minutes per hour served) -> sink (the team's weekly hours). Each need also
/// has an arc to the sink priced above any augmenting path, so the flow serves as many hours as possible first
/// and travels as little as possible second. Hours move in blocks of <see cref="MatchingOptions.HoursPerUnit"/>.
/// Unmet needs feed a maximal covering recommendation of where to recruit new teams and with which skills.
/// </summary>
public static class VolunteerMatcher
{
    /// <summary>Matches needs to teams.</summary>
    /// <param name="teams">Teams with base, skills and weekly hours.</param>
    /// <param name="needs">Needs with location, kind and hours.</param>
    /// <param name="travel">Travel times (network engine, or straight line).</param>
    /// <param name="options">Limits.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    public static MatchingResult Match(
        IReadOnlyList<VolunteerTeam> teams, IReadOnlyList<Need> needs, ITravelTimeSource travel, MatchingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(travel);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.HoursPerUnit > 0) || !(options.LimitMinutes >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Hours per unit must be positive and the travel limit zero or more.");
        }

        double unit = options.HoursPerUnit;
        var needUnits = needs.Select(n => (long)Math.Ceiling((n.HoursPerWeek / unit) - 1e-9)).ToArray();
        var teamUnits = teams.Select(t => (long)Math.Floor((t.WeeklyHours / unit) + 1e-9)).ToArray();
        var pairs = travel.Within([.. teams.Select(t => t.Base)], [.. needs.Select(n => n.Location)], options.LimitMinutes, cancellationToken)
            .Where(p => teams[p.Origin].Skills.Contains(needs[p.Target].Kind, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Target).ThenBy(p => p.Origin).ToList();

        // Costs in hundredths of a minute; the unmatched arc costs more than any augmenting path can.
        long Cost(double minutes) => (long)Math.Round(minutes * 100);
        long maxCost = pairs.Count == 0 ? 0 : pairs.Max(p => Cost(p.Minutes));
        long unmatchedCost = (maxCost + 1) * (needs.Count + 1) * 2;
        int source = 0, sink = 1 + needs.Count + teams.Count;
        var flow = new MinCostFlow();
        long total = needUnits.Sum();
        for (int i = 0; i < needs.Count; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + i, needUnits[i], 0);
            flow.AddArcWithCapacityAndUnitCost(1 + i, sink, needUnits[i], unmatchedCost);
        }

        for (int t = 0; t < teams.Count; t++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + needs.Count + t, sink, teamUnits[t], 0);
        }

        var pairArcs = pairs.Select(p => flow.AddArcWithCapacityAndUnitCost(1 + p.Target, 1 + needs.Count + p.Origin, needUnits[p.Target], Cost(p.Minutes))).ToArray();
        flow.SetNodeSupply(source, total);
        flow.SetNodeSupply(sink, -total);
        var status = flow.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Min-cost flow failed: {status}.");
        }

        var assignments = new List<NeedAssignment>();
        var served = new double[needs.Count];
        for (int k = 0; k < pairs.Count; k++)
        {
            long units = flow.Flow(pairArcs[k]);
            if (units > 0)
            {
                var (team, need, minutes) = pairs[k];
                assignments.Add(new NeedAssignment(needs[need].Id, teams[team].Id, units * unit, minutes));
                served[need] += units * unit;
            }
        }

        var outcomes = needs.Select((n, i) => new NeedOutcome(n.Id, n.Kind, needUnits[i] * unit, served[i], Reason(i, served[i], needUnits[i] * unit))).ToImmutableArray();
        var (recruitment, coverage) = UnmetNeedRecruitment.Recommend(needs, outcomes, travel, options, cancellationToken);
        return new MatchingResult([.. assignments], outcomes, assignments.Sum(a => a.Hours * a.Minutes), recruitment, coverage, travel.IsStraightLine);

        string Reason(int need, double hoursServed, double hoursNeeded)
        {
            if (hoursServed >= hoursNeeded - 1e-9)
            {
                return string.Empty;
            }

            bool skilled = teams.Any(t => t.Skills.Contains(needs[need].Kind, StringComparer.OrdinalIgnoreCase));
            return !skilled ? $"no team has the skill '{needs[need].Kind}'"
                : !pairs.Any(p => p.Target == need) ? $"no team with the skill is within {options.LimitMinutes:0.#} minutes"
                : "the teams within reach have no weekly hours left";
        }
    }
}
