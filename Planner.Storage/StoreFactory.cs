using Planner.Storage.GeoPackage;
using Planner.Storage.PostGis;

namespace Planner.Storage;

/// <summary>Opens a workspace store from what a user types: a <c>.gpkg</c> path or a PostgreSQL connection string.</summary>
public static class StoreFactory
{
    /// <summary>
    /// A store for <paramref name="target"/>: a path ending in <c>.gpkg</c> gives a <see cref="GeoPackageStore"/>;
    /// a string containing <c>Host=</c> gives a <see cref="PostGisStore"/>. Nothing is opened until first use
    /// (or <see cref="IWorkspaceStore.InitializeAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The target is neither.</exception>
    public static IWorkspaceStore Open(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (target.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new PostGisStore(target);
        }

        if (target.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            return new GeoPackageStore(target);
        }

        throw new ArgumentException($"'{target}' is not a workspace: give a path ending in .gpkg or a PostgreSQL connection string (Host=...;Database=...)", nameof(target));
    }

    /// <summary>Opens the store and creates or migrates its schema; throws <see cref="StoreUnavailableException"/> when it cannot be reached.</summary>
    public static async Task<IWorkspaceStore> OpenAsync(string target, CancellationToken cancellationToken)
    {
        var store = Open(target);
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
