using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Scenarios;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.Narrowing;
using Planner.Core.Scenarios;

namespace Planner.Api.Endpoints;

/// <summary>One group's covered share in two scenarios.</summary>
/// <param name="A">Share in A (0..1).</param>
/// <param name="B">Share in B.</param>
/// <param name="Delta">B − A.</param>
/// <param name="CoveredDelta">People covered in B minus in A.</param>
internal sealed record ShareDelta(double A, double B, double Delta, double CoveredDelta);

/// <summary>One unit's total covered share in two scenarios.</summary>
/// <param name="Code">Unit code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Level">Unit level.</param>
/// <param name="Total">Total population's share in A and B.</param>
internal sealed record UnitDelta(string Code, string Name, string Level, ShareDelta Total);

/// <summary>Two scenarios (or the base region, <c>base</c>) compared.</summary>
/// <param name="A">First scenario.</param>
/// <param name="B">Second scenario.</param>
/// <param name="Groups">Per group for the region (for a township key: for its own units).</param>
/// <param name="Units">Per unit, total population, largest change first.</param>
internal sealed record ScenarioComparison(string A, string B, IReadOnlyDictionary<string, ShareDelta> Groups, IReadOnlyList<UnitDelta> Units);

/// <summary>
/// Scenario runs (as jobs) and comparisons. A run computes the whole region's plan and needs a key that sees the
/// whole region; a comparison is a read, narrowed to the units of a township key.
/// </summary>
internal static class ScenarioRunsEndpoints
{
    /// <summary>Maps <c>POST .../scenarios/{name}/run</c> and <c>GET .../scenarios-compare</c>.</summary>
    public static IEndpointRouteBuilder MapScenarioRunsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/scenarios/{name}/run", Run).WithTags("Scenarios").RequireAuthorization(Roles.Planner).RequireCostLimit().AcceptsOnlyQuery("includePlanned")
            .WithSummary("Applies the scenario and computes its coverage as a job (202 + Location); the result is the coverage JSON.");
        app.MapGet("/regions/{region}/scenario-comparison", Compare).WithTags("Scenarios").RequireAuthorization(Roles.Viewer).AcceptsOnlyQuery("a", "b", "includePlanned")
            .WithSummary("Compares two scenarios (?a=&b=, 'base' for the region as it is): covered share per group and unit.");
        return app;
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> Run(
        string region, string name, string? includePlanned, RegionAccess access, IScenarioCatalog scenarios, CoverageService coverage, JobQueue queue,
        ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, s, missing) = await ScenariosEndpoints.FindForChangeAsync(access, scenarios, user, region, name, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        var (planned, flagProblem) = QueryParameters.Flag(includePlanned, "includePlanned");
        if (flagProblem is not null)
        {
            return flagProblem;
        }

        var job = queue.Enqueue(ScenarioRunJob.Name, r.Name, r.Code, new ScenarioRunParameters(s.Name, s.Version, s.Edits, planned));
        return JobsEndpoints.Accepted(job, request);
    }

    private static async Task<Results<Ok<ScenarioComparison>, ProblemHttpResult>> Compare(
        string region, string? a, string? b, string? includePlanned, RegionAccess access, IScenarioCatalog scenarios, CoverageService coverage,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await access.FindAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return ApiProblems.NotFound("region", region);
        }

        var (planned, flagProblem) = QueryParameters.Flag(includePlanned, "includePlanned");
        if (flagProblem is not null)
        {
            return flagProblem;
        }

        var r = view.Region;
        var reports = new List<CoverageReport>();
        foreach (var (field, name) in new[] { ("a", a), ("b", b) })
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return ApiProblems.Field(field, "give a scenario name, or 'base' for the region as it is.");
            }

            CoverageResult result;
            if (name == "base")
            {
                result = await coverage.GetAsync(r, new CoverageQuery(r.Region.Info.DefaultMinutes, r.Region.Info.DefaultMode, null, planned), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var s = await scenarios.GetAsync(r.Name, name, cancellationToken).ConfigureAwait(false);
                if (s is null)
                {
                    return ApiProblems.Field(field, $"scenario '{name}' was not found.", StatusCodes.Status404NotFound);
                }

                try
                {
                    var (applied, query) = ScenarioRunner.Apply(r, s, planned);
                    result = await coverage.GetAsync(applied, query, cancellationToken).ConfigureAwait(false);
                }
                catch (ScenarioException ex)
                {
                    return ApiProblems.Field(field, $"scenario '{name}' does not apply to the region: {ex.Message}", StatusCodes.Status409Conflict);
                }
            }

            // A township key compares its own units: their figures, not the region's.
            reports.Add(view.Units is null ? result.Report : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, view.Units).Report);
        }

        var (ra, rb) = (reports[0], reports[1]);
        var groups = ra.Groups.Keys.ToDictionary(g => g, g => Delta(ra.Groups[g], rb.Groups[g]), StringComparer.Ordinal);
        var unitsB = rb.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var units = ra.Units.Where(u => unitsB.ContainsKey(u.Code) && u.Groups.ContainsKey("total"))
            .Select(u => new UnitDelta(u.Code, u.Name, u.Level, Delta(u.Groups["total"], unitsB[u.Code].Groups["total"])))
            .OrderByDescending(u => Math.Abs(u.Total.Delta)).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ScenarioComparison(a!, b!, groups, units));
    }

    private static ShareDelta Delta(GroupCoverage a, GroupCoverage b) => new(a.Share, b.Share, Math.Round(b.Share - a.Share, 6), b.Covered - a.Covered);
}
