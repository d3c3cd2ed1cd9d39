using System.Data.Common;
using System.Text.Json;
using Planner.Core.IO;
using Planner.Core.Regions;
using Planner.Storage;

namespace Planner.Api.Regions;

/// <summary>
/// Opens the API's workspace store once, before anything is read from it, and makes every write the API needs
/// of a store it did not write itself: the store's own migrations (<see cref="IWorkspaceStore.InitializeAsync"/>);
/// on first start, an empty store seeded from the data folder's region folders, each under its key (its folder
/// name, as <c>planner import</c> stores it) with its own name kept; and the retitling of regions an earlier
/// seed stored renamed to their folder names. A store that cannot be reached is tried again on the next call.
/// </summary>
internal sealed partial class WorkspaceOpening(IWorkspaceStore store, string dataFolder, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _open;

    /// <summary>Opens the store unless that already succeeded.</summary>
    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _open))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_open)
            {
                return;
            }

            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            var headers = await store.ListRegionHeadersAsync(cancellationToken).ConfigureAwait(false);
            if (headers.Count == 0)
            {
                await SeedAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RetitleOldSeedsAsync(headers, cancellationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _open, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(dataFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(dataFolder).Where(d => File.Exists(Path.Combine(d, "region.json"))).Order(StringComparer.Ordinal))
        {
            var load = RegionFolderReader.Read(folder);
            if (load.Region is null || load.HasErrors)
            {
                continue;
            }

            var key = RegionKey.ForFolder(folder).Value;
            await store.SaveRegionAsync(key, load.Region, null, cancellationToken).ConfigureAwait(false);
            LogSeeded(logger, key, store.Description);
        }
    }

    /// <summary>
    /// Workspaces seeded before the store could keep a name apart from its key hold the sample regions renamed to
    /// their folder names (title <c>guixi</c>). When the region folder of that name is still in the data folder and
    /// gives the same division code, the stored region gets its own name back: saved once, based on the version
    /// listed (a concurrent change wins and is served as it is; a store that cannot be written serves the region
    /// under its folder name as its title and says so in the log).
    /// </summary>
    private async Task RetitleOldSeedsAsync(IReadOnlyList<RegionHeader> headers, CancellationToken cancellationToken)
    {
        foreach (var header in headers)
        {
            if (header.Title != header.Key || FolderTitle(header.Key, header.Code) is not { } title)
            {
                continue;
            }

            try
            {
                var loaded = await store.GetRegionAsync(header.Key, cancellationToken).ConfigureAwait(false);
                if (loaded is null || loaded.Version != header.Version)
                {
                    continue;
                }

                var renamed = loaded.Value with { Info = loaded.Value.Info with { Name = title } };
                await store.SaveRegionAsync(header.Key, renamed, loaded.Version, cancellationToken).ConfigureAwait(false);
                LogRenamed(logger, header.Key, title);
            }
            catch (VersionConflictException)
            {
                // Someone saved it first (most likely the same retitling by another instance): theirs is served.
            }
            catch (Exception ex) when (ex is StoreUnavailableException or DbException or IOException or UnauthorizedAccessException)
            {
                LogNotRenamed(logger, header.Key, ex.Message);
            }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded region {Name} into {Store}")]
    private static partial void LogSeeded(ILogger logger, string name, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Name}, seeded under its folder name, is named {Title} again")]
    private static partial void LogRenamed(ILogger logger, string name, string title);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Name} keeps its folder name as its title: {Reason}")]
    private static partial void LogNotRenamed(ILogger logger, string name, string reason);
}
