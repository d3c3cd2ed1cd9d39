using Planner.Core.IO;
using Planner.Core.Regions;

namespace Planner.Storage;

/// <summary>Moves regions between region folders and a workspace store (what <c>planner import</c> and <c>planner export</c> call).</summary>
public static class WorkspaceTransfer
{
    /// <summary>
    /// Reads the region folder and saves it into the store in one transaction under the folder's key (its name:
    /// <c>data/guixi</c> → <c>guixi</c>, the key the API seeds it under), keeping region.json's name as the
    /// region's title; a stored region of that key is replaced (based on its current version, so a concurrent
    /// change is refused, not overwritten). A workspace imported into before keys were folder names holds the
    /// region under its own name: when that key holds a region with the same division code and no region has the
    /// folder's key, the region is replaced under that earlier key, so its scenarios keep their base. Returns the
    /// load result (with its problems), the key and the stored version. A folder with errors is not imported:
    /// <see cref="InvalidDataException"/> lists them.
    /// </summary>
    public static async Task<RegionImport> ImportAsync(string folder, IRegionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var load = RegionFolderReader.Read(folder);
        if (load.Region is null || load.HasErrors)
        {
            throw new InvalidDataException($"region folder {folder} has errors:\n" + string.Join("\n", load.Problems.Where(p => p.Severity == Core.Validation.ProblemSeverity.Error).Select(RegionFiles.Describe)));
        }

        var headers = await store.ListRegionHeadersAsync(cancellationToken).ConfigureAwait(false);
        var info = load.Region.Info;
        var key = RegionKey.ForFolder(folder).Value;
        var current = headers.FirstOrDefault(h => h.Key == key);
        if (current is null && headers.FirstOrDefault(h => h.Key == info.Name && h.Code == info.Code) is { } earlier)
        {
            (key, current) = (earlier.Key, earlier);
        }

        var version = await store.SaveRegionAsync(key, load.Region, current?.Version, cancellationToken).ConfigureAwait(false);
        return new RegionImport(load, key, version);
    }

    /// <summary>
    /// Writes the region stored under the key <paramref name="regionName"/> as a region folder and removes the optional
    /// layer files the stored region does not have (left from an earlier region in the folder), so that the
    /// folder reads back as the stored region.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The store has no such region.</exception>
    public static async Task<RegionExport> ExportAsync(IRegionStore store, string regionName, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.GetRegionAsync(regionName, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"region '{regionName}' is not in the store");
        RegionFolderWriter.Write(stored.Value, folder);
        return new RegionExport(stored.Version, RegionFolderWriter.RemoveAbsentOptionalLayers(stored.Value, folder));
    }
}

/// <summary>What an export wrote.</summary>
/// <param name="Version">The stored version exported.</param>
/// <param name="RemovedFiles">Optional layer files deleted from the folder because the stored region has no such layer.</param>
public sealed record RegionExport(long Version, IReadOnlyList<string> RemovedFiles);

/// <summary>What an import stored.</summary>
/// <param name="Load">The region folder as read, with its warnings.</param>
/// <param name="Key">The key the region is stored under (the folder's name, or the earlier key it was stored under).</param>
/// <param name="Version">The stored version.</param>
public sealed record RegionImport(RegionLoadResult Load, string Key, long Version);
