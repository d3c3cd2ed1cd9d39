using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Planner.Core.IO;
using Planner.Storage;

namespace Planner.Api.Regions;

/// <summary>
/// Serves regions from a workspace store (the embedded GeoPackage file by default, PostGIS by configuration).
/// Regions are cached by name and version: a listing (cheap: names and versions) tells when a region changed,
/// and only then is it read again. On first start an empty store is seeded from the data folder's region
/// folders, each stored under its folder name (the URL name, <c>guixi</c>) with its own name (<c>贵溪市</c>) kept.
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

        loaded = await RenameOldSeedAsync(name, loaded, cancellationToken).ConfigureAwait(false);
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
                    await store.SaveRegionAsync(name, load.Region, null, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Workspaces seeded before the store could keep a name apart from its key hold the sample regions renamed
    /// to their folder names (<c>Info.Name</c> = <c>guixi</c>). When the region folder of that name is still in
    /// the data folder and gives the same division code, the stored region gets its own name back: saved once,
    /// based on the version read (a concurrent change wins and is served as it is; a store that cannot be written
    /// serves the region under its folder name and says so in the log).
    /// </summary>
    private async Task<Versioned<Core.Model.Region>> RenameOldSeedAsync(string name, Versioned<Core.Model.Region> loaded, CancellationToken cancellationToken)
    {
        var info = loaded.Value.Info;
        if (info.Name != name || FolderTitle(name, info.Code) is not { } title)
        {
            return loaded;
        }

        try
        {
            var renamed = loaded.Value with { Info = info with { Name = title } };
            var version = await store.SaveRegionAsync(name, renamed, loaded.Version, cancellationToken).ConfigureAwait(false);
            LogRenamed(logger, name, title);
            Volatile.Write(ref _listing, null);
            return new Versioned<Core.Model.Region>(renamed, version);
        }
        catch (VersionConflictException)
        {
            // Someone saved it first (most likely the same rename from a concurrent request or instance): serve theirs.
            return await store.GetRegionAsync(name, cancellationToken).ConfigureAwait(false) ?? loaded;
        }
        catch (Exception ex) when (ex is StoreUnavailableException or DbException or IOException or UnauthorizedAccessException)
        {
            LogNotRenamed(logger, name, ex.Message);
            return loaded;
        }
    }

    /// <summary>The name in <c>region.json</c> of the data folder's region folder <paramref name="folder"/>, when it has that code and another name.</summary>
    private string? FolderTitle(string folder, string code)
    {
        var path = Path.Combine(dataFolder, folder, "region.json");
        if (folder.IndexOfAny(['/', '\\']) >= 0 || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            string? Text(string key) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Text("name") is { Length: > 0 } title && title != folder && (Text("code") ?? string.Empty) == code ? title : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Listing(DateTime At, IReadOnlyList<StoredVersion> Versions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded region {Name} into {Store}")]
    private static partial void LogSeeded(ILogger logger, string name, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Name}, seeded under its folder name, is named {Title} again")]
    private static partial void LogRenamed(ILogger logger, string name, string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Name} keeps its folder name as its title: {Reason}")]
    private static partial void LogNotRenamed(ILogger logger, string name, string reason);
}
