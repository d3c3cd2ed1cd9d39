using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
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

/// <summary>Jobs: poll, cancel; and coverage runs as jobs for large regions.</summary>
internal static class JobsEndpoints
{
    /// <summary>Maps <c>/jobs/{id}</c> and <c>POST /regions/{region}/coverage/jobs</c>.</summary>
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(Roles.Planner);
        jobs.MapGet("/{id}", Get).WithName("GetJob").WithSummary("A job's status, progress (0..1) and, when done, its result.");
        jobs.MapDelete("/{id}", Cancel).WithSummary("Cancels a queued or running job.");
        app.MapPost("/regions/{region}/coverage/jobs", StartCoverage).WithTags("Jobs").RequireAuthorization(Roles.Planner).RequireCostLimit()
            .AcceptsOnlyQuery("minutes", "mode", "speed", "includePlanned", "circle", "noCap")
            .WithSummary("Runs a coverage report as a job (202 + Location); same parameters as GET coverage.");
        return app;
    }

    /// <summary>202 Accepted with the job's URL in Location and its first state in the body.</summary>
    public static AcceptedAtRoute<JobResponse> Accepted(Job job, HttpRequest request) =>
        TypedResults.AcceptedAtRoute(ToResponse(job, request), "GetJob", new { id = job.Id });

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

        queue.Cancel(job);
        var response = ToResponse(job, request);
        return job.IsFinished ? TypedResults.Ok(response) : TypedResults.Accepted(response.Links[0].Href, response);
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> StartCoverage(
        string region, string? minutes, string? mode, string? speed, string? includePlanned, string? circle, string? noCap,
        RegionAccess access, CoverageService coverage, JobQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var r = view.Region;
        var (query, problem) = CoverageQuery.Parse(r.Region, minutes, mode, speed, includePlanned, circle: circle, noCap: noCap);
        if (problem is not null)
        {
            return problem;
        }

        // A coverage job is a read: a township key gets its own units' report, and only keys covering them see the job.
        var job = queue.Enqueue("coverage", r.Name, view.DataScope, (progress, token) =>
        {
            token.ThrowIfCancellationRequested();
            var result = coverage.Compute(r, query!, progress);
            var report = view.Units is null ? result.Report : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, view.Units).Report;
            return JsonDocument.Parse(CoverageWriters.ToJson(report)).RootElement.Clone();
        });
        return Accepted(job, request);
    }

    private static JobResponse ToResponse(Job job, HttpRequest request)
    {
        lock (job)
        {
            return new JobResponse(job.Id, job.Kind, job.RegionName, job.Status, job.Progress, job.Created, job.Started, job.Finished, job.Result, job.Error,
                [new LinkResponse($"{request.Scheme}://{request.Host}{request.PathBase}/jobs/{job.Id}", "self", "application/json")]);
        }
    }
}
