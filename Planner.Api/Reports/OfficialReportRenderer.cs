using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Planner.Api.Coverage;
using Planner.Core.Coverage;
using Planner.Core.Standards;
using Planner.Reports;
using Planner.Reports.Model;

namespace Planner.Api.Reports;

/// <summary>
/// The coverage report as the files officials hand in (<c>?f=docx|pdf|xlsx|gpkg|shp</c>) and as the printable
/// page (<c>?f=html</c>, shown in the browser rather than downloaded), written by Planner.Reports from the same
/// report model as <c>planner report</c>. Chinese unless the caller's Accept-Language prefers English.
/// </summary>
internal static class OfficialReportRenderer
{
    /// <summary>The format names this renderer answers.</summary>
    public static readonly string[] Formats = ["docx", "pdf", "xlsx", "gpkg", "shp", "html"];

    /// <summary>The format a media type asks for, or null when it is none of these.</summary>
    public static string? FromMediaType(string? mediaType) =>
        ReportFormat.All.FirstOrDefault(f => Formats.Contains(f.Name) && string.Equals(f.ContentType, mediaType, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>Builds and writes the report as a download (the HTML page inline).</summary>
    /// <param name="format">A name in <see cref="Formats"/>.</param>
    /// <param name="result">The coverage run, for the region and rule set name.</param>
    /// <param name="report">The run as reported (narrowed to the caller's units where it is).</param>
    /// <param name="checks">The checks, narrowed alike.</param>
    /// <param name="scopeName">Names of the units the report is narrowed to, or null for the region.</param>
    /// <param name="request">The request, for its Accept-Language.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public static Task<FileContentHttpResult> RenderAsync(
        string format, CoverageResult result, CoverageReport report, IReadOnlyList<StandardCheck> checks, string? scopeName, HttpRequest request, CancellationToken cancellationToken)
    {
        var region = result.Region.Region;
        return RenderAsync(format, $"{region.Info.Name}-coverage", options => ReportBuilder.Build(region, report, checks, options with
        {
            RuleSetName = result.RuleSetName,
            ScopeName = scopeName,
        }), request, cancellationToken);
    }

    /// <summary>Builds the report off the request thread and writes it as a download named <paramref name="fileStem"/> (the HTML page inline).</summary>
    /// <param name="format">A name in <see cref="Formats"/>.</param>
    /// <param name="fileStem">The download's file name without its extension.</param>
    /// <param name="build">Builds the report from the options of the caller's language.</param>
    /// <param name="request">The request, for its Accept-Language.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    public static async Task<FileContentHttpResult> RenderAsync(string format, string fileStem, Func<ReportOptions, ReportDocument> build, HttpRequest request, CancellationToken cancellationToken)
    {
        var options = OptionsFor(request);
        var file = await Task.Run(() => Render(format, fileStem, build, options), cancellationToken).ConfigureAwait(false);
        return file.FileName is null ? TypedResults.File(file.Bytes, file.ContentType) : TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    /// <summary>Builds and writes the report on the calling thread (a job's).</summary>
    /// <param name="format">A name in <see cref="Formats"/>.</param>
    /// <param name="fileStem">The download's file name without its extension.</param>
    /// <param name="build">Builds the report from <paramref name="options"/>.</param>
    /// <param name="options">The caller's language (<see cref="OptionsFor"/>).</param>
    public static RenderedReport Render(string format, string fileStem, Func<ReportOptions, ReportDocument> build, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(build);
        var file = ReportFormat.Find(format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "not a file report format");
        var bytes = ReportRenderer.Render(build(options), file);
        return new RenderedReport(bytes, file.ContentType, file == ReportFormat.Html ? null : fileStem + file.Extension);
    }

    /// <summary>
    /// The report options of the caller's language: <c>?lang=zh|en</c> when given (a signed link carries the language
    /// of the page that asked for it, since a browser's download sends its own Accept-Language), else Chinese
    /// unless Accept-Language prefers English.
    /// </summary>
    public static ReportOptions OptionsFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool english = request.Query["lang"].ToString() switch
        {
            "en" => true,
            "zh" => false,
            _ => PrefersEnglish(request),
        };
        return new ReportOptions { Language = english ? ReportLanguage.English : ReportLanguage.Chinese };
    }

    /// <summary>The language code (zh, en) the caller's report would be in.</summary>
    public static string LanguageOf(HttpRequest request) => OptionsFor(request).Language == ReportLanguage.English ? "en" : "zh";

    /// <summary>True when the first language the caller names is English (a report is Chinese otherwise).</summary>
    private static bool PrefersEnglish(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list)
        && list.OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.Value ?? string.Empty)
            .FirstOrDefault(t => t.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || t.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            ?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
}
