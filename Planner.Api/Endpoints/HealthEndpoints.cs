using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Regions;

namespace Planner.Api.Endpoints;

/// <summary>A health answer.</summary>
/// <param name="Status">live, ready or unavailable.</param>
/// <param name="Detail">What was checked, or why it failed.</param>
internal sealed record HealthResponse(string Status, string? Detail = null);

/// <summary>Liveness and readiness (the store answers) for orchestrators; anonymous.</summary>
internal static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live"))).WithSummary("The process answers.");
        group.MapGet("/ready", Ready).WithSummary("The region store answers (503 when it does not).");
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(IRegionCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            await catalog.CheckReadyAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new HealthResponse("ready", catalog.Description));
        }
#pragma warning disable CA1031 // any failure of the store means "not ready"; the reason is reported, not rethrown
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new HealthResponse("unavailable", ex.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
