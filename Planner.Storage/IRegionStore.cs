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
    /// <summary>Names (the keys regions are stored under) and versions of the stored regions, by name.</summary>
    Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken);

    /// <summary>The region named <paramref name="name"/> with its version, or null when there is none.</summary>
    Task<Versioned<Region>?> GetRegionAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="region"/> under its name (<c>Info.Name</c>) and returns the new version.
    /// <paramref name="expectedVersion"/> is the version the caller read, or null to create a region that
    /// must not exist yet; any other stored state is a <see cref="VersionConflictException"/>.
    /// </summary>
    Task<long> SaveRegionAsync(Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="region"/> under <paramref name="name"/>, which may differ from its display name
    /// <c>Info.Name</c> (the API keys sample regions by folder name, <c>guixi</c>, and keeps <c>贵溪市</c> as the
    /// name): <see cref="GetRegionAsync"/> by that name returns the region with its own <c>Info.Name</c>. Versions
    /// and conflicts as for <see cref="SaveRegionAsync(Region, long?, CancellationToken)"/>.
    /// </summary>
    Task<long> SaveRegionAsync(string name, Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a region (and its features) when its version is still <paramref name="expectedVersion"/>; else a conflict.</summary>
    Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken);
}
