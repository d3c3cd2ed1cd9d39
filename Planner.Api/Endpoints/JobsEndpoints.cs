using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Layers;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.Narrowing;

namespace Planner.Api.Endpoints;

/// <summary>A job's state as polled.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">recommendations, coverage, scenario-run.</param>
/// <param name="Region">Region URL name.</param>
/// <param name="Status">queued, running, succeeded, failed, cancelled.</param>
/// <param name="Progress">Fraction done, 0..1.</param>
/// <param name="Created">Queued at.</param>
/// <param name="Started">Started at.</param>
/// <param name="Finished">Ended at.</param>
/// <param name="Result">The result document when succeeded.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Links">self.</param>
internal sealed record JobResponse(string Id, string Kind, string Region, string Status, double Progress, DateTimeOffset Created,
    DateTimeOffset? Started, DateTimeOffset? Finished, object? Result, string? Error, IReadOnlyList<LinkResponse> Links);

/// <summary>A page of jobs, newest first.</summary>
/// <param name="Items">The jobs on this page (without their results; follow each job's self link).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="Size">Jobs per page.</param>
/// <param name="Total">Jobs the key sees in all.</param>
/// <param name="Links">self, and next when there is one.</param>
internal sealed record JobPageResponse(IReadOnlyList<JobResponse> Items, int Page, int Size, int Total, IReadOnlyList<LinkResponse> Links);

/// <summary>Jobs: list, poll, cancel; and coverage runs as jobs for large regions.</summary>
internal static class JobsEndpoints
{
    /// <summary>Seconds a client should wait before polling a new job (the Retry-After of 202).</summary>
    public const int RetryAfterSeconds = 1;

    private const int MaxPageSize = 100;

    /// <summary>Maps <c>/jobs</c>, <c>/jobs/{id}</c> and <c>POST /regions/{region}/coverage/jobs</c>.</summary>
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(Roles.Planner);
        jobs.MapGet("/", List).AcceptsOnlyQuery("page", "size").WithSummary("The key's jobs, newest first (?page=1&size=20, at most 100 a page).");
        jobs.MapGet("/{id}", Get).WithName("GetJob").WithSummary("A job's status, progress (0..1) and, when done, its result.");
        jobs.MapDelete("/{id}", Cancel).WithSummary("Cancels a queued or running job.");
        app.MapPost("/regions/{region}/coverage/jobs", StartCoverage).WithTags("Jobs").RequireAuthorization(Roles.Planner).RequireCostLimit()
            .AcceptsOnlyQuery("minutes", "mode", "speed", "includePlanned", "circle", "noCap")
            .WithSummary("Runs a coverage report as a job (202 + Location + Retry-After); same parameters as GET coverage.");
        return app;
    }

    /// <summary>202 Accepted with the job's URL in Location, Retry-After, and its first state in the body.</summary>
    public static AcceptedAtRoute<JobResponse> Accepted(JobRecord job, HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.AcceptedAtRoute(ToResponse(job, request), "GetJob", new { id = job.Id });
    }

    private static Results<Ok<JobPageResponse>, ProblemHttpResult> List(string? page, string? size, JobQueue queue, ClaimsPrincipal user, HttpRequest request)
    {
        var (p, pageProblem) = PageNumber(page, "page", 1, int.MaxValue, 1);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        var (n, sizeProblem) = PageNumber(size, "size", 1, MaxPageSize, 20);
        if (sizeProblem is not null)
        {
            return sizeProblem;
        }

        var (jobs, total) = queue.List(user.Scope(), p, n);
        var self = $"{Base(request)}/jobs?page={p}&size={n}";
        List<LinkResponse> links = [new(self, "self", "application/json")];
        if ((long)p * n < total)
        {
            links.Add(new($"{Base(request)}/jobs?page={p + 1}&size={n}", "next", "application/json"));
        }

        return TypedResults.Ok(new JobPageResponse([.. jobs.Select(j => ToResponse(j with { Result = null }, request))], p, n, total, links));
    }

    private static Results<Ok<JobResponse>, ProblemHttpResult> Get(string id, JobQueue queue, ClaimsPrincipal user, HttpRequest request)
    {
        var job = queue.Find(id);
        return job is null || !user.InScope(job.DataScope) ? ApiProblems.NotFound("job", id) : TypedResults.Ok(ToResponse(job, request));
    }

    private static Results<Accepted<JobResponse>, Ok<JobResponse>, ProblemHttpResult> Cancel(string id, JobQueue queue, ClaimsPrincipal user, HttpRequest request)
    {
        var job = queue.Find(id);
        if (job is null || !user.InScope(job.DataScope))
        {
            return ApiProblems.NotFound("job", id);
        }

        var wasRunning = job.Status == JobStatus.Running;
        job = queue.Cancel(job);
        var response = ToResponse(job, request);

        // A running job stops at its next progress check: 202 until then; a queued or finished one is settled now.
        return job.IsFinished && !wasRunning ? TypedResults.Ok(response) : TypedResults.Accepted(response.Links[0].Href, response);
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> StartCoverage(
        string region, string? minutes, string? mode, string? speed, string? includePlanned, string? circle, string? noCap,
        RegionAccess access, JobQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var r = view.Region;
        var (_, problem) = CoverageQuery.Parse(r.Region, minutes, mode, speed, includePlanned, circle: circle, noCap: noCap);
        if (problem is not null)
        {
            return problem;
        }

        // A coverage job is a read: a township key gets its own units' report, and only keys covering them see the job.
        var job = queue.Enqueue(CoverageJob.Name, r.Name, view.DataScope, new CoverageJobQuery(minutes, mode, speed, includePlanned, circle, noCap));
        return Accepted(job, request);
    }

    private static (int Value, ProblemHttpResult? Problem) PageNumber(string? text, string field, int min, int max, int fallback)
    {
        if (text is null)
        {
            return (fallback, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (v, null)
            : (0, ApiProblems.Field(field, $"give a whole number from {min} to {max} (not '{text}').", StatusCodes.Status400BadRequest));
    }

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static JobResponse ToResponse(JobRecord job, HttpRequest request) =>
        new(job.Id, job.Kind, job.Region, job.Status, job.Progress, job.Created, job.Started, job.Finished,
            job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement.Clone(), job.Error,
            [new LinkResponse($"{Base(request)}/jobs/{job.Id}", "self", "application/json")]);
}
