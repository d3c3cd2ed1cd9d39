using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Layers;
using Planner.Api.Options;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Api.Endpoints;

/// <summary>A station of an edited station list, in WGS84.</summary>
/// <param name="Id">Station id (unique in the list).</param>
/// <param name="Name">Display name.</param>
/// <param name="Lon">Longitude, degrees (WGS84/CGCS2000).</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Level">county_centre, area_centre, township_station or village_point.</param>
/// <param name="Status">planned, built or operating.</param>
/// <param name="SocialWorkers">Full-time social workers (supply for 2SFCA and the staffing rule).</param>
/// <param name="UnitCode">Division code of the unit it serves, if known.</param>
/// <param name="Supervisors">Full-time supervisors (督导) based at the station, when recorded; the supervision-ratio check cannot measure a unit with a station that lacks it.</param>
internal sealed record WhatIfStation(string Id, string Name, double Lon, double Lat, string Level, string Status, int SocialWorkers, string? UnitCode = null, int? Supervisors = null);

/// <summary>A what-if question: the region's coverage if its stations were <see cref="Stations"/>.</summary>
/// <param name="Minutes">Limit in minutes (default: the region's).</param>
/// <param name="Mode">Travel mode (default: the region's).</param>
/// <param name="SpeedKmh">Base speed override, km/h.</param>
/// <param name="IncludePlanned">Counts planned and built stations too.</param>
/// <param name="Stations">The whole edited station list (it replaces the stored one).</param>
/// <param name="Circles">Also return service circles and their areas (default true); false answers the figures fastest.</param>
/// <param name="Circle">Life circle id (default gb50180-15min when minutes, mode and speed are not given).</param>
/// <param name="NoCap">Lifts the circle's network-distance cap.</param>
internal sealed record WhatIfRequest(double? Minutes, string? Mode, double? SpeedKmh, bool? IncludePlanned, IReadOnlyList<WhatIfStation>? Stations, bool? Circles = null,
    string? Circle = null, bool? NoCap = null);

/// <summary>The coverage of the edited region.</summary>
/// <param name="Report">The coverage report (the schema of <c>GET /coverage</c>).</param>
/// <param name="Circles">Service circles as GeoJSON (the <c>circles</c> layer's properties).</param>
/// <param name="Gaps">Gap outlines as GeoJSON (the <c>gaps</c> layer's properties).</param>
/// <param name="Checks">The default rule set's checks of the edited region.</param>
/// <param name="ElapsedMs">Server time spent computing, milliseconds.</param>
internal sealed record WhatIfResponse(CoverageReport Report, FeatureCollectionResponse Circles, FeatureCollectionResponse Gaps, IReadOnlyList<StandardCheck> Checks, double ElapsedMs);

/// <summary>
/// What-if coverage for the planners' map: the region with its station list replaced by the caller's (stations
/// dragged, added or removed) and the minutes or mode changed; nothing is stored. The figures come from
/// <see cref="WhatIfCoverageCache"/>: an <see cref="IncrementalCoverage"/> kept per region version and query, so
/// a drag of one station runs one bounded search (a new minutes, mode or speed is a full run), with the same
/// figures as <see cref="CoverageCalculator"/>. Circles come from <see cref="StationCircleCache"/>, so moving
/// one station builds one circle.
/// </summary>
internal static class WhatIfEndpoints
{
    /// <summary>Maps <c>POST /regions/{region}/whatif</c>.</summary>
    public static IEndpointRouteBuilder MapWhatIfEndpoints(this IEndpointRouteBuilder app)
    {
        var circles = new StationCircleCache();
        app.MapPost("/regions/{region}/whatif", (string region, RegionAccess access, CoverageService coverage, WhatIfCoverageCache engines, RuleSetProvider rules,
                IOptions<PlannerOptions> options, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken) =>
                Post(region, access, coverage, engines, rules, circles, options.Value.MaxFeatures, user, request, cancellationToken))
            .WithTags("Coverage")
            .RequireAuthorization(Roles.Planner)
            .RequireCostLimit()
            .WithSummary("Coverage of the region with an edited station list, minutes and mode (nothing is stored).");
        return app;
    }

