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
    /// <summary>The core's options for this query.</summary>
    public CoverageOptions ToOptions() => new() { Minutes = Minutes, Mode = Mode, SpeedKmh = SpeedKmh, IncludePlanned = IncludePlanned };

    /// <summary>
    /// Parses the query-string values; defaults come from the region and limits from <see cref="TravelLimits"/>.
    /// Returns the problem naming the bad field as the client sent it: <paramref name="speedField"/> is <c>speed</c>
    /// in a query string and <c>speedKmh</c> in a what-if body.
    /// </summary>
    public static (CoverageQuery? Query, ProblemHttpResult? Problem) Parse(Region region, string? minutes, string? mode, string? speed, string? includePlanned, string speedField = "speed")
    {
        double m = region.Info.DefaultMinutes;
        if (minutes is not null && (!double.TryParse(minutes, NumberStyles.Float, CultureInfo.InvariantCulture, out m) || !double.IsFinite(m)))
        {
            return (null, ApiProblems.Field("minutes", $"'{minutes}' is not a number of minutes."));
        }

        if (TravelLimits.MinutesProblem(m) is { } outOfRange)
        {
            return (null, ApiProblems.Field("minutes", outOfRange, StatusCodes.Status422UnprocessableEntity));
        }

        var md = (mode ?? region.Info.DefaultMode).Trim().ToLowerInvariant();
        if (!TravelLimits.IsMode(md))
        {
            return (null, ApiProblems.Field("mode", TravelLimits.ModeProblem(mode)!, StatusCodes.Status422UnprocessableEntity));
        }

        double? s = null;
        if (speed is not null)
        {
            if (!double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var sv) || !double.IsFinite(sv))
            {
                return (null, ApiProblems.Field(speedField, $"'{speed}' is not a speed in km/h."));
            }

            if (TravelLimits.SpeedProblem(sv) is { } tooFast)
            {
                return (null, ApiProblems.Field(speedField, tooFast, StatusCodes.Status422UnprocessableEntity));
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
