using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Layers;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Reports;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Api.Endpoints;

/// <summary>Coverage reports of a region or unit: JSON (the CLI's schema), CSV, GeoJSON and a printable HTML page.</summary>
internal static class CoverageEndpoints
{
    private static readonly string[] Formats = ["json", "csv", "geojson", "html"];

    /// <summary>Maps <c>GET /regions/{region}/coverage</c>.</summary>
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/regions/{region}/coverage", Get)
            .WithTags("Coverage")
            .RequireAuthorization(Roles.Viewer)
            .WithSummary("Coverage report: ?minutes=&mode=&speed=&unit=&includePlanned=&f=json|csv|geojson|html (or Accept); Accept-Language zh gives Chinese.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Get(
        string region, string? minutes, string? mode, string? speed, string? unit, string? includePlanned, string? f,
        RegionAccess access, CoverageService coverage, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var r = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var format = f?.Trim().ToLowerInvariant() ?? FromAccept(http.Request);
        if (!Formats.Contains(format))
        {
            return ApiProblems.Field("f", $"'{f}' is not a report format; use one of {string.Join(", ", Formats)}.");
        }

        var (query, problem) = CoverageQuery.Parse(r.Region, minutes, mode, speed, includePlanned);
        if (problem is not null)
        {
            return problem;
        }

        AdminUnit? scope = null;
        if (!string.IsNullOrEmpty(unit))
        {
            scope = r.Region.Units.FirstOrDefault(u => u.Code == unit);
            if (scope is null)
            {
                return ApiProblems.Field("unit", $"unit '{unit}' is not in region '{region}'.", StatusCodes.Status404NotFound);
            }
        }

        var result = await coverage.GetAsync(r, query!, cancellationToken).ConfigureAwait(false);
        http.Response.Headers.Vary = "Accept, Accept-Language";
        bool chinese = format == "html" && Language.PrefersChinese(http.Request);
        var body = result.Rendered.GetOrAdd((format, scope?.Code, chinese), k => Render(k.Format, k.Chinese, result, scope, r.Region, http));
        return TypedResults.Content(body, format switch
        {
            "csv" => "text/csv; charset=utf-8",
            "geojson" => "application/geo+json; charset=utf-8",
            "html" => "text/html; charset=utf-8",
            _ => "application/json; charset=utf-8",
        });
    }

    private static string Render(string format, bool chinese, CoverageResult result, AdminUnit? scope, Region region, HttpContext http)
    {
        var (report, checks) = scope is null ? (result.Report, result.Checks) : UnitScope.Narrow(result, scope);
        return format switch
        {
            "csv" => CoverageReportWriter.ToCsv(report),
            "geojson" => JsonSerializer.Serialize(GeoJson(result, report, region), http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions),
            "html" => HtmlReport.Render(result, report, checks, scope, chinese),
            _ => CoverageReportWriter.ToJson(report),
        };
    }

    /// <summary>The format the Accept header prefers (json when nothing more specific is asked for).</summary>
    private static string FromAccept(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types))
        {
            return "json";
        }

        foreach (var t in types.OrderByDescending(t => t.Quality ?? 1))
        {
            switch (t.MediaType.Value?.ToLowerInvariant())
            {
                case "text/csv": return "csv";
                case "application/geo+json": return "geojson";
                case "text/html": return "html";
                case "application/json": return "json";
            }
        }

        return "json";
    }

    /// <summary>Units (with covered shares), stations (with catchments), circles and gaps; each feature's <c>layer</c> says which.</summary>
    private static FeatureCollectionResponse GeoJson(CoverageResult result, CoverageReport report, Region region)
    {
        var units = region.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var stations = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var factory = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
        var features = new List<FeatureResponse>();
        foreach (var u in report.Units.Where(u => units.ContainsKey(u.Code)))
        {
            var p = new Dictionary<string, object?> { ["layer"] = "units", ["code"] = u.Code, ["name"] = u.Name, ["level"] = u.Level, ["accessibility"] = u.Accessibility };
            foreach (var (g, c) in u.Groups)
            {
                p[$"{g}_population"] = c.Population;
                p[$"{g}_covered"] = c.Covered;
                p[$"{g}_share"] = c.Share;
            }

            features.Add(new FeatureResponse(u.Code, units[u.Code].Boundary, p));
        }

        var ids = report.Stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var s in report.Stations.Where(s => stations.ContainsKey(s.Id)))
        {
            var loc = stations[s.Id].Location;
            var p = new Dictionary<string, object?> { ["layer"] = "stations", ["id"] = s.Id, ["name"] = s.Name, ["status"] = s.Status, ["social_workers"] = s.SocialWorkers, ["area_km2"] = s.AreaKm2, ["ratio"] = s.Ratio };
            foreach (var (g, v) in s.Catchment)
            {
                p[$"{g}_catchment"] = v;
            }

            features.Add(new FeatureResponse(s.Id, factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(loc.Lon, loc.Lat)), p));
        }

        var gapIds = report.Gaps.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        features.AddRange(LayerSource.Circles(result).Where(c => ids.Contains(c.Id))
            .Select(c => new FeatureResponse("circle-" + c.Id, c.Geometry, new Dictionary<string, object?>(c.Properties) { ["layer"] = "circles" })));
        features.AddRange(LayerSource.Gaps(result).Where(g => gapIds.Contains(g.Id))
            .Select(g => new FeatureResponse(g.Id, g.Geometry, new Dictionary<string, object?>(g.Properties) { ["layer"] = "gaps" })));
        return new FeatureCollectionResponse(features, features.Count, features.Count, [], DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }
}
