using Planner.Core.Regions;

namespace Planner.Core.Scenarios;

/// <summary>
/// What a scenario is stored and addressed by, in every store and host: its base region's key and its name,
/// unique within that region (two regions may each have a scenario <c>base</c>).
/// </summary>
/// <param name="Region">The key of the region the scenario edits.</param>
/// <param name="Name">The scenario's name within that region.</param>
public readonly record struct ScenarioKey(RegionKey Region, string Name)
{
    /// <summary>For messages: <c>scenario 'a' of region 'guixi'</c>.</summary>
    public override string ToString() => $"scenario '{Name}' of region '{Region}'";
}
