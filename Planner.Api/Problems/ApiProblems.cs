using Microsoft.AspNetCore.Http.HttpResults;

namespace Planner.Api.Problems;

/// <summary>
/// RFC 9457 problem details for the API's errors. Every problem about an input names the field (in
/// <c>errors</c>, as ASP.NET's validation problems do, and in a <c>field</c> member) and the reason.
/// </summary>
internal static class ApiProblems
{
    /// <summary>A problem with one input field.</summary>
    /// <param name="field">Query parameter, header or JSON path of the input.</param>
    /// <param name="reason">Why it is refused, and what would be accepted.</param>
    /// <param name="status">400 (malformed), 413, 415 or 422 (well-formed but not acceptable).</param>
    public static ProblemHttpResult Field(string field, string reason, int status = StatusCodes.Status400BadRequest)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The request's media type is not supported.",
                StatusCodes.Status422UnprocessableEntity => "The request is well-formed but cannot be processed.",
                _ => "The request is invalid.",
            },
            Detail = $"{field}: {reason}",
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        };
        problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// 404 for a resource that does not exist or that the caller may not see: both get the same body, so a
    /// key cannot learn what lies outside its scope.
    /// </summary>
    public static ProblemHttpResult NotFound(string kind, string id) => TypedResults.Problem(
        title: "Not found.",
        detail: $"{kind} '{id}' was not found.",
        statusCode: StatusCodes.Status404NotFound,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.404");

    /// <summary>
    /// 403 for a change to a whole region's plan by a key that sees only part of the region (a township key on
    /// its county): the key may see the region, so this is not a 404, and the body says why.
    /// </summary>
    public static ProblemHttpResult ScopeNarrowerThanRegion(string region, string scope, string regionCode)
    {
        var result = TypedResults.Problem(
            title: "Forbidden.",
            detail: $"region '{region}': the key's scope {scope} is narrower than the region ({regionCode}); this changes or computes the whole region's plan and needs a key whose scope covers the whole region.",
            statusCode: StatusCodes.Status403Forbidden,
            type: "https://www.rfc-editor.org/rfc/rfc9110#status.403");
        result.ProblemDetails.Extensions["scope"] = scope;
        result.ProblemDetails.Extensions["regionCode"] = regionCode;
        return result;
    }

    /// <summary>409: the request conflicts with the current state.</summary>
    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        title: "Conflict.", detail: detail, statusCode: StatusCodes.Status409Conflict,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.409");

    /// <summary>412: the <c>If-Match</c> version is no longer the stored one.</summary>
    public static ProblemHttpResult Stale(string kind, string id, string sent, long current)
    {
        var p = Field("If-Match", $"{kind} '{id}' is at version {current}, not {sent}: reload it, reapply the change and retry.", StatusCodes.Status412PreconditionFailed);
        p.ProblemDetails.Title = "The resource was changed by someone else.";
        return p;
    }

    /// <summary>428: a write to a versioned resource without <c>If-Match</c>.</summary>
    public static ProblemHttpResult PreconditionRequired(string kind, string id) =>
        Field("If-Match", $"send the ETag of {kind} '{id}' in If-Match so that a concurrent change is not overwritten.", StatusCodes.Status428PreconditionRequired);
}
