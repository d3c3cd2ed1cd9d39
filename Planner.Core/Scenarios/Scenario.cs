using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Planner.Core.Regions;

namespace Planner.Core.Scenarios;

/// <summary>A what-if scenario: a base region and an ordered list of edits applied to it.</summary>
/// <param name="Name">Scenario name, unique within its base region.</param>
/// <param name="BaseRegion">Key of the region the edits apply to (<see cref="RegionKey"/>: <c>guixi</c>, not its own name).</param>
/// <param name="Edits">Edits, applied in order.</param>
public sealed record Scenario(string Name, string BaseRegion, ImmutableArray<ScenarioEdit> Edits)
{
    /// <summary>What the scenario is stored and addressed by: its base region's key and its name.</summary>
    [JsonIgnore]
    public ScenarioKey Key => new(new RegionKey(BaseRegion), Name);

    /// <summary>This scenario with one more edit at the end.</summary>
    public Scenario With(ScenarioEdit edit) => this with { Edits = Edits.Add(edit) };

    /// <inheritdoc />
    public bool Equals(Scenario? other) =>
        other is not null && Name == other.Name && BaseRegion == other.BaseRegion && Edits.SequenceEqual(other.Edits, EditComparer.Instance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, BaseRegion, Edits.Length);

    private sealed class EditComparer : IEqualityComparer<ScenarioEdit>
    {
        public static readonly EditComparer Instance = new();

        // Records compare ImmutableArray members by reference; compare the JSON form instead.
        public bool Equals(ScenarioEdit? x, ScenarioEdit? y) =>
            x is null ? y is null : y is not null && ScenarioJson.Serialize(x) == ScenarioJson.Serialize(y);

        public int GetHashCode(ScenarioEdit obj) => obj.Kind.GetHashCode(StringComparison.Ordinal);
    }
}
