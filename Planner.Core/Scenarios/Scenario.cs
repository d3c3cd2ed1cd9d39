using System.Collections.Immutable;

namespace Planner.Core.Scenarios;

/// <summary>A what-if scenario: a base region and an ordered list of edits applied to it.</summary>
/// <param name="Name">Scenario name, unique in a workspace.</param>
/// <param name="BaseRegion">Name of the region the edits apply to.</param>
/// <param name="Edits">Edits, applied in order.</param>
public sealed record Scenario(string Name, string BaseRegion, ImmutableArray<ScenarioEdit> Edits)
{
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
