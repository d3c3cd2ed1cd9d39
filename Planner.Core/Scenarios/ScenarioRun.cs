using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Regions;

namespace Planner.Core.Scenarios;

/// <summary>The region and the coverage options a scenario runs with.</summary>
/// <param name="Region">The base region with the scenario's edits applied.</param>
/// <param name="Options">The coverage options: the scenario's minutes, mode and speed, and which stations count.</param>
public sealed record ScenarioRunPlan(Region Region, CoverageOptions Options);

/// <summary>
/// A scenario run as a use case, the one definition the CLI (<c>planner scenario run/compare</c>) and the API
/// (<c>POST .../scenarios/{name}/run</c>, the scenario comparison) share: apply the edits to the base region
/// (<see cref="ScenarioApplier"/>), take the travel parameters the edits leave, and compute coverage with them.
/// Hosts that cache coverage or show their own progress take the <see cref="Plan"/> and compute it themselves.
/// </summary>
public static class ScenarioRun
{
    /// <summary>The applied region and the coverage options of the scenario.</summary>
    /// <param name="key">The key the base region is stored under (the scenario's base must be this key, as <see cref="ScenarioApplier"/> checks).</param>
    /// <param name="baseRegion">The scenario's base region.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="includePlanned">Count planned and built stations as well as operating ones.</param>
    /// <exception cref="ScenarioException">An edit does not apply (its message names it).</exception>
    public static ScenarioRunPlan Plan(RegionKey key, Region baseRegion, Scenario scenario, bool includePlanned = false)
    {
        var applied = ScenarioApplier.Apply(key, baseRegion, scenario);
        var p = applied.Parameters;
        return new ScenarioRunPlan(applied.Region, new CoverageOptions { Minutes = p.LimitMinutes, Mode = p.Mode, SpeedKmh = p.SpeedKmh, IncludePlanned = includePlanned });
    }

    /// <summary>Applies the scenario and computes its coverage report.</summary>
    /// <param name="key">The key the base region is stored under.</param>
    /// <param name="baseRegion">The scenario's base region.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="includePlanned">Count planned and built stations as well as operating ones.</param>
    /// <param name="progress">Receives the fraction of station catchments done; may be null.</param>
    /// <exception cref="ScenarioException">An edit does not apply.</exception>
    public static CoverageReport Run(RegionKey key, Region baseRegion, Scenario scenario, bool includePlanned = false, IProgress<double>? progress = null)
    {
        var plan = Plan(key, baseRegion, scenario, includePlanned);
        return CoverageCalculator.Compute(plan.Region, plan.Options, progress);
    }
}
