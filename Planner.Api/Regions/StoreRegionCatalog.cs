using System.Collections.Concurrent;
using Planner.Storage;

namespace Planner.Api.Regions;

/// <summary>
/// Serves regions from a workspace store (the embedded GeoPackage file by default, PostGIS by configuration),
/// each under its key. Listings come from the store's region headers (key, code, title, version: no region is
/// loaded); regions are cached by key and version, and a region is read again only when a listing shows its
/// version moved on. Every write the catalog makes — the store's migrations, the first-start seed and the
/// retitling of old seeds — happens once, when it opens the store (<see cref="WorkspaceOpening"/>), before the
/// first read; serving a request never writes.
/// </summary>
internal sealed class StoreRegionCatalog(IWorkspaceStore store, string dataFolder, ILogger<StoreRegionCatalog> logger) : IRegionCatalog
{
    private readonly ConcurrentDictionary<string, CatalogRegion> _cache = new(StringComparer.Ordinal);
    private readonly WorkspaceOpening _opening = new(store, dataFolder, logger);
    private Listing? _listing;

    /// <inheritdoc />
    public string Description => store.Description;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await HeadersAsync(cancellationToken).ConfigureAwait(false)).Select(h => new CatalogEntry(h.Key, h.Code, h.Title, h.Version))];

    /// <inheritdoc />
    public async Task<CatalogRegion?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var stored = (await HeadersAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(h => h.Key == name);
        if (stored is null)
        {
            _cache.TryRemove(name, out _);
            return null;
        }

        if (_cache.TryGetValue(name, out var cached) && cached.Version == stored.Version)
        {
            return cached;
        }

        var loaded = await store.GetRegionAsync(name, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }

        var region = new CatalogRegion(name, loaded.Value, loaded.Version);
        _cache[name] = region;
        return region;
    }

    /// <inheritdoc />
    public async Task<long> SaveAsync(string name, Planner.Core.Model.Region region, long? expectedVersion, CancellationToken cancellationToken)
    {
        await _opening.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        long version;
        try
        {
            version = await store.SaveRegionAsync(name, region, expectedVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (VersionConflictException ex)
        {
            throw new RegionVersionConflictException(name, ex.ActualVersion);
        }

        // The writer sees its own write at once: the next listing comes from the store, not from the last second's,
        // and the region is read back as stored (what every other instance serves), not kept as sent.
        Volatile.Write(ref _listing, null);
        _cache.TryRemove(name, out _);
        return version;
    }

    /// <inheritdoc />
    public async Task CheckReadyAsync(CancellationToken cancellationToken)
    {
        await _opening.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        await store.ListRegionsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The region headers, read from the store at most once a second (a changed region shows within a second).</summary>
    private async Task<IReadOnlyList<RegionHeader>> HeadersAsync(CancellationToken cancellationToken)
    {
        await _opening.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _listing) is { } l && DateTime.UtcNow - l.At < TimeSpan.FromSeconds(1))
        {
            return l.Headers;
        }

        var headers = await store.ListRegionHeadersAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _listing, new Listing(DateTime.UtcNow, headers));
        return headers;
    }

    private sealed record Listing(DateTime At, IReadOnlyList<RegionHeader> Headers);
}
