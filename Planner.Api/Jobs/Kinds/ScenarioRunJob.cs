using System.Text.Json;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Api.Scenarios;
using Planner.Core.Coverage;

namespace Planner.Api.Jobs.Kinds;

/// <summary>The scenario a run job applies, as it stood when the run was asked for.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Version">Its version then.</param>
/// <param name="Edits">Its edits then (the scenario exchange form).</param>
/// <param name="IncludePlanned">Count planned stations.</param>
internal sealed record ScenarioRunParameters(string Name, long Version, JsonElement Edits, bool IncludePlanned);

/// <summary>A scenario run as a job: the scenario applied to its region, and the coverage JSON of the result.</summary>
internal sealed class ScenarioRunJob(CoverageService coverage) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "scenario-run";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var p = JobPayload.Read<ScenarioRunParameters>(payload);
        var (applied, query) = ScenarioRunner.Apply(view.Region, new StoredScenario(view.Region.Name, p.Name, p.Edits, p.Version), p.IncludePlanned);
        cancellationToken.ThrowIfCancellationRequested();
        var result = coverage.Compute(applied, query, progress);
        return CoverageWriters.ToJson(result.Report);
    }
}
