using System.Text.Json;

namespace Planner.Api.Scenarios;

/// <summary>A stored scenario as the API sees it: its region, name, edits (their JSON exchange form) and version.</summary>
/// <param name="Region">URL name of the base region.</param>
/// <param name="Name">Scenario name, unique within the region.</param>
/// <param name="Edits">The edits, a JSON array in the scenario exchange form (<c>{"kind":"move_station",...}</c>).</param>
/// <param name="Version">Version: 1 on creation, +1 per save; the ETag.</param>
internal sealed record StoredScenario(string Region, string Name, JsonElement Edits, long Version);

/// <summary>A write based on a version that is no longer the stored one.</summary>
internal sealed class ScenarioVersionConflictException(string name, long? expected, long? actual)
    : Exception($"scenario '{name}' is at version {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new"}")
{
    /// <summary>The stored version (null: none).</summary>
    public long? Actual { get; } = actual;
}

/// <summary>
/// Versioned scenario documents per region, with optimistic concurrency: every write names the version it
/// was based on and is refused with <see cref="ScenarioVersionConflictException"/> when the stored one moved on.
/// </summary>
internal interface IScenarioCatalog
{
    /// <summary>The scenarios of a region, by name.</summary>
    Task<IReadOnlyList<StoredScenario>> ListAsync(string region, CancellationToken cancellationToken);

    /// <summary>One scenario, or null.</summary>
    Task<StoredScenario?> GetAsync(string region, string name, CancellationToken cancellationToken);

    /// <summary>Saves the edits; <paramref name="expectedVersion"/> null creates (conflict when it exists). Returns the new version.</summary>
    Task<long> SaveAsync(string region, string name, JsonElement edits, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes when the stored version is <paramref name="expectedVersion"/>; false when there is none.</summary>
    Task<bool> DeleteAsync(string region, string name, long expectedVersion, CancellationToken cancellationToken);
}
