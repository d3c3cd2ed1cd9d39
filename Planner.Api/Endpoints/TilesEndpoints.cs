using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Api.Tiles;

namespace Planner.Api.Endpoints;

/// <summary>
/// The offline basemap: Mapbox vector tiles of a region's own data (<see cref="BasemapSource"/>), so the map has
/// streets, boundaries and names with no network beyond the API. A township key's tiles hold only its units'
/// features, as its collections do.
/// </summary>
internal static class TilesEndpoints
{
    /// <summary>
    /// Tiles depend on the key's scope (so <c>private</c>) and on the region's stored version, which can change
    /// under the same URL: a client keeps the tile but asks again each time, and an unchanged tile is a 304.
    /// </summary>
    private const string CacheControl = "private, no-cache";

    /// <summary>Maps <c>/regions/{region}/tiles/{z}/{x}/{y}.mvt</c>.</summary>
    public static IEndpointRouteBuilder MapTilesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/regions").WithTags("Layers").RequireAuthorization(Roles.Viewer)
            .MapGet("/{region}/tiles/{z}/{x}/{y}.mvt", Tile)
            .WithSummary("A Mapbox vector tile (EPSG:3857 XYZ, extent 4096, 64-unit buffer) of the region's roads, unit boundaries, stations and labels; 204 when the tile holds nothing; ETag and If-None-Match.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ProblemHttpResult>> Tile(
        string region, string z, string x, string y, RegionAccess access, BasemapTiles tiles, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var (address, problem) = TileAddress.Parse(z, x, y);
        if (problem is not null)
        {
            return problem;
        }

        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var bytes = tiles.Render(view, address!.Value);
        response.Headers.CacheControl = CacheControl;
        if (bytes is null)
        {
            return TypedResults.NoContent();
        }

        // The tag is the content's own hash: it changes exactly when the tile does, whatever changed the region.
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"");
        response.Headers.ETag = tag.ToString();
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } sent && sent.Any(t => t.Compare(tag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(bytes, BasemapTiler.MediaType);
    }
}
