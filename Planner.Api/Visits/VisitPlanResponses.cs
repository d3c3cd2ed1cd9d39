using Planner.Core.Visits;

namespace Planner.Api.Visits;

/// <summary>A station's month of visits and the workers it needs (no person's data).</summary>
internal sealed record StationWorkloadResponse(
    string Station, string Name, string Mode, int WorkersPresent, int WorkersNeeded, int Cases, int VisitsAsked, int VisitsPlanned, int VisitsUnmet,
    int VolunteerVisits, double TravelHours, double ServiceHours, double UnmetHours, double DutyHours, double YearHours, bool Passed)
{
    public static StationWorkloadResponse From(StationWorkload s) => new(
        s.StationId, s.StationName, s.Mode, s.WorkersPresent, s.WorkersNeeded, s.Cases, s.VisitsAsked, s.VisitsPlanned, s.VisitsUnmet, s.VolunteerVisits,
        Math.Round(s.TravelHours, 2), Math.Round(s.ServiceHours, 2), Math.Round(s.UnmetHours, 2), Math.Round(s.DutyHours, 2), Math.Round(s.YearHours, 2),
        s.WorkersPresent >= s.WorkersNeeded);
}

/// <summary>Cases of one unit visited as often as asked: counts only.</summary>
internal sealed record UnitVisitsResponse(string Unit, string Name, int Cases, int FullyVisited, int UnderVisited, int VisitsAsked, int VisitsPlanned)
{
    public static UnitVisitsResponse From(UnitVisits u) => new(u.UnitCode, u.UnitName, u.Cases, u.FullyVisited, u.UnderVisited, u.VisitsAsked, u.VisitsPlanned);
}

/// <summary>What a viewer may see of a plan: stations' hours and workers, and counts per unit.</summary>
internal sealed record VisitCountsResponse(string PlanId, string Month, int WorkingDays, IReadOnlyList<StationWorkloadResponse> Stations, IReadOnlyList<UnitVisitsResponse> Units);

/// <summary>One stop of a worker's day.</summary>
internal sealed record StopResponse(string CaseId, int Visit, string Start, double TravelMinutes, double Lon, double Lat);

/// <summary>One worker's day: the stops and the route's points (station, homes, station).</summary>
internal sealed record WorkerDayResponse(string Station, string Worker, string Date, double TravelMinutes, double ServiceMinutes, string Back, IReadOnlyList<StopResponse> Stops);

/// <summary>A visit not in the plan.</summary>
internal sealed record UnmetVisitResponse(string CaseId, string? Station, int Visit, string FirstDay, string LastDay, string Reason);

/// <summary>A case a volunteer team takes.</summary>
internal sealed record VolunteerVisitResponse(string CaseId, string Team, int Visits, double Hours);

/// <summary>Route quality: travel against the nearest-neighbour plan and a lower bound.</summary>
internal sealed record VisitQualityResponse(double TravelHours, double NearestNeighbourTravelHours, double LowerBoundTravelHours, double SavingOverNearestNeighbour, double GapToLowerBound, double Seconds);

/// <summary>The whole plan, for planners and admins (it names cases and where they live).</summary>
internal sealed record VisitPlanResponse(
    string PlanId, string Month, int WorkingDays, string Travel, int Cases, int VisitsPlanned, int VisitsUnmet, VisitQualityResponse Quality,
    IReadOnlyList<StationWorkloadResponse> Stations, IReadOnlyList<UnitVisitsResponse> Units, IReadOnlyList<UnmetVisitResponse> Unmet,
    IReadOnlyList<VolunteerVisitResponse> Volunteers, IReadOnlyList<WorkerDayResponse> Days)
{
    public static VisitPlanResponse From(string id, VisitPlan p)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var q = p.Quality;
        return new VisitPlanResponse(
            id, p.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), p.WorkingDays, p.Method, p.Cases, p.VisitsPlanned, p.Unmet.Length,
            new VisitQualityResponse(q.TravelHours, q.NearestNeighbourTravelHours, q.LowerBoundTravelHours, q.SavingOverNearestNeighbour, q.GapToLowerBound, q.Seconds),
            [.. p.Stations.Select(StationWorkloadResponse.From)], [.. p.Units.Select(UnitVisitsResponse.From)],
            [.. p.Unmet.Select(u => new UnmetVisitResponse(u.CaseId, u.StationId, u.Visit, Day(u.FirstDay), Day(u.LastDay), System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(u.Reason.ToString())))],
            [.. p.Volunteers.Select(v => new VolunteerVisitResponse(v.CaseId, v.TeamId, v.Visits, Math.Round(v.Hours, 2)))],
            [.. p.Days.Select(d => new WorkerDayResponse(d.StationId, d.WorkerId, Day(d.Date), Math.Round(d.TravelMinutes, 2), Math.Round(d.ServiceMinutes, 2),
                VisitWindow.Clock((int)Math.Round(d.ReturnMinute)),
                [.. d.Stops.Select(s => new StopResponse(s.CaseId, s.Visit, VisitWindow.Clock((int)Math.Round(s.StartMinute)), Math.Round(s.TravelMinutes, 2), p.Homes[s.CaseId].Lon, p.Homes[s.CaseId].Lat))]))]);
    }
}
