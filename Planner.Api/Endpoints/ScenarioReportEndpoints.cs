using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Coverage;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Reports;
using Planner.Api.Scenarios;
using Planner.Api.Security;
using Planner.Core.Narrowing;
using Planner.Core.Scenarios;
using Planner.Reports.Model;

namespace Planner.Api.Endpoints;

/// <summary>
/// The official report of a saved scenario (<c>GET .../scenarios/{name}/report?f=</c>), and with <c>compare=true</c>
/// its comparison with the base region as it is, as <c>planner report WORKSPACE --scenario S --compare</c> writes it.
/// The base runs with the region's own minutes and mode, as the scenario comparison's <c>base</c> does. A township
/// key gets both runs narrowed to its units.
/// </summary>
internal static class ScenarioReportEndpoints
{
    /// <summary>Maps <c>GET /regions/{region}/scenarios/{name}/report</c>.</summary>
    public static IEndpointRouteBuilder MapScenarioReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/regions/{region}/scenarios/{name}/report", Get).WithTags("Scenarios").RequireAuthorization(Roles.Viewer)
            .AcceptsOnlyQuery("f", "compare", "includePlanned", "lang")
            .WithSummary("The scenario's report: ?f=docx|pdf|xlsx|gpkg|shp|html (default pdf)&compare=true adds the comparison with the base region; Chinese unless Accept-Language prefers English.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Get(
        string region, string name, string? f, string? compare, string? includePlanned, RegionAccess access, IScenarioCatalog scenarios,
        CoverageService coverage, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var format = f?.Trim().ToLowerInvariant() ?? "pdf";
        if (!OfficialReportRenderer.Formats.Contains(format))
        {
            return ApiProblems.Field("f", $"'{f}' is not a report format; use one of {string.Join(", ", OfficialReportRenderer.Formats)}.");
        }

        var (comparing, compareProblem) = QueryParameters.Flag(compare, "compare");
        var (planned, plannedProblem) = QueryParameters.Flag(includePlanned, "includePlanned");
        if ((compareProblem ?? plannedProblem) is { } flagProblem)
        {
            return flagProblem;
        }

        var r = view.Region;
        var stored = await scenarios.GetAsync(r.Name, name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ApiProblems.Field("name", $"scenario '{name}' was not found.", StatusCodes.Status404NotFound);
        }

        CoverageResult result;
        try
        {
            var (applied, query) = ScenarioRunner.Apply(r, stored, planned);
            result = await coverage.GetAsync(applied, query, cancellationToken).ConfigureAwait(false);
        }
        catch (ScenarioException ex)
        {
            return ApiProblems.Field("name", $"scenario '{name}' does not apply to the region: {ex.Message}", StatusCodes.Status409Conflict);
        }

        var baseResult = comparing
            ? await coverage.GetAsync(r, new CoverageQuery(r.Region.Info.DefaultMinutes, r.Region.Info.DefaultMode, null, planned), cancellationToken).ConfigureAwait(false)
            : null;
        var scope = view.Units;
        var (report, checks) = scope is null ? new NarrowedCoverage(result.Report, result.Checks) : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, scope);
        var baseReport = baseResult is null ? null : scope is null ? baseResult.Report : CoverageNarrowing.Narrow(baseResult.Report, baseResult.Checks, r.Region, scope).Report;
        var scopeName = scope is null ? null : string.Join("、", scope.Roots.Select(u => u.Name));
        return await OfficialReportRenderer.RenderAsync(format, $"{r.Region.Info.Name}-{name}", options =>
        {
            var doc = ReportBuilder.Build(result.Region.Region, report, checks, options with { RuleSetName = result.RuleSetName, ScopeName = scopeName, ScenarioName = name });
            return baseReport is null ? doc : ReportComparisonBuilder.Compare(doc, r.Region, baseReport, result.Region.Region, report);
        }, request, cancellationToken).ConfigureAwait(false);
    }
}
