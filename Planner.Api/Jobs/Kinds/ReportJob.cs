using System.Text.Json;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Api.Reports;
using Planner.Core.Model;
using Planner.Core.Narrowing;
using Planner.Reports.Model;

namespace Planner.Api.Jobs.Kinds;

/// <summary>What a report job renders: the format, the language of the page that asked, and the unit it is narrowed to.</summary>
/// <param name="Format">docx, pdf, xlsx, gpkg, shp or html.</param>
/// <param name="Language">zh or en.</param>
/// <param name="Unit">The unit code asked for (<c>?unit=</c>), or null for the key's whole view.</param>
internal sealed record ReportJobRequest(string Format, string Language, string? Unit);

/// <summary>The file a report job rendered, as its JSON result: kept in the job storage, so any node can serve the link.</summary>
/// <param name="ContentType">Media type.</param>
/// <param name="FileName">Download name, or null to show it inline (HTML).</param>
/// <param name="Bytes">The file.</param>
internal sealed record ReportJobFile(string ContentType, string? FileName, byte[] Bytes);

/// <summary>
/// The official report of a large region as a job (<c>POST .../reports</c> above <c>Planner:ReportJobPoints</c>):
/// the region's default coverage, narrowed like the request was, rendered by <see cref="OfficialReportRenderer"/>.
/// </summary>
internal sealed class ReportJob(CoverageService coverage) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "report";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var asked = JobPayload.Read<ReportJobRequest>(payload);
        var r = view.Region;
        var scope = view.Units;
        if (asked.Unit is { Length: > 0 } code)
        {
            var chosen = r.Region.Units.FirstOrDefault(u => u.Code == code && (view.Units is null || view.Units.Contains(u.Code)))
                ?? throw new InvalidOperationException($"unit '{code}' is no longer in region '{r.Name}'");
            scope = UnitSelection.Of(r.Region, chosen);
        }

        var (query, problem) = CoverageQuery.Parse(r.Region, null, null, null, null);
        if (problem is not null)
        {
            throw new InvalidOperationException("the region's default coverage parameters do not fit it");
        }

        var result = coverage.Compute(r, query!, progress);
        cancellationToken.ThrowIfCancellationRequested();
        var (report, checks) = scope is null ? new NarrowedCoverage(result.Report, result.Checks) : CoverageNarrowing.Narrow(result.Report, result.Checks, r.Region, scope);
        string? scopeName = scope is null ? null : string.Join("、", scope.Roots.Select(u => u.Name));
        var options = new ReportOptions { Language = asked.Language == "en" ? ReportLanguage.English : ReportLanguage.Chinese };
        var file = OfficialReportRenderer.Render(asked.Format, $"{r.Region.Info.Name}-coverage",
            o => ReportBuilder.Build(r.Region, report, checks, o with { RuleSetName = result.RuleSetName, ScopeName = scopeName }), options);
        return JsonSerializer.Serialize(new ReportJobFile(file.ContentType, file.FileName, file.Bytes), JsonSerializerOptions.Web);
    }
}
