using System.Collections.Immutable;
using System.Text.Json;
using Planner.Core.Regions;
using Planner.Core.Scenarios;
using Planner.Storage;

namespace Planner.Api.Scenarios;

/// <summary>
/// Scenarios in the workspace store, keyed there as here by (region key, scenario name); edits travel as their
/// JSON exchange form (<see cref="ScenarioJson"/>).
/// </summary>
internal sealed class StoreScenarioCatalog(IWorkspaceStore store) : IScenarioCatalog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredScenario>> ListAsync(string region, CancellationToken cancellationToken)
    {
        var result = new List<StoredScenario>();
        foreach (var v in (await store.ListScenariosAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Key.Region.Value == region))
        {
            if (await GetAsync(region, v.Key.Name, cancellationToken).ConfigureAwait(false) is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<StoredScenario?> GetAsync(string region, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetScenarioAsync(Key(region, name), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var edits = JsonDocument.Parse("[" + string.Join(",", stored.Value.Edits.Select(ScenarioJson.Serialize)) + "]").RootElement.Clone();
        return new StoredScenario(region, name, edits, stored.Version);
    }

    /// <inheritdoc />
    public async Task<long> SaveAsync(string region, string name, JsonElement edits, long? expectedVersion, CancellationToken cancellationToken)
    {
        var parsed = edits.EnumerateArray().Select(e => ScenarioJson.DeserializeEdit(e.GetRawText())).ToImmutableArray();
        try
        {
            return await store.SaveScenarioAsync(new Scenario(name, region, parsed), expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (VersionConflictException ex)
        {
            throw new ScenarioVersionConflictException(name, ex.ExpectedVersion, ex.ActualVersion);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string region, string name, long expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteScenarioAsync(Key(region, name), expectedVersion, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (VersionConflictException ex) when (ex.ActualVersion is null)
        {
            return false;
        }
        catch (VersionConflictException ex)
        {
            throw new ScenarioVersionConflictException(name, ex.ExpectedVersion, ex.ActualVersion);
        }
    }

    private static ScenarioKey Key(string region, string name) => new(new RegionKey(region), name);
}
