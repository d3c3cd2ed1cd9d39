using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Planner.Api.Layers;
using Planner.Api.Regions;

namespace Planner.Api.Tiles;

/// <summary>
/// The basemap tiles of the regions the API serves: one <see cref="BasemapSource"/> per region version and key
/// scope, built on the first tile asked for and dropped with that region version (the catalogs keep one
/// instance per version).
/// </summary>
internal sealed class BasemapTiles(LayerSource layers)
{
    private readonly ConditionalWeakTable<CatalogRegion, ConcurrentDictionary<string, Lazy<BasemapSource>>> _sources = [];

    /// <summary>The tile as <paramref name="view"/> sees the region, or null when it holds nothing.</summary>
    public byte[]? Render(RegionView view, TileAddress tile) => BasemapTiler.Render(Source(view), tile);

    /// <summary>The indexed basemap features of <paramref name="view"/>.</summary>
    public BasemapSource Source(RegionView view)
    {
        var perScope = _sources.GetOrCreateValue(view.Region);
        return perScope.GetOrAdd(view.IsWhole ? string.Empty : view.DataScope,
            _ => new Lazy<BasemapSource>(() => BasemapSource.Build(view.Region, view.Units, layers))).Value;
    }
}
