using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Security;
using Planner.Core.Network;

namespace Planner.Api.Endpoints;

/// <summary>An interval of accepted values.</summary>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound, accepted.</param>
/// <param name="MinExclusive">True when the lower bound itself is refused.</param>
internal sealed record ValueRangeResponse(double Min, double Max, bool MinExclusive)
{
    /// <summary>The wire form of a core range.</summary>
    public static ValueRangeResponse From(ValueRange range) => new(range.Min, range.Max, range.MinExclusive);
}

/// <summary>The travel parameters the API accepts everywhere (coverage, what-if, siting, matching, scenario edits).</summary>
/// <param name="Minutes">Service-circle limit or trip limit in minutes.</param>
/// <param name="SpeedKmh">Base speed override in km/h.</param>
/// <param name="Modes">Travel modes.</param>
internal sealed record TravelLimitsResponse(ValueRangeResponse Minutes, ValueRangeResponse SpeedKmh, IReadOnlyList<string> Modes);

/// <summary>
/// <c>GET /travel-limits</c>: <see cref="TravelLimits"/> as data, so the desktop page and other clients check their
/// inputs against the limits the server applies instead of keeping a copy.
/// </summary>
internal static class TravelLimitsEndpoints
{
    /// <summary>Maps <c>GET /travel-limits</c>.</summary>
    public static IEndpointRouteBuilder MapTravelLimitsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/travel-limits", Get).WithTags("Coverage").RequireAuthorization(Roles.Viewer)
            .WithSummary("The accepted minutes, speed (km/h) and travel modes of every request and scenario edit.");
        return app;
    }

    private static Ok<TravelLimitsResponse> Get() => TypedResults.Ok(new TravelLimitsResponse(
        ValueRangeResponse.From(TravelLimits.Minutes), ValueRangeResponse.From(TravelLimits.SpeedKmh), TravelLimits.Modes));
}
