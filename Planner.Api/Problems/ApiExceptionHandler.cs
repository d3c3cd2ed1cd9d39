using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Planner.Api.Problems;

/// <summary>
/// Turns exceptions that escape an endpoint into problem details: malformed bodies 400 (naming the JSON path),
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

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, PathString path);
}
