using System.Collections.Immutable;
using Planner.Core.Model;
using Planner.Core.Visits;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Visits;

public class VisitPlannerTests
{
    /// <summary>A straight road from -3 km to 3 km in 100 m pieces with a station of one worker at 0.</summary>
    private static Region Road(int workers = 1, IEnumerable<VolunteerTeam>? teams = null) =>
        Region(Line([.. Enumerable.Range(-30, 61).Select(i => i * 100.0)]), [], [Station("S1", 0, 0, workers: workers)]) with { Teams = [.. teams ?? []] };

    private static readonly VisitPlanOptions Walk = new() { Mode = "walk", SecondsPerStation = 0.5, Parallelism = 1 };

    private static VisitCase Case(string id, double x, int visits, double minutes, VisitWindow? window = null, string? kind = null) =>
        new(id, At(x, 0), null, CaseCategories.ElderlyAlone, visits, minutes, Window: window, Kind: kind);

    [Fact]
    public void Plan_OneCaseWeekly_HoursAndWorkersNeededAsComputedByHand()
    {
        // 1,200 m at 4.8 km/h is 15 min each way: four visits of 30 min are 2 h of travel and 2 h at the home.
        var plan = VisitPlanner.Plan(Road(), [Case("C1", 1200, 4, 30)], Walk);

        var s = Assert.Single(plan.Stations);
        Assert.Equal(4, s.VisitsPlanned);
        Assert.Equal(0, s.VisitsUnmet);
        Assert.Equal(2.0, s.TravelHours, 3);
        Assert.Equal(2.0, s.ServiceHours, 3);

        // Duty 40 % of working time: 4 h x 0.4 / 0.6; a year is twelve months of both; 1,960 h a worker.
        Assert.Equal(4 * 0.4 / 0.6, s.DutyHours, 3);
        Assert.Equal(12 * (4 + (4 * 0.4 / 0.6)), s.YearHours, 3);
        Assert.Equal(1, s.WorkersNeeded);
        var check = Assert.Single(plan.Checks);
        Assert.Equal(("workload_hours", true, 1.0), (WorkloadStandard.Kind, check.Passed, check.Required));
        Assert.Equal("network", plan.Method);
    }

    [Fact]
    public void Plan_ManyCasesWithWindows_FrequencyAndWindowsAlwaysRespected()
    {
        var random = new Random(5);
        var cases = Enumerable.Range(0, 25).Select(i => Case(
            $"C{i}", (random.NextDouble() * 5800) - 2900, random.Next(1, 7), 20 + random.Next(60),
            random.Next(3) == 0 ? new VisitWindow(14 * 60, 17 * 60) : null)).ToList();
        var options = Walk with { Month = new DateOnly(2027, 3, 1) };

        var plan = VisitPlanner.Plan(Road(workers: 2), cases, options);

        var month = new WorkingMonth(options.Month, options.DutyShare);
        foreach (var c in cases)
        {
            var stops = plan.Days.SelectMany(d => d.Stops.Select(s => (d.Date, Stop: s))).Where(x => x.Stop.CaseId == c.Id).ToList();
            Assert.Equal(c.VisitsPerMonth, stops.Count + plan.Unmet.Count(u => u.CaseId == c.Id));
            Assert.Equal(stops.Count, stops.Select(x => x.Stop.Visit).Distinct().Count());
            foreach (var (date, stop) in stops)
            {
                var (first, last) = month.Period(stop.Visit - 1, c.VisitsPerMonth);
                Assert.InRange(date, month.Days[first], month.Days[last]);
                if (c.Window is { } w)
                {
                    Assert.InRange(stop.StartMinute, w.StartMinute, w.EndMinute);
                }
            }
        }

        foreach (var day in plan.Days)
        {
            Assert.True(day.TravelMinutes + day.ServiceMinutes <= options.WorkMinutesPerDay + 1e-6);
            Assert.True(day.ReturnMinute <= options.DayStartMinute + options.SpanMinutesPerDay + 1e-6);
            Assert.True(day.Stops.Zip(day.Stops.Skip(1)).All(p => p.First.EndMinute + p.Second.TravelMinutes <= p.Second.StartMinute + 1e-6));
            Assert.True(month.IsVisitingDay(int.Parse(day.WorkerId[(day.WorkerId.LastIndexOf('-') + 1)..]) - 1, 2, month.Days.IndexOf(day.Date)));
        }

        Assert.True(plan.Quality.TravelHours <= plan.Quality.NearestNeighbourTravelHours + 1e-9 || plan.VisitsPlanned > plan.Quality.NearestNeighbourVisits);
        Assert.True(plan.Quality.LowerBoundTravelHours <= plan.Quality.TravelHours + 1e-9);
    }

