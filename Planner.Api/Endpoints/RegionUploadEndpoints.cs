using System.Globalization;
using Planner.Core.Geo;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Planner.Api.Layers;
using Planner.Api.Options;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Api.Endpoints;

/// <summary>A new, empty region.</summary>
/// <param name="Key">Its key, the URL name: 1 to 64 lowercase letters, digits, '-' or '_' (<c>guixi</c>).</param>
/// <param name="Code">Its division code, 6 to 12 digits (<c>360681</c>).</param>
/// <param name="Title">Its own name (<c>贵溪市</c>).</param>
/// <param name="Crs">The stored CRS: wgs84 or cgcs2000 (both longitude-latitude; each uploaded file says its own CRS).</param>
internal sealed record CreateRegionRequest(string Key, string Code, string Title, string? Crs = null);

/// <summary>What a layer upload stored.</summary>
/// <param name="Region">The region's key.</param>
/// <param name="Layer">stations, units or demand.</param>
/// <param name="Version">The region's new version (also the ETag).</param>
/// <param name="Count">Stations or units stored, or population rows joined (demand).</param>
/// <param name="Notes">How the file was read, and check warnings.</param>
internal sealed record LayerUploadResponse(string Region, string Layer, long Version, int Count, IReadOnlyList<string> Notes);

/// <summary>The first rows of a table, for picking its columns before the upload.</summary>
/// <param name="File">The file's name as sent.</param>
/// <param name="Encoding">The CSV's encoding as read (utf-8, gbk ...), or xlsx.</param>
/// <param name="Headers">The header row, in the file's order.</param>
/// <param name="Rows">Up to 10 rows, each the cells in header order.</param>
/// <param name="RowCount">All rows of the table.</param>
internal sealed record TablePreviewResponse(string File, string Encoding, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, int RowCount);

/// <summary>One refused row or feature of an upload, as listed in the 422 problem's <c>problems</c>.</summary>
/// <param name="File">The file's name as uploaded.</param>
/// <param name="Feature">Row number (<c>row 7</c>), feature (<c>feature 3 (360681001)</c>), <c>header</c>, or empty for the whole file.</param>
/// <param name="Field">The column, field or query parameter at fault.</param>
/// <param name="Reason">Why it is refused.</param>
internal sealed record UploadProblem(string File, string Feature, string Field, string Reason);

