using Planner.Core.Regions;

namespace Planner.Storage;

/// <summary>Resolving what a user types for a region against the regions a store holds.</summary>
public static class StoreRegionKeys
{
    /// <summary>The resolver over the store's regions (<see cref="IRegionStore.ListRegionHeadersAsync"/>: no region is loaded).</summary>
    public static async Task<RegionAliases> RegionAliasesAsync(this IRegionStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var headers = await store.ListRegionHeadersAsync(cancellationToken).ConfigureAwait(false);
        return new RegionAliases(headers.Select(h => h.Identity));
    }
}
