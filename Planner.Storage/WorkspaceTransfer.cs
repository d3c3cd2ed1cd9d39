using Planner.Core.IO;

namespace Planner.Storage;

/// <summary>Moves regions between region folders and a workspace store (what <c>planner import</c> and <c>planner export</c> call).</summary>
public static class WorkspaceTransfer
{
    /// <summary>
    /// Reads the region folder and saves it into the store in one transaction, replacing a stored region of
    /// the same name (based on its current version, so a concurrent change is refused, not overwritten).
    /// Returns the load result (with its problems) and the stored version. A folder with errors is not
    /// imported: <see cref="InvalidDataException"/> lists them.
    /// </summary>
    public static async Task<(RegionLoadResult Load, long Version)> ImportAsync(string folder, IRegionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var load = RegionFolderReader.Read(folder);
        if (load.Region is null || load.HasErrors)
        {
            throw new InvalidDataException($"region folder {folder} has errors:\n" + string.Join("\n", load.Problems.Where(p => p.Severity == Core.Validation.ProblemSeverity.Error).Select(RegionFiles.Describe)));
        }

        var current = (await store.ListRegionsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Name == load.Region.Info.Name);
        var version = await store.SaveRegionAsync(load.Region, current?.Version, cancellationToken).ConfigureAwait(false);
        return (load, version);
    }

    /// <summary>
    /// Writes the stored region <paramref name="regionName"/> as a region folder and removes the optional
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
