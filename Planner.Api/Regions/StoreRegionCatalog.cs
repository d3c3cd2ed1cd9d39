using System.Collections.Concurrent;
using Planner.Core.IO;
using Planner.Storage;

namespace Planner.Api.Regions;

/// <summary>
/// Serves regions from a workspace store (the embedded GeoPackage file by default, PostGIS by configuration).
/// Regions are cached by name and version: a listing (cheap: names and versions) tells when a region changed,
/// and only then is it read again. On first start an empty store is seeded from the data folder's region
/// folders, each under its folder name.
/// </summary>
internal sealed partial class StoreRegionCatalog(IWorkspaceStore store, string dataFolder, ILogger<StoreRegionCatalog> logger) : IRegionCatalog
{
    private readonly ConcurrentDictionary<string, CatalogRegion> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _seed = new(1, 1);
    private bool _seeded;
    private Listing? _listing;

    /// <inheritdoc />
    public string Description => store.Description;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<CatalogEntry>();
        foreach (var v in await VersionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(v.Name, cancellationToken).ConfigureAwait(false) is { } r)
            {
                entries.Add(new CatalogEntry(r.Name, r.Code, r.Region.Info.Name, r.Version));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<CatalogRegion?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(cancellationToken).ConfigureAwait(false);
        var stored = versions.FirstOrDefault(v => v.Name == name);
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
    public async Task CheckReadyAsync(CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        await store.ListRegionsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Names and versions, read from the store at most once a second (a changed region shows within a second).</summary>
    private async Task<IReadOnlyList<StoredVersion>> VersionsAsync(CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _listing) is { } l && DateTime.UtcNow - l.At < TimeSpan.FromSeconds(1))
        {
            return l.Versions;
        }

        var versions = await store.ListRegionsAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _listing, new Listing(DateTime.UtcNow, versions));
        return versions;
    }

    private async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _seeded))
        {
            return;
        }

        await _seed.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_seeded)
            {
                return;
            }

            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            if ((await store.ListRegionsAsync(cancellationToken).ConfigureAwait(false)).Count == 0 && Directory.Exists(dataFolder))
            {
                foreach (var folder in Directory.EnumerateDirectories(dataFolder).Where(d => File.Exists(Path.Combine(d, "region.json"))).Order(StringComparer.Ordinal))
                {
                    var load = RegionFolderReader.Read(folder);
                    if (load.Region is null || load.HasErrors)
                    {
                        continue;
                    }

                    var name = Path.GetFileName(folder);
                    await store.SaveRegionAsync(load.Region with { Info = load.Region.Info with { Name = name } }, null, cancellationToken).ConfigureAwait(false);
                    LogSeeded(logger, name, store.Description);
                }
            }

            Volatile.Write(ref _seeded, true);
        }
        finally
        {
            _seed.Release();
        }
    }

    private sealed record Listing(DateTime At, IReadOnlyList<StoredVersion> Versions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded region {Name} into {Store}")]
    private static partial void LogSeeded(ILogger logger, string name, string store);
}
