using System.Collections.Immutable;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Core.Regions;
using Planner.Core.Scenarios;

namespace Planner.Api.Scenarios;

/// <summary>
/// Applies a stored scenario to its base region (<see cref="ScenarioApplier"/>) and gives the region and the
/// coverage parameters to compute; the applied region is named after the base region's version and the
/// scenario's, so coverage results are cached per scenario version.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>The scenario's region and coverage query.</summary>
    /// <exception cref="ScenarioException">An edit does not apply (its message names it).</exception>
    public static (CatalogRegion Region, CoverageQuery Query) Apply(CatalogRegion baseRegion, StoredScenario scenario, bool includePlanned)
    {
        var edits = scenario.Edits.EnumerateArray().Select(e => ScenarioJson.DeserializeEdit(e.GetRawText())).ToImmutableArray();
        var applied = ScenarioApplier.Apply(new RegionKey(baseRegion.Name), baseRegion.Region, new Scenario(scenario.Name, scenario.Region, edits));
        var region = new CatalogRegion($"{baseRegion.Name}@{baseRegion.Version}/{scenario.Name}", applied.Region, scenario.Version);
        var p = applied.Parameters;
        return (region, new CoverageQuery(p.LimitMinutes, p.Mode, p.SpeedKmh, includePlanned));
    }
}
