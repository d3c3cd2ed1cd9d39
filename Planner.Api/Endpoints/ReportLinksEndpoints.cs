using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Options;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Reports;
using Planner.Api.Security;
using Planner.Core.Narrowing;
using Planner.Core.Model;

namespace Planner.Api.Endpoints;

/// <summary>A download link.</summary>
/// <param name="Url">The signed URL; it needs no API key.</param>
/// <param name="Expires">When it stops working.</param>
/// <param name="Job">The job rendering the file, for a large region (poll it with a planner key), or null.</param>
internal sealed record ReportLinkResponse(string Url, DateTimeOffset Expires, string? Job);

/// <summary>
/// Download links for the official report: <c>POST /regions/{region}/reports?f=&amp;unit=</c> answers with a
/// signed URL (<see cref="UrlSigner"/>) that a browser opens without custom headers, valid for
/// <see cref="PlannerOptions.SignedUrlMinutes"/> and scoped like the key that asked. A small region's link is
/// the coverage report itself (rendered when fetched); a region with more than
/// <see cref="PlannerOptions.ReportJobPoints"/> demand points is rendered by a job, and its link
/// (<c>GET /reports/{id}</c>) answers 202 with the job's progress until the file is ready.
/// </summary>
internal static class ReportLinksEndpoints
{
    /// <summary>Maps <c>POST /regions/{region}/reports</c> and <c>GET /reports/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapReportLinksEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/reports", Create).WithTags("Coverage").RequireAuthorization(Roles.Viewer).AcceptsOnlyQuery("f", "unit")
            .WithSummary("A signed download link for the report (?f=docx|pdf|xlsx|gpkg|shp|html&unit=): 201 {url, expires}; a large region's report is rendered by a job first (202, the link answers 202 until it is ready).");
        app.MapGet("/reports/{id}", Download).WithTags("Coverage").RequireAuthorization(Roles.Viewer).AcceptsOnlyQuery()
            .WithSummary("A report rendered by a job; open it through its signed link.");
        return app;
    }

    private static async Task<Results<Created<ReportLinkResponse>, Accepted<ReportLinkResponse>, ProblemHttpResult>> Create(
        string region, string? f, string? unit, RegionAccess access, JobQueue queue, UrlSigner signer,
        IOptions<PlannerOptions> options, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var format = f?.Trim().ToLowerInvariant() ?? "pdf";
        if (!OfficialReportRenderer.Formats.Contains(format))
        {
            return ApiProblems.Field("f", $"'{f}' is not a report format; use one of {string.Join(", ", OfficialReportRenderer.Formats)}.");
        }

        var r = view.Region;
        var scope = view.Units;
        if (!string.IsNullOrEmpty(unit))
        {
            var chosen = r.Region.Units.FirstOrDefault(u => u.Code == unit && (view.Units is null || view.Units.Contains(u.Code)));
            if (chosen is null)
            {
                return ApiProblems.Field("unit", $"unit '{unit}' is not in region '{region}'.", StatusCodes.Status404NotFound);
            }

            scope = UnitSelection.Of(r.Region, chosen);
        }

        var keyId = user.FindFirstValue(Roles.KeyIdClaim)!;
        string origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        if (r.Region.Demand.Length <= options.Value.ReportJobPoints)
        {
            // The link carries the asker's language: the browser that opens it sends its own Accept-Language.
            List<KeyValuePair<string, string>> query = [new("f", format), new("lang", OfficialReportRenderer.LanguageOf(request)),
                .. unit is { Length: > 0 } ? [new KeyValuePair<string, string>("unit", unit)] : Array.Empty<KeyValuePair<string, string>>()];
            var (link, expires) = signer.Sign($"/regions/{Uri.EscapeDataString(r.Name)}/coverage", query, keyId);
            return TypedResults.Created(origin + link, new ReportLinkResponse(origin + link, expires, null));
        }

        // Large regions: a job renders the file into the job storage; the signed link names the job.
        var job = queue.Enqueue(ReportJob.Name, r.Name, view.DataScope, new ReportJobRequest(format, OfficialReportRenderer.LanguageOf(request), unit is { Length: > 0 } ? unit : null));
        var (jobLink, jobExpires) = signer.Sign($"/reports/{job.Id}", [], keyId);
        return TypedResults.Accepted($"{origin}/jobs/{job.Id}", new ReportLinkResponse(origin + jobLink, jobExpires, $"{origin}/jobs/{job.Id}"));
    }

    private static Results<FileContentHttpResult, Accepted<object>, ProblemHttpResult> Download(string id, JobQueue queue, ClaimsPrincipal user)
    {
        if (queue.Find(id) is not { Kind: ReportJob.Name } job || !user.InScope(job.DataScope))
        {
            return ApiProblems.NotFound("report", id);
        }

        return job.Status switch
        {
            JobStatus.Succeeded when job.Result is { } result && JobPayload.Read<ReportJobFile>(result) is { } file =>
                file.FileName is null ? TypedResults.File(file.Bytes, file.ContentType) : TypedResults.File(file.Bytes, file.ContentType, file.FileName),
            JobStatus.Failed => TypedResults.Problem(title: "The report could not be rendered.", detail: job.Error, statusCode: StatusCodes.Status500InternalServerError),
            JobStatus.Cancelled => TypedResults.Problem(title: "The report was cancelled.", detail: $"report '{id}' was cancelled; ask for a new link.", statusCode: StatusCodes.Status410Gone),
            _ => TypedResults.Accepted((string?)null, (object)new { status = job.Status, progress = job.Progress }),
        };
    }
}
