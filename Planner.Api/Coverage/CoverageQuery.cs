using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Core.Circles;
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
    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    /// <summary>The life circle's id (<see cref="LifeCircleCatalog"/>), or null for the ad-hoc circle of minutes and mode.</summary>
    public string? Circle { get; init; }

    /// <summary>Lifts the circle's distance cap.</summary>
    public bool NoCap { get; init; }

    /// <summary>The core's options for this query: the named circle's (minutes, mode, cap, levels), else the ad-hoc minutes and mode.</summary>
    public CoverageOptions ToOptions()
    {
        var options = new CoverageOptions { Minutes = Minutes, Mode = Mode, SpeedKmh = SpeedKmh, IncludePlanned = IncludePlanned };
        return Circle is null ? options : CircleChoice.Resolve(options, Catalog, [Circle], adHoc: false, NoCap).Runs[0];
    }

    /// <summary>
    /// Parses the query-string values; defaults come from the region and limits from <see cref="TravelLimits"/>.
    /// Returns the problem naming the bad field as the client sent it: <paramref name="speedField"/> is <c>speed</c>
    /// in a query string and <c>speedKmh</c> in a what-if body. Without minutes, mode, speed or a circle the
    /// query is the region's default circle, else GB 50180-2018's 15-minute life circle (<see cref="CircleChoice"/>);
    /// minutes, mode or speed make an ad-hoc circle, and cannot be combined with a named one.
    /// </summary>
    public static (CoverageQuery? Query, ProblemHttpResult? Problem) Parse(Region region, string? minutes, string? mode, string? speed, string? includePlanned, string speedField = "speed",
        string? circle = null, string? noCap = null)
    {
        bool adHoc = minutes is not null || mode is not null || speed is not null;
        if (circle is not null && adHoc)
        {
            return (null, ApiProblems.Field("circle", "give either a circle id or minutes/mode/speed, not both.", StatusCodes.Status422UnprocessableEntity));
        }

        if (circle is not null && Catalog.IdProblem(circle) is { } unknown)
        {
            return (null, ApiProblems.Field("circle", unknown, StatusCodes.Status422UnprocessableEntity));
        }

        bool lift = false;
        if (noCap is not null && !bool.TryParse(noCap, out lift))
        {
            return (null, ApiProblems.Field("noCap", $"'{noCap}' is not true or false."));
        }

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

        // Nothing named or set: the region's default circle (CircleChoice), which may be the ad-hoc circle of its default minutes and mode.
        var id = circle ?? CircleChoice.DefaultId(region.Info);
        var chosen = adHoc || id == LifeCircle.AdHocId ? null : Catalog.Find(id)!;
        return chosen is null
            ? (new CoverageQuery(m, md, s, planned) { NoCap = lift }, null)
            : (new CoverageQuery(chosen.Minutes, chosen.Mode, s, planned) { Circle = chosen.Id, NoCap = lift }, null);
    }
}
