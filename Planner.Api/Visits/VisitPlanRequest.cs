using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Visits;

namespace Planner.Api.Visits;

/// <summary>A case as the request carries it (the columns of cases.csv).</summary>
internal sealed record CaseRequest(
    string? Id, double? Lon, double? Lat, string? Unit, string? Category, int? VisitsPerMonth, double? MinutesPerVisit,
    string? Station, string? Worker, string? Window, string? Kind);

/// <summary>A visit-plan request: the month, the mode and the case list.</summary>
/// <param name="Month">YYYY-MM (default 2027-03).</param>
/// <param name="Mode">walk or ebike (default: the region's mode).</param>
/// <param name="DutyShare">Share of working days on station duty (0.4).</param>
/// <param name="SecondsPerStation">Routing search time per station (2).</param>
/// <param name="Cases">The cases.</param>
internal sealed record VisitPlanRequest(string? Month, string? Mode, double? DutyShare, double? SecondsPerStation, IReadOnlyList<CaseRequest>? Cases)
{
    /// <summary>The core's cases and options, or the first problem as (field, reason).</summary>
    public (ImmutableArray<VisitCase> Cases, VisitPlanOptions Options, (string Field, string Reason)? Problem) Parse(string defaultMode)
    {
        var month = new DateOnly(2027, 3, 1);
        if (Month is not null && !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out month))
        {
            return ([], new VisitPlanOptions(), ("month", $"'{Month}' is not a month; write YYYY-MM"));
        }

        var options = new VisitPlanOptions { Month = month, Mode = Mode ?? defaultMode, DutyShare = DutyShare ?? 0.4, SecondsPerStation = SecondsPerStation ?? 2 };
        if (options.Problems() is [var first, ..])
        {
            var parts = first.Split(": ", 2);
            return ([], options, (parts[0], parts.Length > 1 ? parts[1] : first));
        }

        if (Cases is not { Count: > 0 })
        {
            return ([], options, ("cases", "give the case list (id, lon/lat or unit, category, visitsPerMonth, minutesPerVisit)"));
        }

        var cases = ImmutableArray.CreateBuilder<VisitCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Cases.Count; i++)
        {
            var c = Cases[i];
            string at = $"cases[{i}]";
            if (string.IsNullOrWhiteSpace(c.Id) || !ids.Add(c.Id))
            {
                return ([], options, ($"{at}.id", "every case needs an id of its own"));
            }

            GeoPoint? home = c.Lon is { } lon && c.Lat is { } lat ? new GeoPoint(lon, lat) : null;
            if (home is { IsInRange: false } || (home is null && string.IsNullOrWhiteSpace(c.Unit)))
            {
                return ([], options, ($"{at}.lon", "give lon/lat in range (WGS84) or the unit"));
            }

            if (c.Category is null || !CaseCategories.IsKnown(c.Category))
            {
                return ([], options, ($"{at}.category", $"use one of {string.Join(", ", CaseCategories.Known)}"));
            }

            if (c.VisitsPerMonth is not (>= 1 and <= CaseTableReader.MaxVisitsPerMonth))
            {
                return ([], options, ($"{at}.visitsPerMonth", $"a whole number from 1 to {CaseTableReader.MaxVisitsPerMonth}"));
            }

            if (c.MinutesPerVisit is not (> 0 and <= 480))
            {
                return ([], options, ($"{at}.minutesPerVisit", "minutes above 0 and at most 480"));
            }

            VisitWindow? window = null;
            if (c.Window is not null && (window = VisitWindow.Parse(c.Window)) is null)
            {
                return ([], options, ($"{at}.window", "write HH:MM-HH:MM"));
            }

            cases.Add(new VisitCase(c.Id, home, c.Unit, c.Category, c.VisitsPerMonth.Value, c.MinutesPerVisit.Value, c.Station, c.Worker, window, c.Kind));
        }

        return (cases.ToImmutable(), options, null);
    }
}
