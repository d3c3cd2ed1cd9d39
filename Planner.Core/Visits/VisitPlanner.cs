using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Siting;
using Planner.Core.Standards;

namespace Planner.Core.Visits;

/// <summary>
/// The monthly home-visit plan of a region (入户走访 planning): each case goes to the station keeping its file
/// (or the nearest standing station by travel time), volunteer teams take the visits their skills cover, and each
/// station's social workers get their visiting days as routes from the station, a vehicle-routing problem with
/// time windows and visit frequencies solved per station by OR-Tools routing (guided local search under a time
/// limit) from a nearest-neighbour start. Travel times come from the road network in the station's mode
/// (<see cref="NetworkTravelTimeSource"/>; straight line only for a region without roads). The plan then sizes each
/// station's staff from its workload: visiting and duty hours over the <c>workload_hours</c> rule's yearly hours.
/// </summary>
public static class VisitPlanner
{
    /// <summary>What stops a plan, one line each (<c>field: reason</c>); empty when the plan can run.</summary>
    public static IReadOnlyList<string> Problems(Region region, IReadOnlyList<VisitCase> cases, VisitPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        var stations = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var units = new UnitHierarchy(region.Units);
        foreach (var station in options.StationModes.Keys.Where(k => !stations.ContainsKey(k)))
        {
            problems.Add($"stationModes.{station}: not a station of the region");
        }

        foreach (var c in cases)
        {
            if (c.Location is null && units.Find(c.UnitCode) is null)
            {
                problems.Add($"cases.{c.Id}.unit: '{c.UnitCode}' is not a unit of the region, and the case has no lon/lat");
            }

            if (c.StationId is { } s && !stations.ContainsKey(s))
            {
                problems.Add($"cases.{c.Id}.station: '{s}' is not a station of the region");
            }

            if (c.WorkerId is { } w && WorkerOf(w, stations) is not { } pinned)
            {
                problems.Add($"cases.{c.Id}.worker: '{w}' is not a worker; write STATION-k for the k-th social worker of a station");
            }
            else if (c.WorkerId is not null && c.StationId is { } own && WorkerOf(c.WorkerId, stations)!.Value.Station.Id != own)
            {
                problems.Add($"cases.{c.Id}.worker: '{c.WorkerId}' does not work at station '{own}'");
            }
        }

        return problems;
    }

    /// <summary>Plans the month; call <see cref="Problems"/> first (this throws <see cref="ArgumentException"/> on any).</summary>
    /// <param name="region">The region: stations (social workers), roads, units, volunteer teams.</param>
    /// <param name="cases">The case table.</param>
    /// <param name="options">Planning settings.</param>
    /// <param name="rules">A rule set with a <c>workload_hours</c> rule; the Taicang rule when null or absent.</param>
    /// <param name="progress">Share of stations planned, 0 to 1.</param>
    /// <param name="cancellationToken">Cancels between and inside station searches.</param>
    public static VisitPlan Plan(
        Region region, IReadOnlyList<VisitCase> cases, VisitPlanOptions options, RuleSet? rules = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = Problems(region, cases, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(cases));
        }

        var clock = Stopwatch.StartNew();
        var rule = WorkloadStandard.From(rules);
        var month = new WorkingMonth(options.Month, options.DutyShare, options.Holidays, options.MakeUpDays);
        var stations = region.Stations.Where(StationCounting.Stands).ToList();
        var modes = region.Stations.ToDictionary(s => s.Id, s => options.StationModes.GetValueOrDefault(s.Id, options.Mode), StringComparer.Ordinal);
        var sources = new ConcurrentDictionary<string, ITravelTimeSource>(StringComparer.Ordinal);
        ITravelTimeSource Source(string mode) =>
            sources.GetOrAdd(mode, m => NetworkTravelTimeSource.ForRegion(region, new CoverageOptions { Mode = m, BuildCircles = false, Parallelism = options.Parallelism }));

        var sites = Sites(region, cases, stations, Source(options.Mode), options, cancellationToken);
        var volunteers = VolunteerAssignment.Assign([.. region.Teams], sites, Source(options.Mode), options, month.Days.Length, cancellationToken);
        var byStation = sites.Select((s, i) => (Site: s, Index: i)).Where(x => x.Site.Station >= 0 && !volunteers.ContainsKey(x.Index))
            .GroupBy(x => x.Site.Station).ToDictionary(g => g.Key, g => g.Select(x => x.Site).ToList());

