using Planner.Core.Standards;

namespace Planner.Core.Visits;

/// <summary>
/// The <c>workload_hours</c> rule kind: a station has at least as many full-time social workers as its year of
/// home visits and station duty needs at <see cref="Rule.Min"/> service hours per social worker (Taicang: each
/// social worker serves 1,960 hours a year, 确保社工全年总服务时间达到1960小时).
/// </summary>
public static class WorkloadStandard
{
    /// <summary>The rule kind.</summary>
    public const string Kind = "workload_hours";

    /// <summary>The Taicang rule: 1,960 service hours a year per social worker.</summary>
    public static Rule Taicang { get; } = new()
    {
        Id = "staffing.workload_hours",
        Kind = Kind,
        Min = 1960,
        Text = "A station has enough full-time social workers for its year of home visits and station duty at 1,960 service hours per social worker.",
        TextZh = "社工站专职社工人数满足全年入户走访与站内值守工作量（每名社工全年服务时间1960小时）。",
        Source = "Taicang county-level local standard (太仓市民政局: 社工全年总服务时间达到1960小时)",
    };

    /// <summary>The rule of kind <c>workload_hours</c> in <paramref name="rules"/>, else <see cref="Taicang"/>.</summary>
    public static Rule From(RuleSet? rules) => rules?.Rules.FirstOrDefault(r => r.Kind == Kind) ?? Taicang;

    /// <summary>One check per station: workers present against workers needed.</summary>
    public static IEnumerable<StandardCheck> Check(Rule rule, IEnumerable<StationWorkload> stations)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(stations);
        foreach (var s in stations)
        {
            string note = FormattableString.Invariant(
                $"{s.YearHours:0} h a year (visits {12 * (s.VisitingHours + s.UnmetHours):0} h, duty {12 * s.DutyHours:0} h) at {rule.Min:0} h per social worker");
            yield return new StandardCheck(rule.Id, rule.Text, "station", s.StationId, s.StationName, s.WorkersPresent, s.WorkersNeeded, ">=", s.WorkersPresent >= s.WorkersNeeded, note)
            {
                RuleZh = rule.TextZh,
                NoteZh = FormattableString.Invariant($"全年 {s.YearHours:0} 小时，按每名社工 {rule.Min:0} 小时需 {s.WorkersNeeded} 名，现有 {s.WorkersPresent} 名"),
            };
        }
    }
}
