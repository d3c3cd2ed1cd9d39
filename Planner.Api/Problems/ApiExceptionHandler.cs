using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Planner.Api.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem details: malformed bodies 400 (naming the JSON path), a
/// region alias that names several regions 400 (naming the field <c>region</c> and the candidates' keys),
/// oversized bodies 413, an unreachable store 503, anything else 500 without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "The request is too large.", "the body is larger than the configured limit."),
            BadHttpRequestException b => (b.StatusCode, "The request is invalid.", b.Message),
            Planner.Storage.StoreUnavailableException => (503, "The store is unavailable.", "the region store cannot be reached; retry later."),
            Planner.Core.Regions.RegionKeyException r => (400, "The request is invalid.", $"region: {r.Message}"),
            JsonException j => (400, "The request is invalid.", $"{j.Path ?? "body"}: {j.Message}"),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Cancelled.", "the client went away."),
            _ => (500, "Internal error.", "an unexpected error occurred; the trace id identifies it in the server log."),
        };
        if (status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = ServiceUnavailable.RetryAfterSeconds;
        }

        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is Planner.Core.Regions.RegionKeyException ambiguous)
        {
            // An alias of several regions (a division code two stored regions share): the field and the keys to use instead.
            details.Extensions["field"] = "region";
            details.Extensions["errors"] = new Dictionary<string, string[]> { ["region"] = [ambiguous.Message] };
            details.Extensions["candidates"] = ambiguous.Candidates.Select(c => c.Key.Value).ToArray();
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = details,
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, PathString path);
}
