using Planner.Core.Model;

namespace Planner.Api.Regions;

/// <summary>A region the API serves: its key, its data and the version that names its cache entries and ETags.</summary>
/// <param name="Name">Its key, the URL name (the region folder's name, e.g. <c>guixi</c>).</param>
/// <param name="Region">The immutable region.</param>
/// <param name="Version">Stored version (1 for read-only folders).</param>
internal sealed record CatalogRegion(string Name, Region Region, long Version)
{
    /// <summary>The region's division code (the scope of keys is a prefix of it).</summary>
    public string Code => Region.Info.Code;
}

/// <summary>A listing entry, read without loading the region.</summary>
/// <param name="Name">Its key, the URL name.</param>
/// <param name="Code">Division code.</param>
/// <param name="Title">Display name.</param>
/// <param name="Version">Stored version.</param>
internal sealed record CatalogEntry(string Name, string Code, string Title, long Version);

/// <summary>
/// Where the API gets its regions: the seam between the endpoints and the stores (region folders, the
/// embedded GeoPackage workspace or PostGIS).
/// </summary>
internal interface IRegionCatalog
{
    /// <summary>Every region, by key.</summary>
    Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A region by key, or null (aliases are resolved before, by <see cref="RegionAccess"/>).</summary>
    Task<CatalogRegion?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="region"/> under <paramref name="name"/> in one transaction and returns the new version:
    /// <paramref name="expectedVersion"/> is the version the caller read, or null to create a region that must not exist yet.
    /// </summary>
    /// <exception cref="RegionVersionConflictException">The stored version is not the expected one (or the region exists already).</exception>
    /// <exception cref="RegionsReadOnlyException">The catalog serves read-only region folders.</exception>
    Task<long> SaveAsync(string name, Region region, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Throws when the backing store cannot serve (for <c>/health/ready</c>).</summary>
    Task CheckReadyAsync(CancellationToken cancellationToken);

    /// <summary>A short description of the backing store, without secrets.</summary>
    string Description { get; }
}

/// <summary>A region write based on a version that is no longer the stored one (or a creation of a region that exists).</summary>
/// <param name="name">The region's key.</param>
/// <param name="actual">The stored version (null: none).</param>
internal sealed class RegionVersionConflictException(string name, long? actual)
    : Exception($"region '{name}' is at version {actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}")
{
    /// <summary>The stored version (null: none).</summary>
    public long? Actual { get; } = actual;
}

/// <summary>A write to a catalog that serves region folders as they are (<c>Planner:Store=folders</c>).</summary>
internal sealed class RegionsReadOnlyException()
    : Exception("this API serves read-only region folders (Planner:Store=folders); storing regions needs the GeoPackage workspace or PostGIS");