    private static async Task<Results<Ok<WhatIfResponse>, ProblemHttpResult>> Post(string region, RegionAccess access, CoverageService coverage, WhatIfCoverageCache engines,
        RuleSetProvider rules, StationCircleCache circleCache, int maxStations, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<WhatIfRequest>(request, cancellationToken).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var inv = CultureInfo.InvariantCulture;
        var (query, queryProblem) = CoverageQuery.Parse(r.Region, body!.Minutes?.ToString(inv), body.Mode, body.SpeedKmh?.ToString(inv), body.IncludePlanned?.ToString(inv), speedField: "speedKmh",
            circle: body.Circle, noCap: body.NoCap?.ToString(inv));
        if (queryProblem is not null)
        {
            return queryProblem;
        }

        if (body.Stations?.Count > maxStations)
        {
            // Each station costs a bounded search on a new engine and a circle: the cost budget of one request.
            return ApiProblems.Field("stations", $"holds {body.Stations.Count} stations; at most {maxStations} are accepted in one request (Planner:MaxFeatures).", StatusCodes.Status413PayloadTooLarge);
        }

        var (stations, stationProblem) = ToStations(body.Stations, r.Region.Bounds);
        if (stationProblem is not null)
        {
            return stationProblem;
        }

        var clock = Stopwatch.StartNew();
        var edited = new CatalogRegion(r.Name, r.Region with { Stations = [.. stations!] }, r.Version);
        // A move takes about a millisecond: computed on the request thread (a new engine, the full run, too).
        var report = engines.Compute(r, query!, stations!);
        if (body.Circles ?? true)
        {
            // The stored stations' circles come with the region's own report (computed once and cached).
            var stored = await coverage.GetAsync(r, query!, cancellationToken).ConfigureAwait(false);
            circleCache.Remember(r, query!, stored.Report);
            var counted = StationCounting.Counted(edited.Region, query!.IncludePlanned);
            var circles = await Task.Run(() => circleCache.For(edited, query!, counted), cancellationToken).ConfigureAwait(false);
            report = report with
            {
                Stations = [.. report.Stations.Select(s => circles.TryGetValue(s.Id, out var c) ? s with { AreaKm2 = c.AreaKm2, Circle = c.Geometry } : s)],
            };
        }

        var ruleSet = rules.Default;
        var checks = ruleSet is null
            ? []
            : StandardsChecker.Check(edited.Region, ruleSet, UnitCoverageFigure.From(report));
        var result = new CoverageResult(edited, query!, report, checks, ruleSet?.Name);
        var stamp = DateTimeOffset.UtcNow.ToString("O", inv);
        var circleFeatures = LayerSource.Circles(result).Select(f => new FeatureResponse(f.Id, f.Geometry, f.Properties)).ToList();
        var gapFeatures = LayerSource.Gaps(result).Select(f => new FeatureResponse(f.Id, f.Geometry, f.Properties)).ToList();
        return TypedResults.Ok(new WhatIfResponse(report,
            new FeatureCollectionResponse(circleFeatures, circleFeatures.Count, circleFeatures.Count, [], stamp),
            new FeatureCollectionResponse(gapFeatures, gapFeatures.Count, gapFeatures.Count, [], stamp),
            checks, Math.Round(clock.Elapsed.TotalMilliseconds, 1)));
    }

    /// <summary>Checks every station and builds the domain list; the problem names the first bad field.</summary>
    internal static (IReadOnlyList<Station>? Stations, ProblemHttpResult? Problem) ToStations(IReadOnlyList<WhatIfStation>? list, GeoBounds bounds)
    {
        if (list is null)
        {
            return (null, ApiProblems.Field("stations", "is required: the whole edited station list (it may be empty)."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var stations = new List<Station>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            var s = list[i];
            string at = $"stations[{i}]";
            if (s is null || string.IsNullOrWhiteSpace(s.Id))
            {
                return (null, ApiProblems.Field($"{at}.id", "is required."));
            }

            if (!ids.Add(s.Id))
            {
                return (null, ApiProblems.Field($"{at}.id", $"'{s.Id}' appears twice; station ids must be unique.", StatusCodes.Status422UnprocessableEntity));
            }

            bool valid = double.IsFinite(s.Lon) && double.IsFinite(s.Lat) && Math.Abs(s.Lon) <= 180 && Math.Abs(s.Lat) <= 90;
            if (!valid || (!bounds.IsEmpty && !Near(bounds, s.Lon, s.Lat)))
            {
                string hint = !bounds.IsEmpty && Near(bounds, s.Lat, s.Lon) ? " Longitude and latitude look swapped." : string.Empty;
                string what = valid ? "lies outside the region." : "is not a WGS84 longitude, latitude.";
                return (null, ApiProblems.Field($"{at}.lon", $"({s.Lon}, {s.Lat}) {what}{hint}", StatusCodes.Status422UnprocessableEntity));
            }

            if (!DomainNames.TryParseStationLevel(s.Level, out var level))
            {
                return (null, ApiProblems.Field($"{at}.level", $"'{s.Level}' is not a station level.", StatusCodes.Status422UnprocessableEntity));
            }

            if (!DomainNames.TryParseStationStatus(s.Status, out var status))
            {
                return (null, ApiProblems.Field($"{at}.status", $"'{s.Status}' is not planned, built or operating.", StatusCodes.Status422UnprocessableEntity));
            }

            if (s.SocialWorkers < 0)
            {
                return (null, ApiProblems.Field($"{at}.socialWorkers", $"{s.SocialWorkers} is negative.", StatusCodes.Status422UnprocessableEntity));
            }

            if (s.Supervisors < 0)
            {
                return (null, ApiProblems.Field($"{at}.supervisors", $"{s.Supervisors} is negative.", StatusCodes.Status422UnprocessableEntity));
            }

            stations.Add(new Station(s.Id, string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name, new GeoPoint(s.Lon, s.Lat), level.Value, status.Value, s.SocialWorkers, s.UnitCode, s.Supervisors));
        }

        return (stations, null);
    }

    private static bool Near(GeoBounds b, double lon, double lat) => b.Grown(GeoBounds.InputMarginDegrees).Contains(new GeoPoint(lon, lat));
}
