using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Api.Visits;
using Planner.Core.Visits;

namespace Planner.Api.Endpoints;

/// <summary>
/// Home-visit plans (issue 17). A plan is personal data: the case list and the routes are only for planner and
/// admin keys that see the whole region; viewers get counts per unit and stations' hours, never a case's id or
/// location; the case layer as GeoJSON is refused to viewers (403) and the refusal is logged.
/// </summary>
internal static partial class VisitPlanEndpoints
{
    /// <summary>Maps the visit-plan endpoints.</summary>
    public static IEndpointRouteBuilder MapVisitPlanEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/visit-plans", Start).WithTags("Visits").RequireAuthorization(Roles.Planner).RequireCostLimit()
            .WithSummary("Plans a month of home visits {month, mode, dutyShare, secondsPerStation, cases[]} as a job (202 + Location).");
        app.MapGet("/regions/{region}/visit-plans/{id}/units", Counts).WithTags("Visits").RequireAuthorization(Roles.Viewer)
            .WithSummary("A plan's stations (hours, workers needed vs present) and cases per unit visited as often as asked: counts only.");
        app.MapGet("/regions/{region}/visit-plans/{id}/cases", Cases).WithTags("Visits").RequireAuthorization(Roles.Viewer)
            .WithSummary("A plan's cases as GeoJSON points (planners and admins only; 403 for viewers).");
        app.MapGet("/regions/{region}/visit-plans/{id}/routes", Routes).WithTags("Visits").RequireAuthorization(Roles.Viewer)
            .WithSummary("A plan's worker days as GeoJSON LineStrings along the roads, filtered by ?station=&worker=&day= (planners and admins only; 403 for viewers).");
        return app;
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> Start(
        string region, RegionAccess access, JobQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        var (body, problem) = await JsonBody.ReadAsync<VisitPlanRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (cases, options, bad) = body!.Parse(r.Region.Info.DefaultMode);
        if (bad is { } b)
        {
            return ApiProblems.Field(b.Field, b.Reason, StatusCodes.Status422UnprocessableEntity);
        }

        if (VisitPlanner.Problems(r.Region, cases, options) is [var first, ..])
        {
            var parts = first.Split(": ", 2);
            return ApiProblems.Field(parts[0], parts.Length > 1 ? parts[1] : first, StatusCodes.Status422UnprocessableEntity);
        }

        var job = queue.Enqueue(VisitPlanJob.Name, r.Name, r.Code, new VisitPlanJobRequest(Guid.NewGuid().ToString("N"), body));
        return JobsEndpoints.Accepted(job, request);
    }

    private static async Task<Results<Ok<VisitCountsResponse>, ProblemHttpResult>> Counts(
        string region, string id, RegionAccess access, VisitPlanStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null || store.Find(id) is not { } stored || stored.RegionName != view.Region.Name)
        {
            return ApiProblems.NotFound("visit plan", id);
        }

        // A township key sees its own units' counts; stations are shown whole (their hours are not personal data).
        var p = stored.Plan;
        var units = p.Units.Where(u => user.InScope(u.UnitCode)).Select(UnitVisitsResponse.From).ToList();
        return TypedResults.Ok(new VisitCountsResponse(id, p.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), p.WorkingDays,
            [.. p.Stations.Select(StationWorkloadResponse.From)], units));
    }

    private static async Task<IResult> Cases(
        string region, string id, RegionAccess access, VisitPlanStore store, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (stored, refused) = await PersonalAsync(region, id, "case locations", access, store, user, logs, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return refused!;
        }

        var p = stored.Plan;
        var features = p.Homes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new
        {
            type = "Feature",
            properties = new
            {
                id = h.Key,
                station = p.StationOf.GetValueOrDefault(h.Key),
                planned = p.Days.Sum(d => d.Stops.Count(s => s.CaseId == h.Key)) + p.Volunteers.Where(v => v.CaseId == h.Key).Sum(v => v.Visits),
                unmet = p.Unmet.Count(u => u.CaseId == h.Key),
            },
            geometry = new { type = "Point", coordinates = new[] { h.Value.Lon, h.Value.Lat } },
        });
        return TypedResults.Json(new { type = "FeatureCollection", features }, contentType: "application/geo+json");
    }

    private static async Task<IResult> Routes(
        string region, string id, string? station, string? worker, string? day, RegionAccess access, VisitPlanStore store, ClaimsPrincipal user,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (stored, refused) = await PersonalAsync(region, id, "routes", access, store, user, logs, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return refused!;
        }

        DateOnly? date = null;
        if (day is not null)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return ApiProblems.Field("day", $"'{day}' is not a date yyyy-MM-dd", StatusCodes.Status400BadRequest);
            }

            date = d;
        }

        var routes = stored.Routes.Where(r => (station is null || r.Day.StationId == station) && (worker is null || r.Day.WorkerId == worker) && (date is null || r.Day.Date == date)).ToList();
        return TypedResults.Text(VisitPlanGeoJson.Days(routes), "application/geo+json");
    }

    /// <summary>
    /// A stored plan for a request of its personal layers (cases, routes: both show where people live), or the
    /// refusal: 404 for an unknown plan, 403 (logged) for a key that is not a planner or admin over the whole region.
    /// </summary>
    private static async Task<(StoredVisitPlan? Plan, IResult? Refused)> PersonalAsync(
        string region, string id, string what, RegionAccess access, VisitPlanStore store, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null || store.Find(id) is not { } stored || stored.RegionName != view.Region.Name)
        {
            return (null, ApiProblems.NotFound("visit plan", id));
        }

        if ((!user.IsInRole(Roles.Planner) && !user.IsInRole(Roles.Admin)) || !view.IsWhole)
        {
            LogRefused(logs.CreateLogger("Planner.Api.Visits"), what, user.FindFirstValue(Roles.KeyIdClaim) ?? "?", region, id);
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Case locations and routes are personal data: only planner and admin keys that see the whole region get them; the unit counts are at /units."));
        }

        return (stored, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {What} to key {Key}: region {Region}, visit plan {Plan}")]
    private static partial void LogRefused(ILogger logger, string what, string key, string region, string plan);
}
