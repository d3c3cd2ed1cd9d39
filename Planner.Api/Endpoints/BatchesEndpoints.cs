using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Batches;
using Planner.Api.Layers;
using Planner.Api.Problems;
using Planner.Api.Security;

namespace Planner.Api.Endpoints;

/// <summary>A batch request: which counties, and what each computes.</summary>
/// <param name="Regions">Keys, division codes and code prefixes ending in <c>*</c>, comma-separated (<c>36*</c>).</param>
/// <param name="All">Every region in the key's scope instead.</param>
/// <param name="Circle">Life-circle id (default: each region's).</param>
/// <param name="Scenario">Stored scenario applied in each county.</param>
internal sealed record BatchRequest(string? Regions, bool? All, string? Circle, string? Scenario);

/// <summary>A queued batch.</summary>
/// <param name="Id">Batch id.</param>
/// <param name="Counties">Counties queued.</param>
/// <param name="Links">self.</param>
internal sealed record BatchCreatedResponse(string Id, int Counties, IReadOnlyList<LinkResponse> Links);

/// <summary>Batches: one coverage job per county over a province or the country, with progress and a summary (JSON or CSV).</summary>
internal static class BatchesEndpoints
{
    /// <summary>Maps <c>POST /batches</c> and <c>GET /batches/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapBatchesEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/batches").WithTags("Jobs").RequireAuthorization(Roles.Planner);
        batches.MapPost("/", Create).RequireCostLimit()
            .WithSummary("Queues one coverage job per county {regions: \"36*\" | all: true, circle, scenario} (admin or province key): 202 + Location /batches/{id}.");
        batches.MapGet("/{id}", Get).WithName("GetBatch").AcceptsOnlyQuery("format")
            .WithSummary("A batch's progress (done, failed, left) and each county's covered share per group and failed rules; ?format=csv for CSV.");
        return app;
    }

    private static async Task<Results<AcceptedAtRoute<BatchCreatedResponse>, ProblemHttpResult>> Create(
        BatchService batches, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!batches.IsAvailable)
        {
            return NeedsPostGis();
        }

        // A batch spans counties: an admin key (within its scope) or a key of a province or wider (scope of at most 2 digits).
        var scope = user.Scope();
        if (!user.IsInRole(Roles.Admin) && scope.Length > 2)
        {
            return TypedResults.Problem(title: "Forbidden.", statusCode: StatusCodes.Status403Forbidden, type: "https://www.rfc-editor.org/rfc/rfc9110#status.403",
                detail: $"batches need an admin key or a province key (scope of at most 2 digits); this key's scope is {scope}.");
        }

        var (body, problem) = await JsonBody.ReadAsync<BatchRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (batch, counties, refused) = await batches.CreateAsync(scope, body!.Regions, body.All ?? false, new BatchParameters(body.Circle, body.Scenario), cancellationToken)
            .ConfigureAwait(false);
        if (refused is { } r)
        {
            return ApiProblems.Field(r.Field, r.Message, StatusCodes.Status422UnprocessableEntity);
        }

        request.HttpContext.Response.Headers.RetryAfter = "2";
        var self = $"{request.Scheme}://{request.Host}{request.PathBase}/batches/{batch!.Id}";
        return TypedResults.AcceptedAtRoute(new BatchCreatedResponse(batch.Id, counties, [new LinkResponse(self, "self", "application/json")]), "GetBatch", new { id = batch.Id });
    }

    private static async Task<Results<Ok<BatchReport>, ContentHttpResult, ProblemHttpResult>> Get(
        string id, string? format, BatchService batches, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!batches.IsAvailable)
        {
            return NeedsPostGis();
        }

        if (format is not (null or "json" or "csv"))
        {
            return ApiProblems.Field("format", $"'{format}' is not a format; use json or csv.");
        }

        var report = await batches.ReportAsync(id, user.Scope(), cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            return ApiProblems.NotFound("batch", id);
        }

        return format == "csv" ? TypedResults.Text(BatchCsv.Write(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
    }

    private static ProblemHttpResult NeedsPostGis() => TypedResults.Problem(title: "Not available.", statusCode: StatusCodes.Status501NotImplemented,
        detail: "batches store their county results in PostGIS; run the API with Planner:Store=postgis.");
}