        // The search time of all stations together is SecondsPerStation each; a station gets its share by its visits,
        // as a large station has more to gain from it than one with three cases.
        double meanVisits = Math.Max(1, (double)byStation.Values.Sum(l => l.Sum(x => x.Case.VisitsPerMonth)) / Math.Max(1, stations.Count));
        TimeSpan SearchTime(List<CaseSite> own) =>
            TimeSpan.FromSeconds(Math.Clamp(options.SecondsPerStation * own.Sum(x => x.Case.VisitsPerMonth) / meanVisits, 0.05, 10 * options.SecondsPerStation));
        var results = new StationMonth.Result[stations.Count];
        int finished = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, stations.Count, parallel, s =>
        {
            var station = stations[s];
            var own = byStation.GetValueOrDefault(s, []);
            results[s] = new StationMonth(station, modes[station.Id], own, month, options).Plan(Source(modes[station.Id]), SearchTime(own), cancellationToken);
            progress?.Report((double)Interlocked.Increment(ref finished) / stations.Count);
        });

        var unmet = results.SelectMany(r => r.Unmet).Concat(sites.Where(s => s.Station < 0).SelectMany(s => Unplanned(s, month))).ToImmutableArray();
        var workloads = stations.Select((st, s) => Workload(st, modes[st.Id], results[s], sites, s, volunteers, options, rule)).ToImmutableArray();
        return new VisitPlan
        {
            Month = month.First,
            WorkingDays = month.Days.Length,
            Method = Source(options.Mode).IsStraightLine ? "straight-line" : "network",
            Cases = cases.Count,
            Days = [.. results.SelectMany(r => r.Days).OrderBy(d => d.StationId, StringComparer.Ordinal).ThenBy(d => d.WorkerId, StringComparer.Ordinal).ThenBy(d => d.Date)],
            Unmet = unmet,
            Volunteers = [.. volunteers.OrderBy(v => v.Key).Select(v => v.Value)],
            Stations = workloads,
            Units = UnitFigures(region, sites, results, volunteers, unmet),
            Checks = [.. WorkloadStandard.Check(rule, workloads)],
            Quality = new VisitPlanQuality(
                results.Sum(r => r.TravelSeconds) / 3600, results.Sum(r => r.NearestNeighbourTravelSeconds) / 3600,
                results.Sum(r => r.NearestNeighbourVisits) + volunteers.Values.Sum(v => v.Visits), results.Sum(r => r.LowerBoundSeconds) / 3600,
                clock.Elapsed.TotalSeconds, options.Optimise),
            Homes = sites.ToImmutableDictionary(s => s.Case.Id, s => s.Home, StringComparer.Ordinal),
            StationOf = sites.Where(s => s.Station >= 0).ToImmutableDictionary(s => s.Case.Id, s => stations[s.Station].Id, StringComparer.Ordinal),
        };
    }

    /// <summary>Where each case is visited and which station keeps it: its own, its worker's, else the nearest by travel time (a case no road links to any station has none).</summary>
    private static List<CaseSite> Sites(Region region, IReadOnlyList<VisitCase> cases, List<Station> stations, ITravelTimeSource travel, VisitPlanOptions options, CancellationToken cancellationToken)
    {
        var units = new UnitHierarchy(region.Units);
        var all = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var homes = cases.Select(c => c.Location ?? Interior(units.Find(c.UnitCode)!)).ToList();
        var nearest = new (int Station, double Minutes)[cases.Count];
        Array.Fill(nearest, (-1, double.PositiveInfinity));
        foreach (var (o, t, minutes) in travel.Within([.. stations.Select(s => s.Location)], homes, double.PositiveInfinity, cancellationToken))
        {
            if (minutes < nearest[t].Minutes)
            {
                nearest[t] = (o, minutes);
            }
        }

        var offRoad = travel is NetworkTravelTimeSource network ? network.Snap(homes).Select(l => !l.IsOnNetwork).ToArray() : new bool[cases.Count];
        var result = new List<CaseSite>(cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var pinned = c.WorkerId is { } w ? WorkerOf(w, all) : null;
            var stationId = c.StationId ?? pinned?.Station.Id;
            int station = stationId is null ? nearest[i].Station : stations.FindIndex(s => s.Id == stationId);
            string? unit = (units.UnitAt(AdminLevel.Village, c.UnitCode, homes[i]) ?? units.Holding(c.UnitCode, homes[i]))?.Code;
            result.Add(new CaseSite(c, homes[i], unit, offRoad[i] ? -1 : station, pinned?.Worker ?? -1, offRoad[i]));
        }

        return result;
    }

    private static GeoPoint Interior(AdminUnit unit)
    {
        var p = unit.Boundary.InteriorPoint;
        return new GeoPoint(p.X, p.Y);
    }

    /// <summary>The station and worker index named by <c>STATION-k</c>; null when it names none.</summary>
    private static (Station Station, int Worker)? WorkerOf(string workerId, IReadOnlyDictionary<string, Station> stations)
    {
        int dash = workerId.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(workerId.AsSpan(dash + 1), out int k) || !stations.TryGetValue(workerId[..dash], out var s) || k < 1 || k > s.SocialWorkers)
        {
            return null;
        }

        return (s, k - 1);
    }

    private static IEnumerable<UnmetVisit> Unplanned(CaseSite site, WorkingMonth month)
    {
        var c = site.Case;
        for (int v = 0; v < c.VisitsPerMonth; v++)
        {
            var (first, last) = month.Period(Math.Min(v, month.Days.Length - 1), Math.Min(c.VisitsPerMonth, month.Days.Length));
            yield return new UnmetVisit(c.Id, null, v + 1, month.Days[first], month.Days[last], site.OffRoad ? UnmetReason.OffRoad : UnmetReason.NoStation);
        }
    }

    private static StationWorkload Workload(
        Station station, string mode, StationMonth.Result result, List<CaseSite> sites, int index, Dictionary<int, VolunteerVisit> volunteers, VisitPlanOptions options, Rule rule)
    {
        double travel = result.TravelSeconds / 3600;
        double service = result.Days.Sum(d => d.ServiceMinutes) / 60;
        double visiting = travel + service + result.UnmetHours;

        // Duty is a share of all working time, so visiting is the rest: duty = visiting x share / (1 - share).
        double duty = visiting * options.DutyShare / (1 - options.DutyShare);
        double year = 12 * (visiting + duty);
        int needed = (int)Math.Ceiling((year / rule.Min) - 1e-9);
        int cases = sites.Count(s => s.Station == index);
        int volunteerVisits = sites.Select((s, i) => (s, i)).Where(x => x.s.Station == index && volunteers.ContainsKey(x.i)).Sum(x => volunteers[x.i].Visits);
        int planned = result.Days.Sum(d => d.Stops.Length);
        return new StationWorkload(station.Id, station.Name, mode, station.SocialWorkers, cases, result.VisitsAsked, planned, result.Unmet.Length,
            volunteerVisits, travel, service, result.UnmetHours, duty, year, needed);
    }

    private static ImmutableArray<UnitVisits> UnitFigures(
        Region region, List<CaseSite> sites, StationMonth.Result[] results, Dictionary<int, VolunteerVisit> volunteers, ImmutableArray<UnmetVisit> unmet)
    {
        var short_ = unmet.Select(u => u.CaseId).ToHashSet(StringComparer.Ordinal);
        var planned = results.SelectMany(r => r.Days).SelectMany(d => d.Stops).GroupBy(s => s.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = region.Units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        return [.. sites.Select((s, i) => (Site: s, Index: i)).GroupBy(x => x.Site.UnitCode ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnitVisits(
                g.Key,
                names.GetValueOrDefault(g.Key, g.Key.Length == 0 ? "(no unit)" : g.Key),
                g.Count(),
                g.Count(x => !short_.Contains(x.Site.Case.Id)),
                g.Sum(x => x.Site.Case.VisitsPerMonth),
                g.Sum(x => volunteers.TryGetValue(x.Index, out var v) ? v.Visits : planned.GetValueOrDefault(x.Site.Case.Id))))];
    }
}
