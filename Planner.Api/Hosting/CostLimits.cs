using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Planner.Api.Options;

namespace Planner.Api.Hosting;

/// <summary>
/// A cost budget for the expensive endpoints (what-if, recommendations, matching, job creation, report
/// rendering): ASP.NET Core's rate limiter with a concurrency limit per API key and a global one, so a flood of
/// heavy requests cannot take every core from the cheap reads. A request over either limit is refused at once
/// with 429, a problem+json body and <c>Retry-After</c>; cheap endpoints are never limited.
/// </summary>
internal static class CostLimits
{
    /// <summary>Seconds a refused client is told to wait.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Marks an endpoint as expensive: it counts against the per-key and the global concurrency limit.</summary>
    public static TBuilder RequireCostLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(ExpensiveEndpoint.Instance);
        return builder;
    }

    /// <summary>Registers the limiter with the limits of <paramref name="options"/>.</summary>
    public static IServiceCollection AddCostLimits(this IServiceCollection services, PlannerOptions options)
    {
        int perKey = Math.Max(1, options.ExpensivePerKey);
        int global = options.ExpensiveGlobal > 0 ? options.ExpensiveGlobal : Math.Max(1, Environment.ProcessorCount / 2);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsExpensive(http)
                    ? RateLimitPartition.GetConcurrencyLimiter(KeyOf(http), _ => new ConcurrencyLimiterOptions { PermitLimit = perKey, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsExpensive(http)
                    ? RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions { PermitLimit = global, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            limiter.OnRejected = RejectAsync;
        });
    }

    private static bool IsExpensive(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ExpensiveEndpoint>() is not null;

    // The key id the authentication handler put in the name claim; anonymous callers never reach an expensive
    // endpoint (they get 401 first), the address is only a fallback.
    private static string KeyOf(HttpContext http) => http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many expensive requests at once.",
                Detail = $"this key, or the server as a whole, already runs as many expensive requests as it may; retry after {RetryAfterSeconds} s.",
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            },
        }).ConfigureAwait(false);
    }

    /// <summary>The endpoint metadata that marks an expensive endpoint.</summary>
    private sealed class ExpensiveEndpoint
    {
        public static readonly ExpensiveEndpoint Instance = new();
    }
}
