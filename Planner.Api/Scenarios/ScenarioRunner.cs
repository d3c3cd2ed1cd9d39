using System.Collections.Immutable;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Core.Regions;
using Planner.Core.Scenarios;

namespace Planner.Api.Scenarios;

/// <summary>
/// Applies a stored scenario to its base region (the core's <see cref="ScenarioRun.Plan"/>) and gives the region
/// and the coverage parameters to compute through the API's coverage cache; the applied region is named after the base region's version and the
/// scenario's, so coverage results are cached per scenario version.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>The scenario's region and coverage query.</summary>
    /// <exception cref="ScenarioException">An edit does not apply (its message names it).</exception>
    public static (CatalogRegion Region, CoverageQuery Query) Apply(CatalogRegion baseRegion, StoredScenario scenario, bool includePlanned)
    {
        var edits = scenario.Edits.EnumerateArray().Select(e => ScenarioJson.DeserializeEdit(e.GetRawText())).ToImmutableArray();
        var plan = ScenarioRun.Plan(new RegionKey(baseRegion.Name), baseRegion.Region, new Scenario(scenario.Name, scenario.Region, edits), includePlanned);
        var region = new CatalogRegion($"{baseRegion.Name}@{baseRegion.Version}/{scenario.Name}", plan.Region, scenario.Version);
        var o = plan.Options;
        return (region, new CoverageQuery(o.Minutes, o.Mode, o.SpeedKmh, o.IncludePlanned));
    }
}
