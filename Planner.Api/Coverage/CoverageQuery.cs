using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Api.Coverage;

/// <summary>The parameters of a coverage request, checked; the cache key of its result (with the region and version).</summary>
/// <param name="Minutes">Limit in minutes.</param>
/// <param name="Mode">Travel mode.</param>
/// <param name="SpeedKmh">Base speed override, km/h.</param>
/// <param name="IncludePlanned">Counts planned and built stations too.</param>
internal sealed record CoverageQuery(double Minutes, string Mode, double? SpeedKmh, bool IncludePlanned)
{
    /// <summary>Largest limit accepted, minutes.</summary>
    public const double MaxMinutes = 120;

    /// <summary>Largest speed accepted, km/h.</summary>
    public const double MaxSpeedKmh = 130;

    /// <summary>The core's options for this query.</summary>
    public CoverageOptions ToOptions() => new() { Minutes = Minutes, Mode = Mode, SpeedKmh = SpeedKmh, IncludePlanned = IncludePlanned };

    /// <summary>
    /// Parses the query-string values; defaults come from the region. Returns the problem naming the bad field as
    /// the caller sent it: <paramref name="speedField"/> is <c>speed</c> in a query string, <c>speedKmh</c> in a body.
    /// </summary>
    public static (CoverageQuery? Query, ProblemHttpResult? Problem) Parse(Region region, string? minutes, string? mode, string? speed, string? includePlanned, string speedField = "speed")
    {
        double m = region.Info.DefaultMinutes;
        if (minutes is not null && (!double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out m) || !double.IsFinite(m)))
        {
            return (null, ApiProblems.Field("minutes", $"'{minutes}' is not a number of minutes."));
        }

        if (m is <= 0 or > MaxMinutes)
        {
            return (null, ApiProblems.Field("minutes", $"{m.ToString(CultureInfo.InvariantCulture)} is out of range; give more than 0 and at most {MaxMinutes} minutes.", StatusCodes.Status422UnprocessableEntity));
        }

        var md = (mode ?? region.Info.DefaultMode).Trim().ToLowerInvariant();
        if (!TravelProfile.BuiltinNames.Contains(md))
        {
            return (null, ApiProblems.Field("mode", $"'{mode}' is not a travel mode; use one of {string.Join(", ", TravelProfile.BuiltinNames)}.", StatusCodes.Status422UnprocessableEntity));
        }

        double? s = null;
        if (speed is not null)
        {
            if (!double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var sv) || !double.IsFinite(sv))
            {
                return (null, ApiProblems.Field(speedField, $"'{speed}' is not a speed in km/h."));
            }

            if (sv is <= 0 or > MaxSpeedKmh)
            {
                return (null, ApiProblems.Field(speedField, $"{sv.ToString(CultureInfo.InvariantCulture)} km/h is out of range; give more than 0 and at most {MaxSpeedKmh} km/h.", StatusCodes.Status422UnprocessableEntity));
            }

            s = sv;
        }

        bool planned = false;
        if (includePlanned is not null && !bool.TryParse(includePlanned, out planned))
        {
            return (null, ApiProblems.Field("includePlanned", $"'{includePlanned}' is not true or false."));
        }

        return (new CoverageQuery(m, md, s, planned), null);
    }
}
