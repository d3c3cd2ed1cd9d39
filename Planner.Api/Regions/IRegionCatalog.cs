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

    /// <summary>Throws when the backing store cannot serve (for <c>/health/ready</c>).</summary>
    Task CheckReadyAsync(CancellationToken cancellationToken);

    /// <summary>A short description of the backing store, without secrets.</summary>
    string Description { get; }
}
