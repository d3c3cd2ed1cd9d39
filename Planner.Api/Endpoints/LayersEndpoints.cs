using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Layers;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Model;
using Planner.Core.Narrowing;

namespace Planner.Api.Endpoints;

/// <summary>A region in a listing.</summary>
/// <param name="Name">URL name (<c>guixi</c>).</param>
/// <param name="Code">Division code.</param>
/// <param name="Title">Display name, the region's own name (<c>贵溪市</c>).</param>
/// <param name="Version">Stored version.</param>
/// <param name="Links">collections, coverage.</param>
/// <param name="Units">Only for a key that sees part of the region (a township key): the units it sees, each with every unit under it.</param>
internal sealed record RegionResponse(string Name, string Code, string Title, long Version, IReadOnlyList<LinkResponse> Links, IReadOnlyList<UnitRefResponse>? Units = null);

/// <summary>An administrative unit named in a listing.</summary>
/// <param name="Code">Division code.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">county, township, village or grid.</param>
internal sealed record UnitRefResponse(string Code, string Name, string Level);

/// <summary>
/// Regions and their layers, following OGC API - Features (Part 1: Core) per region. A key that sees only some
/// units of a region (a township key) gets every layer narrowed to them (<see cref="LayerScope"/>), circles and
/// gaps from its narrowed report, and the extent of its units.
/// </summary>
internal static class LayersEndpoints
{
    /// <summary>Maps <c>/regions</c> and <c>/regions/{region}/collections/...</c>.</summary>
    public static IEndpointRouteBuilder MapLayersEndpoints(this IEndpointRouteBuilder app)
    {
        var regions = app.MapGroup("/regions").WithTags("Layers").RequireAuthorization(Roles.Viewer);
        regions.MapGet("/", ListRegions).WithSummary("Regions the key may see: URL name, code, title; for a key below a region's code, the units it sees.");
        regions.MapGet("/{region}", GetRegion).WithSummary("One region with links to its layers and report.");
        regions.MapGet("/{region}/collections", Collections).WithSummary("The region's layers (OGC API - Features).");
        regions.MapGet("/{region}/collections/{collectionId}", Collection).WithSummary("One layer's description.");
        regions.MapGet("/{region}/collections/{collectionId}/items", Items)
            .WithSummary("A layer's features as GeoJSON, filtered by bbox and properties, paged by limit and offset.");
        regions.MapGet("/{region}/collections/{collectionId}/items/{featureId}", Item).WithSummary("One feature as GeoJSON.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionResponse>>> ListRegions(RegionAccess access, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await access.ListAsync(user, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<RegionResponse>>([.. list.Select(e => ToResponse(e.Entry, e.Narrowed?.Units, request))]);
    }

    private static async Task<Results<Ok<RegionResponse>, ProblemHttpResult>> GetRegion(string region, RegionAccess access, ClaimsPrincipal user, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var r = view.Region;
        response.Headers.ETag = $"\"{r.Version.ToString(CultureInfo.InvariantCulture)}\""; // what a layer upload sends back in If-Match
        return TypedResults.Ok(ToResponse(new CatalogEntry(r.Name, r.Code, r.Region.Info.Name, r.Version), view.Units, request));
    }

    private static async Task<Results<Ok<CollectionsResponse>, ProblemHttpResult>> Collections(string region, RegionAccess access, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        bool zh = Language.PrefersChinese(request);
        return TypedResults.Ok(new CollectionsResponse(
            [.. LayerSource.Layers.Select(l => Describe(l, view, request, zh))],
            [new LinkResponse(Url(request, request.Path, null), "self", "application/json")]));
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Collection(string region, string collectionId, RegionAccess access, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var layer = LayerSource.Layers.FirstOrDefault(l => l.Id == collectionId);
        return layer is null ? ApiProblems.NotFound("collection", collectionId) : TypedResults.Ok(Describe(layer, view, request, Language.PrefersChinese(request)));
    }

    private static async Task<Results<JsonHttpResult<FeatureCollectionResponse>, ProblemHttpResult>> Items(
        string region, string collectionId, RegionAccess access, LayerSource source, CoverageService coverage, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, layer, features, problem) = await Load(region, collectionId, access, source, coverage, user, request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (query, queryProblem) = ItemsQuery.Parse(request.Query, layer!, r!.Region.Bounds);
        if (queryProblem is not null)
        {
            return queryProblem;
        }

        var matched = features!.Where(query!.Matches).ToList();
        var page = matched.Skip(query.Offset).Take(query.Limit).Select(f => new FeatureResponse(f.Id, f.Geometry, f.Properties)).ToList();
        var links = new List<LinkResponse> { new(Url(request, request.Path, null), "self", "application/geo+json") };
        if (query.Offset + page.Count < matched.Count)
        {
            links.Add(new LinkResponse(Url(request, request.Path, query.Offset + query.Limit), "next", "application/geo+json"));
        }

        if (query.Offset > 0)
        {
            links.Add(new LinkResponse(Url(request, request.Path, Math.Max(0, query.Offset - query.Limit)), "prev", "application/geo+json"));
        }

        return TypedResults.Json(new FeatureCollectionResponse(page, matched.Count, page.Count, links, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            (System.Text.Json.JsonSerializerOptions?)null, "application/geo+json");
    }

    private static async Task<Results<JsonHttpResult<FeatureResponse>, ProblemHttpResult>> Item(
        string region, string collectionId, string featureId, RegionAccess access, LayerSource source, CoverageService coverage, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (_, _, features, problem) = await Load(region, collectionId, access, source, coverage, user, request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var f = features!.FirstOrDefault(x => x.Id == featureId);
        return f is null ? ApiProblems.NotFound($"feature in '{collectionId}'", featureId)
            : TypedResults.Json(new FeatureResponse(f.Id, f.Geometry, f.Properties), (System.Text.Json.JsonSerializerOptions?)null, "application/geo+json");
    }

    private static async Task<(CatalogRegion? Region, LayerDefinition? Layer, IReadOnlyList<LayerFeature>? Features, ProblemHttpResult? Problem)> Load(
        string region, string collectionId, RegionAccess access, LayerSource source, CoverageService coverage, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return (null, null, null, ApiProblems.NotFound("region", region));
        }

        var r = view.Region;
        var layer = LayerSource.Layers.FirstOrDefault(l => l.Id == collectionId);
        if (layer is null)
        {
            return (r, null, null, ApiProblems.NotFound("collection", collectionId));
        }

        CoverageResult? result = null;
        if (layer.NeedsCoverage)
        {
            var q = request.Query;
            var (query, problem) = CoverageQuery.Parse(r.Region, q["minutes"], q["mode"], q["speed"], q["includePlanned"], circle: q["circle"], noCap: q["noCap"]);
            if (problem is not null)
            {
                return (r, layer, null, problem);
            }

            result = await coverage.GetAsync(r, query!, cancellationToken).ConfigureAwait(false);
            if (view.Units is { } units)
            {
                // Circles and gaps of a township key come from its narrowed report: its stations, the gaps in its units.
                var (report, checks) = CoverageNarrowing.Narrow(result.Report, result.Checks, r.Region, units);
                result = new CoverageResult(r, result.Query, report, checks, result.RuleSetName);
            }
        }

        var features = source.Features(layer, r, result);
        return (r, layer, view.Units is null || layer.NeedsCoverage ? features : LayerScope.Filter(layer, features, view.Units), null);
    }

    private static CollectionResponse Describe(LayerDefinition l, RegionView view, HttpRequest request, bool zh)
    {
        var r = view.Region;
        double[] bbox;
        if (view.Units is { } units)
        {
            var e = units.Boundary.EnvelopeInternal;
            bbox = e.IsNull ? [] : [e.MinX, e.MinY, e.MaxX, e.MaxY];
        }
        else
        {
            var b = r.Region.Bounds;
            bbox = b.IsEmpty ? [] : [b.MinLon, b.MinLat, b.MaxLon, b.MaxLat];
        }

        var items = $"{request.PathBase}/regions/{Uri.EscapeDataString(r.Name)}/collections/{l.Id}";
        return new CollectionResponse(l.Id, zh ? l.TitleZh : l.TitleEn, l.Description,
            new ExtentResponse(new SpatialExtentResponse([bbox], "http://www.opengis.net/def/crs/OGC/1.3/CRS84")),
            "feature", ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"], l.Queryables,
            [new LinkResponse(Absolute(request, items + "/items"), "items", "application/geo+json"), new LinkResponse(Absolute(request, items), "self", "application/json")]);
    }

    private static RegionResponse ToResponse(CatalogEntry e, UnitSelection? units, HttpRequest request)
    {
        var self = $"{request.PathBase}/regions/{Uri.EscapeDataString(e.Name)}";
        return new RegionResponse(e.Name, e.Code, e.Title, e.Version,
            [new LinkResponse(Absolute(request, self + "/collections"), "data", "application/json", "layers"),
             new LinkResponse(Absolute(request, self + "/coverage"), "describedby", "application/json", "coverage report")],
            units is null ? null : [.. units.Roots.Select(u => new UnitRefResponse(u.Code, u.Name, Core.Model.DomainNames.Of(u.Level)))]);
    }

    private static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    /// <summary>The request URL with <c>offset</c> replaced (null keeps the query as it is).</summary>
    private static string Url(HttpRequest request, PathString path, int? offset)
    {
        var query = request.Query.Where(kv => offset is null || kv.Key != "offset")
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList();
        if (offset is { } o)
        {
            query.Add(new("offset", o.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Absolute(request, request.PathBase + path), query);
    }
}
