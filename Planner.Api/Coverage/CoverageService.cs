using Microsoft.Extensions.Caching.Memory;
using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Standards;

namespace Planner.Api.Coverage;

/// <summary>A computed coverage with its standards checks, for one region version and one query.</summary>
/// <param name="Region">The region it was computed for.</param>
/// <param name="Query">The parameters.</param>
/// <param name="Report">The full report (every unit; circles and gaps in WGS84).</param>
/// <param name="Checks">The default rule set's checks (empty without a rule set).</param>
/// <param name="RuleSetName">Name of the rule set, or null.</param>
internal sealed record CoverageResult(CatalogRegion Region, CoverageQuery Query, CoverageReport Report, IReadOnlyList<StandardCheck> Checks, string? RuleSetName)
{
    /// <summary>
    /// Rendered bodies by (format, unit, language), so a repeated report request is a lookup. Bounded by the
    /// formats times the region's units times two languages, and dropped with the result's cache entry.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(string Format, string? Unit, bool Chinese), string> Rendered { get; } = new();
}

/// <summary>
/// Computes coverage through <see cref="CoverageCalculator"/> and keeps results in a bounded memory cache
/// keyed by region, version and parameters; concurrent requests for the same key share one computation.
/// </summary>
internal sealed class CoverageService(IMemoryCache cache, RuleSetProvider rules)
{
    private readonly Lock _gate = new();

    /// <summary>The result for a region and query, computed once per cache lifetime.</summary>
    public Task<CoverageResult> GetAsync(CatalogRegion region, CoverageQuery query, CancellationToken cancellationToken)
    {
        var key = (region.Name, region.Version, query);
        Lazy<Task<CoverageResult>> lazy;
        lock (_gate)
        {
            if (!cache.TryGetValue(key, out lazy!))
            {
                lazy = new Lazy<Task<CoverageResult>>(() => Task.Run(() => Compute(region, query), CancellationToken.None));
                cache.Set(key, lazy, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            }
        }

        var task = lazy.Value;
        if (task.IsFaulted)
        {
            cache.Remove(key);
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Computes without the cache (for jobs with their own progress).</summary>
    public CoverageResult Compute(CatalogRegion region, CoverageQuery query, IProgress<double>? progress = null)
    {
        var report = CoverageCalculator.Compute(region.Region, query.ToOptions(), progress);
        var ruleSet = rules.Default;
        var checks = ruleSet is null
            ? []
            : StandardsChecker.Check(region.Region, ruleSet, UnitCoverageFigure.From(report));
        return new CoverageResult(region, query, report, checks, ruleSet?.Name);
    }
}
