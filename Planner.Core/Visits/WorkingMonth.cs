using System.Collections.Immutable;

namespace Planner.Core.Visits;

/// <summary>
/// The working days of a month (Monday to Friday, less holidays, plus make-up days), the periods into which a
/// file's visits are spread, and which of its working days each social worker spends visiting rather than on
/// station duty.
/// </summary>
public sealed class WorkingMonth
{
    private readonly double _dutyShare;

    /// <summary>The working days of <paramref name="month"/>'s month.</summary>
    public WorkingMonth(DateOnly month, double dutyShare, IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? makeUpDays = null)
    {
        if (!(dutyShare >= 0 && dutyShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dutyShare), dutyShare, "The duty share must be from 0 to below 1.");
        }

        var off = (holidays ?? []).ToHashSet();
        var on = (makeUpDays ?? []).ToHashSet();
        var first = new DateOnly(month.Year, month.Month, 1);
        var days = ImmutableArray.CreateBuilder<DateOnly>();
        for (var d = first; d.Month == first.Month; d = d.AddDays(1))
        {
            bool weekday = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if ((weekday && !off.Contains(d)) || on.Contains(d))
            {
                days.Add(d);
            }
        }

        First = first;
        Days = days.ToImmutable();
        _dutyShare = dutyShare;
    }

    /// <summary>The first day of the month.</summary>
    public DateOnly First { get; }

    /// <summary>The working days, in order.</summary>
    public ImmutableArray<DateOnly> Days { get; }

    /// <summary>
    /// The working days (indices into <see cref="Days"/>, inclusive) in which visit <paramref name="visit"/> of
    /// <paramref name="visitsPerMonth"/> falls: the month is cut into that many equal periods, one visit in each,
    /// so a file asking for 4 visits is visited about weekly, not 4 times in the first week.
    /// </summary>
    public (int FirstDay, int LastDay) Period(int visit, int visitsPerMonth)
    {
        int n = Days.Length;
        int k = Math.Min(visitsPerMonth, n);
        return ((int)((long)visit * n / k), (int)(((long)(visit + 1) * n / k) - 1));
    }

    /// <summary>
    /// Whether worker <paramref name="worker"/> of <paramref name="workers"/> visits on working day
    /// <paramref name="day"/> (else the day is station duty). Visiting days are spread evenly (a Bresenham
    /// sequence of share 1 - duty) and each worker's sequence is shifted, so duty rotates between workers.
    /// </summary>
    public bool IsVisitingDay(int worker, int workers, int day)
    {
        double visiting = 1 - _dutyShare;
        double offset = workers <= 0 ? 0 : (double)worker / workers;
        return Math.Floor(((day + 1) * visiting) + offset) > Math.Floor((day * visiting) + offset);
    }
}
