using Planner.Core.Model;

namespace Planner.Storage;

/// <summary>
/// Stores regions by name, each with a version number. Saves are optimistic: a save names the version it
/// was based on and is refused with <see cref="VersionConflictException"/> when the stored version has
/// moved on. Every write runs in one transaction: it is stored whole or not at all. An unreachable store
/// throws <see cref="StoreUnavailableException"/>.
/// </summary>
public interface IRegionStore
{
    /// <summary>Names and versions of the stored regions, by name.</summary>
    Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken);

    /// <summary>The region named <paramref name="name"/> with its version, or null when there is none.</summary>
    Task<Versioned<Region>?> GetRegionAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="region"/> under its name (<c>Info.Name</c>) and returns the new version.
    /// <paramref name="expectedVersion"/> is the version the caller read, or null to create a region that
    /// must not exist yet; any other stored state is a <see cref="VersionConflictException"/>.
    /// </summary>
    Task<long> SaveRegionAsync(Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a region (and its features) when its version is still <paramref name="expectedVersion"/>; else a conflict.</summary>
    Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken);
}
