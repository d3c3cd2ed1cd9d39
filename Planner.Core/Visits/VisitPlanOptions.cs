using System.Collections.Immutable;

namespace Planner.Core.Visits;

/// <summary>
/// The planning parameters of a monthly visit plan. Every figure is a planning setting, not a national number:
/// the working day, the lunch break, the share of a social worker's time that is station duty and the hours a
/// social worker serves in a year (Taicang: 1,960) are data a county sets.
/// </summary>
public sealed record VisitPlanOptions
{
    /// <summary>The month planned (its first day).</summary>
    public DateOnly Month { get; init; } = new(2027, 3, 1);

    /// <summary>Travel mode of the home visits for every station (<c>walk</c> or <c>ebike</c>; <c>drive</c> is accepted).</summary>
    public string Mode { get; init; } = "ebike";

    /// <summary>A station's own mode where it differs from <see cref="Mode"/> (station id → mode).</summary>
    public ImmutableDictionary<string, string> StationModes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>When the working day starts, minutes after midnight (08:30).</summary>
    public int DayStartMinute { get; init; } = 8 * 60 + 30;

    /// <summary>Hours of work a day: travel plus visits (8).</summary>
    public double WorkHoursPerDay { get; init; } = 8;

    /// <summary>
    /// The lunch break, minutes (60). The day's span is the work hours plus the break, and a worker's travel and
    /// visits fill at most the work hours of it, so the break fits where the day's visits leave room for it.
    /// </summary>
    public int LunchMinutes { get; init; } = 60;

    /// <summary>
    /// The share of a social worker's working days spent on station duty (值班, counselling, case files, meetings,
    /// training), 0 to below 1 (0.4). Duty days are spread over the month and staggered between the workers.
    /// </summary>
    public double DutyShare { get; init; } = 0.4;

    /// <summary>Dates that are not working days in the month although they are weekdays (public holidays).</summary>
    public ImmutableArray<DateOnly> Holidays { get; init; } = [];

    /// <summary>Weekend dates that are working days (调休 make-up days).</summary>
    public ImmutableArray<DateOnly> MakeUpDays { get; init; } = [];

    /// <summary>Hours a social worker serves in a year (the <c>workload_hours</c> rule; Taicang 1,960).</summary>
    public double ServiceHoursPerWorkerYear { get; init; } = 1960;

    /// <summary>Whether volunteer teams take the visits their skills cover (true).</summary>
    public bool UseVolunteers { get; init; } = true;

    /// <summary>Largest travel time from a volunteer team's base to a case it takes, minutes (30).</summary>
    public double VolunteerLimitMinutes { get; init; } = 30;

    /// <summary>Time the routing search may spend on one station, seconds (2).</summary>
    public double SecondsPerStation { get; init; } = 2;

    /// <summary>Whether to improve the nearest-neighbour plan with OR-Tools routing (true); false keeps the warm start.</summary>
    public bool Optimise { get; init; } = true;

    /// <summary>Stations planned at once (0 = one per processor).</summary>
    public int Parallelism { get; init; }

    /// <summary>The minutes of work in a day.</summary>
    public int WorkMinutesPerDay => (int)Math.Round(WorkHoursPerDay * 60);

    /// <summary>The day's span: work plus lunch, minutes.</summary>
    public int SpanMinutesPerDay => WorkMinutesPerDay + LunchMinutes;

    /// <summary>What is wrong with these options, one line each (field: reason).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Mode is not ("walk" or "ebike" or "drive"))
        {
            problems.Add($"mode: '{Mode}' is not a visit mode; use walk or ebike (or drive)");
        }

        foreach (var (station, mode) in StationModes)
        {
            if (mode is not ("walk" or "ebike" or "drive"))
            {
                problems.Add($"stationModes.{station}: '{mode}' is not a visit mode; use walk or ebike (or drive)");
            }
        }

        if (!(WorkHoursPerDay > 0 && WorkHoursPerDay <= 12))
        {
            problems.Add("workHoursPerDay: give more than 0 and at most 12 hours");
        }

        if (LunchMinutes is < 0 or > 180)
        {
            problems.Add("lunchMinutes: give 0 to 180 minutes");
        }

        if (DayStartMinute is < 0 || DayStartMinute + SpanMinutesPerDay > 24 * 60)
        {
            problems.Add("dayStart: the working day must start and end within the day");
        }

        if (!(DutyShare >= 0 && DutyShare < 1))
        {
            problems.Add("dutyShare: give a share from 0 to below 1 (0.4 = 40 % of working days on station duty)");
        }

        if (!(ServiceHoursPerWorkerYear > 0))
        {
            problems.Add("serviceHoursPerWorkerYear: give more than 0 hours (Taicang: 1960)");
        }

        if (!(VolunteerLimitMinutes >= 0))
        {
            problems.Add("volunteerLimitMinutes: give 0 or more minutes");
        }

        if (!(SecondsPerStation > 0 && SecondsPerStation <= 600))
        {
            problems.Add("secondsPerStation: give more than 0 and at most 600 seconds");
        }

        return problems;
    }
}
