using System.Collections.Immutable;
using System.Text.Json;
using Planner.Core.Scenarios;
using Planner.Storage;

namespace Planner.Api.Scenarios;

/// <summary>
/// Scenarios in the workspace store. Store names are global, so a scenario of region r named n is stored as
/// <c>r/n</c> with base region r; edits travel as their JSON exchange form (<see cref="ScenarioJson"/>).
/// </summary>
internal sealed class StoreScenarioCatalog(IWorkspaceStore store) : IScenarioCatalog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredScenario>> ListAsync(string region, CancellationToken cancellationToken)
    {
        var prefix = region + "/";
        var result = new List<StoredScenario>();
        foreach (var v in (await store.ListScenariosAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (await GetAsync(region, v.Name[prefix.Length..], cancellationToken).ConfigureAwait(false) is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<StoredScenario?> GetAsync(string region, string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetScenarioAsync($"{region}/{name}", cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.BaseRegion != region)
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
            return await store.SaveScenarioAsync(new Scenario($"{region}/{name}", region, parsed), expectedVersion, cancellationToken).ConfigureAwait(false);
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
            await store.DeleteScenarioAsync($"{region}/{name}", expectedVersion, cancellationToken).ConfigureAwait(false);
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
}
