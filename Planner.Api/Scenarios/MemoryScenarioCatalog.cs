using System.Text.Json;

namespace Planner.Api.Scenarios;

/// <summary>
/// Scenario documents held in process memory with the store's versioning rules: the catalog used until the
/// workspace stores (GeoPackage, PostGIS) serve scenarios; lost on restart.
/// </summary>
internal sealed class MemoryScenarioCatalog : IScenarioCatalog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Name), StoredScenario> _items = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredScenario>> ListAsync(string region, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredScenario>>([.. _items.Values.Where(s => s.Region == region).OrderBy(s => s.Name, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public Task<StoredScenario?> GetAsync(string region, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.GetValueOrDefault((region, name)));
        }
    }

    /// <inheritdoc />
    public Task<long> SaveAsync(string region, string name, JsonElement edits, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _items.GetValueOrDefault((region, name));
            if (current?.Version != expectedVersion)
            {
                throw new ScenarioVersionConflictException(name, expectedVersion, current?.Version);
            }

            var version = (current?.Version ?? 0) + 1;
            _items[(region, name)] = new StoredScenario(region, name, edits.Clone(), version);
            return Task.FromResult(version);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string region, string name, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue((region, name), out var current))
            {
                return Task.FromResult(false);
            }

            if (current.Version != expectedVersion)
            {
                throw new ScenarioVersionConflictException(name, expectedVersion, current.Version);
            }

            _items.Remove((region, name));
            return Task.FromResult(true);
        }
    }
}
