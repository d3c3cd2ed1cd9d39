using Planner.Core.Model;

namespace Planner.Core.Standards;

/// <summary>
/// Checks a region against a rule set: staffing of stations (Taicang standard), a station in every township
/// and every village within a service circle (full coverage), volunteer activity and real-name registration
/// (Datong). Each check names the rule, the unit or station, the measured and required values and pass/fail.
/// </summary>
public static class StandardsChecker
{
    /// <summary>Runs every rule of <paramref name="rules"/>.</summary>
    /// <param name="region">The region.</param>
    /// <param name="rules">The rule set.</param>
    /// <param name="coverage">Covered population per unit and group, from the coverage engine; unit_covered rules report "not measured" without it.</param>
    public static IReadOnlyList<StandardCheck> Check(Region region, RuleSet rules, IReadOnlyCollection<UnitCoverageFigure>? coverage = null)
    {
        var units = new UnitHierarchy(region.Units);
        var results = new List<StandardCheck>();
        foreach (var rule in rules.Rules)
        {
            results.AddRange(rule.Kind switch
            {
                "station_staff" => StationStaff(region, units, rule),
                "unit_has_station" => UnitHasStation(region, units, rule),
                "unit_covered" => UnitCovered(region, rule, coverage),
                "volunteer_activity" => Volunteers(region, units, rule, t => t.Members, t => t.ActiveMembers, "active"),
                "supervision_ratio" => Supervision(region, units, rule),

                // Measured from a month of home visits (Visits.VisitPlanner), not from the region alone.
                "workload_hours" => [],
                _ => Volunteers(region, units, rule, t => t.Members, t => t.RegisteredMembers, "real-name registered"),
            });
        }

        return results;
    }

    private static IEnumerable<StandardCheck> StationStaff(Region region, UnitHierarchy units, Rule rule)
    {
        foreach (var s in region.Stations.Where(s => DomainNames.Of(s.Level) == rule.StationLevel && StationCounting.Stands(s)))
        {
            double required = rule.Min;
            string note = string.Empty;
            if (rule.PerGovernedVillage > 0)
            {
                var township = units.UnitAt(AdminLevel.Township, s.UnitCode, s.Location);
                int villages = township is null ? 0 : units.Children(township.Code).Count(u => u.Level == AdminLevel.Village);
                required = Math.Max(rule.Min, Math.Ceiling(rule.PerGovernedVillage * villages));
                note = township is null
                    ? "station lies in no township unit: only the floor applies"
                    : $"{township.Name} governs {villages} villages/communities";
            }

            yield return Compare(rule, "station", s.Id, s.Name, s.SocialWorkers, required, note);
        }
    }

    /// <summary>
    /// A station of the listed levels in every unit. With status <c>built</c> the rule counts as the Ministry of
    /// Civil Affairs does for township full coverage (乡镇社工站全覆盖): a station that is built, operating or not;
    /// the note says how many of them operate. Any other status counts only stations of that status.
    /// </summary>
    private static IEnumerable<StandardCheck> UnitHasStation(Region region, UnitHierarchy units, Rule rule)
    {
        DomainNames.TryParseAdminLevel(rule.UnitLevel, out var level);
        DomainNames.TryParseStationStatus(rule.Status, out var status);
        bool built = status == StationStatus.Built;
        foreach (var unit in region.Units.Where(u => u.Level == level))
        {
            var inUnit = region.Stations.Where(s =>
                (rule.StationLevels.Count == 0 || rule.StationLevels.Contains(DomainNames.Of(s.Level)))
                && units.UnitAt(unit.Level, s.UnitCode, s.Location)?.Code == unit.Code).ToList();
            int count = inUnit.Count(s => built ? StationCounting.Stands(s) : s.Status == status);
            int operating = inUnit.Count(s => s.Status == StationStatus.Operating);
            string note = built ? $"{count} built or operating station(s) in the unit, {operating} operating" : $"{rule.Status} stations in the unit";
            yield return Compare(rule, "unit", unit.Code, unit.Name, count, Math.Max(1, rule.Min), note) with
            {
                NoteZh = built ? $"已建成 {count} 个（其中运营 {operating} 个）" : string.Empty,
                Operating = built ? operating : null,
            };
        }
    }

