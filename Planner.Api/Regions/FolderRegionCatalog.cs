using System.Collections.Concurrent;
using Planner.Core.IO;
using Planner.Core.Validation;

namespace Planner.Api.Regions;

/// <summary>
/// Serves the region folders under a data folder (each subfolder with a <c>region.json</c>) under their
/// folder names; each is read once on first use and kept (regions are immutable snapshots).
/// </summary>
internal sealed partial class FolderRegionCatalog(string root, ILogger<FolderRegionCatalog> logger) : IRegionCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<CatalogRegion?>> _loaded = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Description => $"region folders in {root}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<CatalogEntry>();
        foreach (var name in Names())
        {
            if (await GetAsync(name, cancellationToken).ConfigureAwait(false) is { } r)
            {
                entries.Add(new CatalogEntry(r.Name, r.Code, r.Region.Info.Name, r.Version));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public Task<CatalogRegion?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (!Names().Contains(name, StringComparer.Ordinal))
        {
            return Task.FromResult<CatalogRegion?>(null);
        }

        var lazy = _loaded.GetOrAdd(name, n => new Lazy<CatalogRegion?>(() => Load(n), LazyThreadSafetyMode.ExecutionAndPublication));
        return Task.FromResult(lazy.Value);
    }

    /// <inheritdoc />
    public Task<long> SaveAsync(string name, Planner.Core.Model.Region region, long? expectedVersion, CancellationToken cancellationToken) =>
        throw new RegionsReadOnlyException();

    /// <inheritdoc />
    public Task CheckReadyAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"data folder {root} does not exist");
        }

        return Task.CompletedTask;
    }

    private IEnumerable<string> Names() => Directory.Exists(root)
        ? Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "region.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
        : [];

    private CatalogRegion? Load(string name)
    {
        var result = RegionFolderReader.Read(Path.Combine(root, name));
        if (result.Region is null || result.HasErrors)
        {
            LogUnreadable(logger, name, result.Problems.Count(p => p.Severity == ProblemSeverity.Error));
            return null;
        }

        return new CatalogRegion(name, result.Region, 1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region folder {Name} has {Errors} errors and is not served")]
    private static partial void LogUnreadable(ILogger logger, string name, int errors);
}
