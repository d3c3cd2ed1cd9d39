using Hangfire;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Api.Scenarios;
using Planner.Core.Validation;

namespace Planner.Api.Jobs.Batches;

/// <summary>
/// The Hangfire job of one county in a batch: validates the stored region, computes its coverage and stores the
/// county's outcome once. A county that cannot be computed (validation problems, no such scenario, a circle the
/// region lacks) is stored as failed with its problems, so the batch goes on; an error of the machinery (the
/// database away) fails the attempt and Hangfire retries it.
/// </summary>
internal sealed partial class BatchRunner(IRegionCatalog catalog, IScenarioCatalog scenarios, CoverageService coverage, BatchService batches,
    ILogger<BatchRunner> logger)
{
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Computes and stores county <paramref name="region"/> at <paramref name="version"/> under <paramref name="parameters"/> (a <see cref="BatchParameters.Key"/>).</summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 10, 20, 30])]
    public async Task RunCountyAsync(string batchId, string region, long version, string parameters, CancellationToken cancellationToken)
    {
        var store = batches.Store;
        if (await store.HasResultAsync(region, version, parameters, cancellationToken).ConfigureAwait(false))
        {
            return; // a duplicate, or a retry after the result was stored: written once already
        }

        var outcome = await ComputeAsync(region, version, BatchParameters.Read(parameters), cancellationToken).ConfigureAwait(false);
        var stored = await store.SaveResultAsync(outcome, parameters, Worker, cancellationToken).ConfigureAwait(false);
        LogCounty(logger, batchId, region, outcome.Status, stored);
    }

    private async Task<CountyOutcome> ComputeAsync(string key, long version, BatchParameters parameters, CancellationToken cancellationToken)
    {
        CountyOutcome Failed(string code, params string[] problems) => new(key, code, version, JobStatus.Failed, new Dictionary<string, double>(), [], problems);

        var region = await catalog.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (region is null)
        {
            return Failed("", "region: no longer stored");
        }

        if (region.Version != version)
        {
            return Failed(region.Code, $"region: changed from version {version} to {region.Version} after the batch was queued; run a new batch");
        }

        var errors = RegionValidator.Validate(region.Region).Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return Failed(region.Code, [.. errors.Take(50).Select(p => p.ToString())]);
        }

        var target = region;
        CoverageQuery? query;
        if (parameters.Scenario is { } name)
        {
            var scenario = await scenarios.GetAsync(key, name, cancellationToken).ConfigureAwait(false);
            if (scenario is null)
            {
                return Failed(region.Code, $"scenario: '{name}' is not stored for this region");
            }

            (target, query) = ScenarioRunner.Apply(region, scenario, includePlanned: false);
        }
        else
        {
            (query, var problem) = CoverageQuery.Parse(region.Region, null, null, null, null, circle: parameters.Circle);
            if (problem is not null)
            {
                return Failed(region.Code, $"circle: {problem.ProblemDetails.Detail}");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = coverage.Compute(target, query!);
        return new CountyOutcome(key, region.Code, version, JobStatus.Succeeded,
            result.Report.Groups.ToDictionary(g => g.Key, g => g.Value.Share),
            [.. result.Checks.Where(c => !c.Passed).Select(c => new FailedRule(c.RuleId, c.SubjectName, c.Measured, c.Required))], []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {Batch}: county {Region} {Status} (stored by this attempt: {Stored})")]
    private static partial void LogCounty(ILogger logger, string batch, string region, string status, bool stored);
}