    private static IEnumerable<StandardCheck> UnitCovered(Region region, Rule rule, IReadOnlyCollection<UnitCoverageFigure>? coverage)
    {
        DomainNames.TryParseAdminLevel(rule.UnitLevel, out var level);
        foreach (var unit in region.Units.Where(u => u.Level == level))
        {
            // A rule naming its circle reads that circle's figures; one without reads the run's own.
            var figure = coverage?.FirstOrDefault(c => c.UnitCode == unit.Code && c.Group == rule.Group && (rule.Circle is null || c.Circle == rule.Circle));
            string? circle = rule.Circle ?? figure?.Circle;
            string by = circle is null ? string.Empty : $" by {circle}";
            if (figure is null || figure.Population <= 0)
            {
                yield return new StandardCheck(rule.Id, rule.Text, "unit", unit.Code, unit.Name, null, rule.Min, ">=", false,
                    coverage is null || (rule.Circle is not null && !coverage.Any(c => c.Circle == rule.Circle))
                        ? $"coverage not computed{(rule.Circle is null ? string.Empty : " for " + rule.Circle)}"
                        : $"no {rule.Group} population recorded in the unit") { RuleZh = rule.TextZh };
                continue;
            }

            yield return Compare(rule, "unit", unit.Code, unit.Name, figure.Covered / figure.Population, rule.Min,
                FormattableString.Invariant($"{figure.Covered:0} of {figure.Population:0} {rule.Group} covered{by}")) with
            {
                NoteZh = FormattableString.Invariant($"{circle ?? "本次生活圈"}：{rule.Group} {figure.Population:0} 人中覆盖 {figure.Covered:0} 人"),
            };
        }
    }

    private static IEnumerable<StandardCheck> Volunteers(Region region, UnitHierarchy units, Rule rule, Func<VolunteerTeam, int> whole, Func<VolunteerTeam, int?> part, string what)
    {
        DomainNames.TryParseAdminLevel(rule.UnitLevel, out var level);
        var byUnit = ByUnit(region.Teams, units, level!.Value, t => t.UnitCode, t => t.Base);
        foreach (var unit in region.Units.Where(u => u.Level == level))
        {
            if (!byUnit.TryGetValue(unit.Code, out var teams))
            {
                // Datong gives a supervision order to a unit with no volunteer team: it fails with nothing active.
                yield return Compare(rule, "unit", unit.Code, unit.Name, 0, rule.Min, "no volunteer team") with { NoteZh = "无志愿服务队伍" };
                continue;
            }

            int members = teams.Sum(whole);
            if (members == 0 || teams.Any(t => part(t) is null))
            {
                yield return new StandardCheck(rule.Id, rule.Text, "unit", unit.Code, unit.Name, null, rule.Min, rule.Strict ? ">" : ">=", false,
                    members == 0 ? "teams have no members" : $"{what} members not recorded for every team");
                continue;
            }

            int counted = teams.Sum(t => part(t)!.Value);
            yield return Compare(rule, "unit", unit.Code, unit.Name, (double)counted / members, rule.Min, $"{counted} of {members} members {what} in {teams.Count} team(s)");
        }
    }

    /// <summary>
    /// Supervisors against social workers per unit (Taicang: one full-time supervisor per 5 social workers,
    /// counted over the unit's built and operating stations, as staffing is). A unit whose stations do not all
    /// record their supervisors cannot be measured and does not pass.
    /// </summary>
    private static IEnumerable<StandardCheck> Supervision(Region region, UnitHierarchy units, Rule rule)
    {
        DomainNames.TryParseAdminLevel(rule.UnitLevel, out var level);
        var byUnit = ByUnit(region.Stations.Where(s => StationCounting.Stands(s)), units, level!.Value, s => s.UnitCode, s => s.Location);
        foreach (var unit in region.Units.Where(u => u.Level == level))
        {
            if (!byUnit.TryGetValue(unit.Code, out var stations))
            {
                continue;
            }

            int workers = stations.Sum(s => s.SocialWorkers);
            double required = Math.Ceiling(workers / rule.WorkersPerSupervisor);
            int unrecorded = stations.Count(s => s.Supervisors is null);
            if (unrecorded > 0)
            {
                yield return new StandardCheck(rule.Id, rule.Text, "unit", unit.Code, unit.Name, null, required, ">=", false,
                    $"supervisors not recorded at {unrecorded} of {stations.Count} built or operating station(s)");
                continue;
            }

            int supervisors = stations.Sum(s => s.Supervisors!.Value);
            yield return Compare(rule, "unit", unit.Code, unit.Name, supervisors, required,
                $"{supervisors} supervisor(s) for {workers} social workers at {stations.Count} station(s)");
        }
    }

    /// <summary>Items by the code of the unit of <paramref name="level"/> they belong to (by their unit code, else where they stand).</summary>
    private static Dictionary<string, List<T>> ByUnit<T>(IEnumerable<T> items, UnitHierarchy units, AdminLevel level, Func<T, string?> unitCode, Func<T, Geo.GeoPoint> location) =>
        items.GroupBy(x => units.UnitAt(level, unitCode(x), location(x))?.Code ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    private static StandardCheck Compare(Rule rule, string kind, string id, string name, double measured, double required, string note)
    {
        bool passed = rule.Strict ? measured > required : measured >= required - 1e-12;
        return new StandardCheck(rule.Id, rule.Text, kind, id, name, measured, required, rule.Strict ? ">" : ">=", passed, note) { RuleZh = rule.TextZh };
    }
}