    [Fact]
    public void Plan_ShortDayAndNoWorkers_ReportsTooFarAndNotEnoughWorkerHours()
    {
        // A 1-hour day: 2,900 m is 36 min each way, so the round trip alone is too long; 300 m is not.
        var shortDay = Walk with { WorkHoursPerDay = 1 };

        var far = VisitPlanner.Plan(Road(), [Case("far", 2900, 2, 30), Case("near", 300, 2, 30)], shortDay);
        var unstaffed = VisitPlanner.Plan(Road(workers: 0), [Case("near", 300, 2, 30)], shortDay);

        Assert.Equal([UnmetReason.TooFar, UnmetReason.TooFar], far.Unmet.Where(u => u.CaseId == "far").Select(u => u.Reason));
        Assert.DoesNotContain(far.Unmet, u => u.CaseId == "near");
        Assert.Equal([UnmetReason.NotEnoughWorkerHours, UnmetReason.NotEnoughWorkerHours], unstaffed.Unmet.Select(u => u.Reason));
        var s = Assert.Single(unstaffed.Stations);
        Assert.Equal((0, 1), (s.WorkersPresent, s.WorkersNeeded));
        Assert.False(Assert.Single(unstaffed.Checks).Passed);

        // Unmet hours: each visit 30 min plus 2 x 300 m at 80 m/min (7.5 min).
        Assert.Equal(2 * (30 + 7.5) / 60, s.UnmetHours, 3);
    }

    [Fact]
    public void Plan_TeamWithTheSkill_TakesTheCaseAndTheWorkersDoNot()
    {
        var team = new VolunteerTeam("T1", "team", At(100, 0), 10, 8, ["companionship"], 10, null);
        var cases = new[] { Case("kind", 500, 4, 30, kind: "companionship"), Case("other", 600, 4, 30) };

        var plan = VisitPlanner.Plan(Road(teams: [team]), cases, Walk);

        var v = Assert.Single(plan.Volunteers);
        Assert.Equal(("kind", "T1", 4), (v.CaseId, v.TeamId, v.Visits));

        // Four visits of 30 min plus a round trip of 2 x 400 m at 80 m/min each.
        Assert.Equal(4 * (30 + 10) / 60.0, v.Hours, 3);
        Assert.DoesNotContain(plan.Days.SelectMany(d => d.Stops), s => s.CaseId == "kind");
        Assert.Equal(4, plan.Stations[0].VolunteerVisits);
        Assert.Equal(8, plan.VisitsPlanned);
    }

    [Fact]
    public void Problems_UnknownStationWorkerAndUnit_OneLineEach()
    {
        var cases = new[]
        {
            new VisitCase("a", At(0, 0), null, "other", 1, 30, StationId: "S9"),
            new VisitCase("b", At(0, 0), null, "other", 1, 30, WorkerId: "S1-3"),
            new VisitCase("c", null, "999", "other", 1, 30),
        };

        var problems = VisitPlanner.Problems(Road(), cases, Walk with { Mode = "boat" });

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("mode:", problems[0]);
        Assert.StartsWith("cases.a.station:", problems[1]);
        Assert.StartsWith("cases.b.worker:", problems[2]);
        Assert.StartsWith("cases.c.unit:", problems[3]);
    }

    [Fact]
    public void Plan_PinnedWorker_OnlyThatWorkerVisits()
    {
        var cases = new[] { new VisitCase("p", At(800, 0), null, "other", 3, 30, WorkerId: "S1-2"), Case("q", 900, 3, 30) };

        var plan = VisitPlanner.Plan(Road(workers: 3), cases, Walk);

        var workers = plan.Days.Where(d => d.Stops.Any(s => s.CaseId == "p")).Select(d => d.WorkerId).Distinct();
        Assert.Equal(["S1-2"], workers);
        Assert.Empty(plan.Unmet);
        Assert.Equal(ImmutableDictionary<string, string>.Empty.Add("p", "S1").Add("q", "S1"), plan.StationOf);
    }
}
