using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Reports;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Narrowing;

namespace Planner.Api.Endpoints;

/// <summary>
/// Coverage reports of a region or unit: JSON, CSV and GeoJSON exactly as <c>planner coverage</c> writes them
/// (<see cref="CoverageWriters"/>), and the official report (a printable HTML page, Word, PDF, Excel, GeoPackage,
/// Shapefile) from Planner.Reports' one report model. A key that sees only some units of the region (a
/// township key) gets the report narrowed to them, as <c>?unit=</c> narrows it; a <c>?unit=</c> outside them is
/// answered as an unknown unit.
/// </summary>
internal static class CoverageEndpoints
{
    private static readonly string[] Formats = ["json", "csv", "geojson", .. OfficialReportRenderer.Formats];

    /// <summary>Maps <c>GET /regions/{region}/coverage</c>.</summary>
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/regions/{region}/coverage", Get)
            .WithTags("Coverage")
            .RequireAuthorization(Roles.Viewer)
            .AcceptsOnlyQuery("minutes", "mode", "speed", "unit", "includePlanned", "f", "circle", "noCap", "lang")
            .WithSummary("Coverage report: ?circle=gb50180-15min (the region's default circle, else this; or minutes=&mode=&speed= for an ad-hoc circle; circle repeated gives every tier in one json or csv answer)&noCap=&unit=&includePlanned=&f=json|csv|geojson|html|docx|pdf|xlsx|gpkg|shp (or Accept); the report is Chinese unless Accept-Language (or lang=en) asks for English; narrowed to a township key's units.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: Planner.Reports.ReportFormat.Docx.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: Planner.Reports.ReportFormat.Pdf.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: Planner.Reports.ReportFormat.Xlsx.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: Planner.Reports.ReportFormat.GeoPackage.ContentType)
            .Produces(StatusCodes.Status200OK, contentType: Planner.Reports.ReportFormat.Shapefile.ContentType);
        return app;
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Get(
        string region, string? minutes, string? mode, string? speed, string? unit, string? includePlanned, string? f, string[]? circle, string? noCap,
        RegionAccess access, CoverageService coverage, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var r = view.Region;
        var format = f?.Trim().ToLowerInvariant() ?? FromAccept(http.Request);
        if (!Formats.Contains(format))
        {
            return ApiProblems.Field("f", $"'{f}' is not a report format; use one of {string.Join(", ", Formats)}.");
        }

        if (http.Request.Query["lang"] is { Count: > 0 } lang && lang.ToString() is not ("zh" or "en"))
        {
            return ApiProblems.Field("lang", $"'{lang}' is not a report language; use zh or en.");
        }

        var circles = circle ?? [];
        var (query, problem) = CoverageQuery.Parse(r.Region, minutes, mode, speed, includePlanned, circle: circles.FirstOrDefault(), noCap: noCap);
        if (problem is not null)
        {
            return problem;
        }

        var scope = view.Units;
        if (!string.IsNullOrEmpty(unit))
        {
            var chosen = r.Region.Units.FirstOrDefault(u => u.Code == unit && (view.Units is null || view.Units.Contains(u.Code)));
            if (chosen is null)
            {
                return ApiProblems.Field("unit", $"unit '{unit}' is not in region '{region}'.", StatusCodes.Status404NotFound);
            }

            scope = UnitSelection.Of(r.Region, chosen);
        }

        if (circles.Length > 1)
        {
            return await TiersAsync(r, circles, format, (minutes, mode, speed, includePlanned, noCap), scope, coverage, http, cancellationToken).ConfigureAwait(false);
        }

        var result = await coverage.GetAsync(r, query!, cancellationToken).ConfigureAwait(false);
        http.Response.Headers.Vary = "Accept, Accept-Language";
        if (OfficialReportRenderer.Formats.Contains(format))
        {
            var (narrowed, narrowedChecks) = scope is null ? new NarrowedCoverage(result.Report, result.Checks) : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, scope);
            var scopeName = scope is null ? null : string.Join("、", scope.Roots.Select(u => u.Name));
            return await OfficialReportRenderer.RenderAsync(format, result, narrowed, narrowedChecks, scopeName, http.Request, cancellationToken).ConfigureAwait(false);
        }

        var body = result.Rendered.GetOrAdd((format, scope?.Key, false), k => Render(k.Format, result, scope));
        if (format == "csv" && Language.PrefersChinese(http.Request))
        {
            body = CsvForExcel.WithBom(body); // Excel on Chinese Windows reads a CSV without the BOM as GBK
        }

        return TypedResults.Content(body, format switch
        {
            "csv" => "text/csv; charset=utf-8",
            "geojson" => "application/geo+json; charset=utf-8",
            _ => "application/json; charset=utf-8",
        });
    }

    /// <summary>
    /// <c>?circle=a&amp;circle=b</c>: every tier in one answer, as <c>planner coverage --tiers a,b</c> writes it (JSON
    /// <c>{tiers: [...]}</c>, or CSV with a circle column); each tier is the region's cached coverage for that circle.
    /// </summary>
    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> TiersAsync(
        CatalogRegion r, string[] circles, string format, (string? Minutes, string? Mode, string? Speed, string? IncludePlanned, string? NoCap) asked,
        UnitSelection? scope, CoverageService coverage, HttpContext http, CancellationToken cancellationToken)
    {
        if (format is not ("json" or "csv"))
        {
            return ApiProblems.Field("f", $"several circles are answered as json or csv, not {format}; name one circle for {format}.", StatusCodes.Status422UnprocessableEntity);
        }

        if (circles.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return ApiProblems.Field("circle", $"circle '{twice.Key}' is named twice.", StatusCodes.Status422UnprocessableEntity);
        }

        var reports = new List<CoverageReport>(circles.Length);
        foreach (var id in circles)
        {
            var (query, problem) = CoverageQuery.Parse(r.Region, asked.Minutes, asked.Mode, asked.Speed, asked.IncludePlanned, circle: id, noCap: asked.NoCap);
            if (problem is not null)
            {
                return problem;
            }

            var result = await coverage.GetAsync(r, query!, cancellationToken).ConfigureAwait(false);
            reports.Add(scope is null ? result.Report : CoverageNarrowing.Narrow(result.Report, result.Checks, r.Region, scope).Report);
        }

        http.Response.Headers.Vary = "Accept, Accept-Language";
        return format == "csv"
            ? TypedResults.Content(CoverageWriters.UnitsCsv(reports), "text/csv; charset=utf-8")
            : TypedResults.Content(CoverageWriters.TiersJson(reports), "application/json; charset=utf-8");
    }

    private static string Render(string format, CoverageResult result, UnitSelection? scope)
    {
        var (report, _) = scope is null ? new NarrowedCoverage(result.Report, result.Checks) : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, scope);
        return format switch
        {
            "csv" => CoverageWriters.UnitsCsv(report),
            "geojson" => CoverageWriters.GeoJsonLayers(report),
            _ => CoverageWriters.ToJson(report),
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
                case var other when OfficialReportRenderer.FromMediaType(other) is { } file: return file;
            }
        }

        return "json";
    }
}