/// <summary>
/// A county brings its own files: <c>POST /regions</c> creates an empty region, <c>PUT /regions/{r}/layers/{layer}</c>
/// replaces its stations or units from one file through the core's importers (<see cref="LayerUpload"/>, the same the
/// CLI runs). An upload is all or nothing: any refused row or feature is a 422 listing each with file, feature, field
/// and reason, and the stored region stays as it was. Uploads need <c>If-Match</c> with the region's ETag (its
/// version), so that two offices uploading at once cannot overwrite each other unseen.
/// </summary>
internal static partial class RegionUploadEndpoints
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/geo+json"] = ".geojson",
        ["application/json"] = ".geojson",
        ["application/zip"] = ".zip",
        ["application/x-zip-compressed"] = ".zip",
        ["application/geopackage+sqlite3"] = ".gpkg",
        ["text/csv"] = ".csv",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
    };

    /// <summary>Maps <c>POST /regions</c> and <c>PUT /regions/{region}/layers/{layer}</c>.</summary>
    public static IEndpointRouteBuilder MapRegionUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/regions").WithTags("Regions").RequireAuthorization(Roles.Planner);
        group.MapPost("/", Create).WithSummary("Creates an empty region from {key, code, title, crs}; the code must lie in the key's scope; 201 with its ETag.");
        group.MapPut("/{region}/layers/{layer}", Upload)
            .WithSummary("Replaces the stations (.xlsx, .csv) or units (.geojson, zipped .shp, .gpkg), or adds/replaces population groups (demand: .xlsx, .csv per unit, by=code|name) from the file in the body; needs If-Match; 422 lists every refused row or feature and stores nothing.");
        group.MapPost("/{region}/layers/{layer}/preview", Preview)
            .WithSummary("The header and first 10 rows of a station or population table (.xlsx, .csv) in the body, read as the upload would read it; stores nothing.");
        return app;
    }

    private static async Task<Results<Created<RegionResponse>, ProblemHttpResult>> Create(IRegionCatalog catalog, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateRegionRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        const int Unprocessable = StatusCodes.Status422UnprocessableEntity;
        if (body!.Key is null || !KeyPattern().IsMatch(body.Key))
        {
            return ApiProblems.Field("key", $"'{body.Key}' is not a region key: give 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit.", Unprocessable);
        }

        if (body.Code is null || body.Code.Length is < 6 or > 12 || !body.Code.All(char.IsAsciiDigit))
        {
            return ApiProblems.Field("code", $"'{body.Code}' is not a division code: give 6 to 12 digits (360681).", Unprocessable);
        }

        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 100)
        {
            return ApiProblems.Field("title", "give the region's own name, 1 to 100 characters (贵溪市).", Unprocessable);
        }

        if (body.Crs is { } crs && !crs.Equals("wgs84", StringComparison.OrdinalIgnoreCase) && !crs.Equals("cgcs2000", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field("crs", $"'{crs}' cannot be a stored CRS: regions are stored in wgs84 or cgcs2000 longitude-latitude; give a file's own CRS (gcj02, bd09, EPSG:4527 ...) with its upload.", Unprocessable);
        }

        if (!user.InScope(body.Code))
        {
            return ApiProblems.Field("code", $"{body.Code} is outside the key's scope {user.Scope()}: a key can only create regions within its scope.", StatusCodes.Status403Forbidden);
        }

        var existing = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        if (existing.FirstOrDefault(e => e.Code == body.Code) is { } sameCode)
        {
            // The code is an alias of its region: a second region with it would make the alias ambiguous (the caller may see it: it lies in its scope).
            return ApiProblems.Conflict($"region '{sameCode.Name}' already has the code {body.Code}; upload layers to it instead.");
        }

        var region = new Region { Info = new Core.Model.RegionInfo(body.Title.Trim(), body.Code, InputCrs.Wgs84, new PopulationGroups([PopulationGroups.Total]), 15, "walk", []) };
        try
        {
            var version = await catalog.SaveAsync(body.Key, region, null, cancellationToken).ConfigureAwait(false);
            http.Response.Headers.ETag = ETag(version);
            var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/regions/{Uri.EscapeDataString(body.Key)}";
            return TypedResults.Created(self, new RegionResponse(body.Key, body.Code, region.Info.Name, version,
                [new LinkResponse(self + "/collections", "data", "application/json", "layers"), new LinkResponse(self + "/layers/{layer}", "edit", "application/octet-stream", "upload a layer")]));
        }
        catch (RegionVersionConflictException)
        {
            return ApiProblems.Conflict($"region '{body.Key}' already exists; choose another key.");
        }
        catch (RegionsReadOnlyException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    private static async Task<Results<Ok<LayerUploadResponse>, ProblemHttpResult>> Upload(
        string region, string layer, RegionAccess access, IRegionCatalog catalog, IOptions<PlannerOptions> options, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        if (!LayerUpload.Layers.Contains(layer))
        {
            return ApiProblems.NotFound("uploadable layer", layer);
        }

        var (expected, stale) = IfMatchHeader.Evaluate(http.Request, "region", r.Name, r.Version);
        if (stale is not null)
        {
            return stale;
        }

        var (fileName, typeProblem) = FileName(http.Request);
        if (typeProblem is not null)
        {
            return typeProblem;
        }

        long limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var scratch = Directory.CreateTempSubdirectory("planner-upload-");
        try
        {
            // Under the caller's own file name, which the importers' messages then carry (the extension says the format).
            var path = Path.Combine(scratch.FullName, Path.GetFileNameWithoutExtension(fileName!) + Path.GetExtension(fileName!).ToLowerInvariant());
            try
            {
                await using var file = File.Create(path);
                await http.Request.Body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(limit);
            }

            var q = http.Request.Query;
            string? Q(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
            var uploadOptions = new LayerUpload.Options(Q("crs"), Q("columns"), Q("encoding"), Q("sheet"), Q("table"),
                Q("codeField"), Q("nameField"), Q("level"), Q("levelField"), Q("parentField"), Q("licence"), Q("by"));
            var result = await Task.Run(() => LayerUpload.Apply(r.Region, layer, path, fileName!, uploadOptions), cancellationToken).ConfigureAwait(false);
            if (result.Region is null)
            {
                return Refused(fileName!, result.Problems);
            }

            long version;
            try
            {
                version = await catalog.SaveAsync(r.Name, result.Region, expected, cancellationToken).ConfigureAwait(false);
            }
            catch (RegionVersionConflictException ex)
            {
                // Another upload won between the If-Match check and the save: the store's version check refused this one whole.
                return ApiProblems.Stale("region", r.Name, http.Request.Headers.IfMatch.ToString(), ex.Actual ?? 0);
            }
            catch (RegionsReadOnlyException ex)
            {
                return ApiProblems.Conflict(ex.Message);
            }

            http.Response.Headers.ETag = ETag(version);
            return TypedResults.Ok(new LayerUploadResponse(r.Name, layer, version, result.Count, result.Notes));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<Results<Ok<TablePreviewResponse>, ProblemHttpResult>> Preview(
        string region, string layer, RegionAccess access, IOptions<PlannerOptions> options, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        const int PreviewRows = 10;
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        if (layer is not ("stations" or "demand"))
        {
            return ApiProblems.NotFound("table layer", layer);
        }

        var (fileName, typeProblem) = FileName(http.Request);
        if (typeProblem is not null)
        {
            return typeProblem;
        }

        if (Path.GetExtension(fileName!).ToLowerInvariant() is not (".csv" or ".txt" or ".xlsx"))
        {
            return ApiProblems.Field("Content-Type", $"'{fileName}' is not a table: send a .csv or .xlsx.", StatusCodes.Status415UnsupportedMediaType);
        }

        long limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var scratch = Directory.CreateTempSubdirectory("planner-preview-");
        try
        {
            var path = Path.Combine(scratch.FullName, "preview" + Path.GetExtension(fileName!).ToLowerInvariant());
            try
            {
                await using var file = File.Create(path);
                await http.Request.Body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(limit);
            }

            var q = http.Request.Query;
            try
            {
                var table = await Task.Run(() => TableReader.Read(path, q.TryGetValue("encoding", out var e) ? e.ToString() : null, q.TryGetValue("sheet", out var s) ? s.ToString() : null), cancellationToken).ConfigureAwait(false);
                var rows = table.Rows.Take(PreviewRows).Select(row => (IReadOnlyList<string>)[.. table.Headers.Select(h => row[h])]).ToList();
                return TypedResults.Ok(new TablePreviewResponse(fileName!, table.Encoding, table.Headers, rows, table.Rows.Length));
            }
            catch (ImportException ex)
            {
                return Refused(fileName!, [.. ex.Problems.Select(p => new RowProblem(fileName!, string.Empty, "file", p.Replace(path, fileName!, StringComparison.Ordinal)))]);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The uploaded file's name: from <c>Content-Disposition</c> (its extension must fit the media type, or the media
    /// type may be <c>application/octet-stream</c>), else <c>upload</c> with the media type's extension.
    /// </summary>
    private static (string? Name, ProblemHttpResult? Problem) FileName(HttpRequest request)
    {
        string[] accepted = [".geojson", ".json", ".zip", ".gpkg", ".csv", ".txt", ".xlsx"];
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.ToString() : string.Empty;
        string? named = null;
        if (ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
        {
            var raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
            named = raw is null ? null : Path.GetFileName(HeaderUtilities.RemoveQuotes(raw).ToString());
        }

        if (!string.IsNullOrEmpty(named) && accepted.Contains(Path.GetExtension(named).ToLowerInvariant())
            && (type.Length == 0 || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                || (Extensions.TryGetValue(type, out var ext) && (ext == Path.GetExtension(named).ToLowerInvariant() || ext == ".geojson" && Path.GetExtension(named).Equals(".json", StringComparison.OrdinalIgnoreCase)))))
        {
            return (named, null);
        }

        if (!string.IsNullOrEmpty(named))
        {
            return (null, ApiProblems.Field("Content-Disposition", $"'{named}' is not a .geojson, .zip (a zipped Shapefile), .gpkg, .csv or .xlsx file of media type '{type}'.", StatusCodes.Status415UnsupportedMediaType));
        }

        return Extensions.TryGetValue(type, out var byType)
            ? ("upload" + byType, null)
            : (null, ApiProblems.Field("Content-Type", $"'{type}' is not accepted: send {string.Join(", ", Extensions.Keys)}, or application/octet-stream with Content-Disposition naming the file.", StatusCodes.Status415UnsupportedMediaType));
    }

    /// <summary>422 listing every refused row or feature; <c>errors</c> groups the reasons by field as validation problems do.</summary>
    private static ProblemHttpResult Refused(string fileName, IReadOnlyList<RowProblem> problems)
    {
        var errors = problems.GroupBy(p => p.Column.Length > 0 ? p.Column : "file")
            .ToDictionary(g => g.Key, g => g.Select(p => string.IsNullOrEmpty(p.Row) ? p.Reason : $"{p.Row}: {p.Reason}").ToArray());
        var field = problems.Count > 0 && problems[0].Column.Length > 0 ? problems[0].Column : "file";
        var details = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The file was refused; nothing was stored.",
            Detail = $"{field}: {problems.Count} problems in {fileName}, nothing stored: " + string.Join("; ", problems.Take(5).Select(p => p.Line()))
                + (problems.Count > 5 ? $"; and {problems.Count - 5} more (see problems)" : string.Empty),
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status.422",
        };
        details.Extensions["file"] = fileName;
        details.Extensions["field"] = field;
        details.Extensions["problems"] = problems.Select(p => new UploadProblem(p.File, p.Row, p.Column, p.Reason)).ToList();
        return TypedResults.Problem(details);
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        ApiProblems.Field("body", $"the file is larger than the limit of {limit} bytes (Planner:MaxUploadBytes).", StatusCodes.Status413PayloadTooLarge);

    private static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex KeyPattern();
}
