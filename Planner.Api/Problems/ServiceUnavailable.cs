namespace Planner.Api.Problems;

/// <summary>What every 503 of the API tells the client: when to retry (<c>Retry-After</c>, RFC 9110 §10.2.3).</summary>
internal static class ServiceUnavailable
{
    /// <summary>Seconds to wait before retrying, as the header's text.</summary>
    public const string RetryAfterSeconds = "5";
}
