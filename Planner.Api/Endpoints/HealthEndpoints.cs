using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;

namespace Planner.Api.Endpoints;

/// <summary>A health answer.</summary>
/// <param name="Status">live, ready or unavailable.</param>
/// <param name="Detail">What was checked, or why it failed: only for an admin key (it names the store's host and database).</param>
internal sealed record HealthResponse(string Status, string? Detail = null);

/// <summary>
/// Liveness and readiness (the store answers within <see cref="ReadyTimeout"/>) for orchestrators; anonymous.
/// An anonymous caller learns only ready or not ready; the store's description and the failure go to an admin key
/// and to the log.
/// </summary>
internal static partial class HealthEndpoints
{
    /// <summary>How long readiness waits for the store (connect and command): a frozen store is "not ready" quickly.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live"))).WithSummary("The process answers.");
        group.MapGet("/ready", Ready).WithSummary("The region store answers within 2 s (503 with Retry-After when it does not); details for an admin key only.");
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        IRegionCatalog catalog, ClaimsPrincipal user, HttpResponse response, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        bool admin = user.IsInRole(Roles.Admin);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            // WaitAsync bounds the wait even where the store does not honour the token.
            await catalog.CheckReadyAsync(timeout.Token).WaitAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new HealthResponse("ready", admin ? catalog.Description : null));
        }
#pragma warning disable CA1031 // any failure of the store means "not ready"; the reason is logged, not rethrown
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            string reason = ex is TimeoutException or OperationCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"the store did not answer within {ReadyTimeout.TotalSeconds:0} s")
                : ex.Message;
            LogNotReady(logs.CreateLogger(typeof(HealthEndpoints).FullName!), catalog.Description, reason);
            response.Headers.RetryAfter = ServiceUnavailable.RetryAfterSeconds;
            return TypedResults.Json(new HealthResponse("unavailable", admin ? $"{catalog.Description}: {reason}" : null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Store}: {Reason}")]
    private static partial void LogNotReady(ILogger logger, string store, string reason);
}
