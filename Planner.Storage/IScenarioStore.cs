using Planner.Core.Scenarios;

namespace Planner.Storage;

/// <summary>
/// Stores scenarios and their saved results as versioned JSON documents, with the same optimistic
/// concurrency and transactions as <see cref="IRegionStore"/>. A scenario is keyed by its base region's key and
/// its name (<see cref="ScenarioKey"/>), so two regions may each have a scenario of the same name.
/// </summary>
public interface IScenarioStore
{
    /// <summary>Keys and versions of the stored scenarios, by region key and then name.</summary>
    Task<IReadOnlyList<StoredScenarioVersion>> ListScenariosAsync(CancellationToken cancellationToken);

    /// <summary>The scenario stored under <paramref name="key"/> with its version, or null.</summary>
    Task<Versioned<Scenario>?> GetScenarioAsync(ScenarioKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a scenario under its key (<see cref="Scenario.Key"/>) and returns its new version;
    /// <paramref name="expectedVersion"/> null creates it. Its base region must be stored (else <see cref="ArgumentException"/>).
    /// </summary>
    Task<long> SaveScenarioAsync(Scenario scenario, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a scenario and its results when its version is still <paramref name="expectedVersion"/>.</summary>
    Task DeleteScenarioAsync(ScenarioKey key, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a result of a scenario (its JSON document and, optionally, service-circle polygons shown as the
    /// <c>circles</c> layer) under <see cref="ScenarioResult.Name"/>; returns the new version.
    /// </summary>
    Task<long> SaveResultAsync(ScenarioResult result, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>A saved result of the scenario <paramref name="scenario"/>, or null.</summary>
    Task<Versioned<ScenarioResult>?> GetResultAsync(ScenarioKey scenario, string name, CancellationToken cancellationToken);
}

/// <summary>A workspace: regions, scenarios and results in one store (a .gpkg file or a PostGIS schema).</summary>
public interface IWorkspaceStore : IRegionStore, IScenarioStore, IAsyncDisposable
{
    /// <summary>Where the store is, for messages (a file path, or host:port/database without a password).</summary>
    string Description { get; }

    /// <summary>Connects and creates or migrates the schema; throws <see cref="StoreUnavailableException"/> when unreachable.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
