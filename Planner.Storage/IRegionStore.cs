using Planner.Core.Model;

namespace Planner.Storage;

/// <summary>
/// Stores regions by key (<see cref="Core.Regions.RegionKey"/>: <c>guixi</c> for the folder <c>data/guixi</c>), each
/// with a version number; a region keeps its own name (<c>Info.Name</c>, <c>贵溪市</c>) as its title. Saves are optimistic: a save names the version it
/// was based on and is refused with <see cref="VersionConflictException"/> when the stored version has
/// moved on. Every write runs in one transaction: it is stored whole or not at all. An unreachable store
/// throws <see cref="StoreUnavailableException"/>.
/// </summary>
public interface IRegionStore
{
    /// <summary>Keys and versions of the stored regions, by key: what tells a cache that a region changed.</summary>
    Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Key, division code, title and version of every stored region, by key, read without loading any region's
    /// features: what listings show and what <see cref="Core.Regions.RegionAliases"/> resolves a user's text against.
    /// </summary>
    Task<IReadOnlyList<RegionHeader>> ListRegionHeadersAsync(CancellationToken cancellationToken);

    /// <summary>The region stored under the key <paramref name="name"/> with its version, or null when there is none.</summary>
    Task<Versioned<Region>?> GetRegionAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="region"/> keyed by its own name (<c>Info.Name</c>) and returns the new version: for a
    /// region that comes from nowhere else (a region folder is keyed by its folder name, see
    /// <see cref="WorkspaceTransfer.ImportAsync"/>).
    /// <paramref name="expectedVersion"/> is the version the caller read, or null to create a region that
    /// must not exist yet; any other stored state is a <see cref="VersionConflictException"/>.
    /// </summary>
    Task<long> SaveRegionAsync(Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="region"/> under the key <paramref name="name"/>, which may differ from its own name
    /// <c>Info.Name</c> (a region folder's key is its folder name, <c>guixi</c>, and <c>贵溪市</c> stays its name): <see cref="GetRegionAsync"/> by that name returns the region with its own <c>Info.Name</c>. Versions
    /// and conflicts as for <see cref="SaveRegionAsync(Region, long?, CancellationToken)"/>.
    /// </summary>
    Task<long> SaveRegionAsync(string name, Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a region (and its features) when its version is still <paramref name="expectedVersion"/>; else a conflict.</summary>
    Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken);
}
