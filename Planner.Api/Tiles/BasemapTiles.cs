using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Planner.Api.Layers;
using Planner.Api.Regions;

namespace Planner.Api.Tiles;

/// <summary>
/// The basemap tiles of the regions the API serves: per region version and key scope one
/// <see cref="BasemapSource"/>, built on the first tile asked for, and the tiles rendered from it so far (a
/// county-wide tile of a city takes a fifth of a second to render; a pan asks for it again). Both are dropped
/// with that region version (the catalogs keep one instance per version).
/// </summary>
internal sealed class BasemapTiles(LayerSource layers)
{
    /// <summary>Rendered tiles kept per region view; past that, tiles are rendered on every request.</summary>
    public const int MaxCachedTiles = 4096;

    private readonly ConditionalWeakTable<CatalogRegion, ConcurrentDictionary<string, Lazy<Rendered>>> _sources = [];

    /// <summary>The tile as <paramref name="view"/> sees the region, or null when it holds nothing.</summary>
    public byte[]? Render(RegionView view, TileAddress tile)
    {
        var rendered = Of(view);
        if (rendered.Tiles.TryGetValue(tile, out var bytes))
        {
            return bytes.Length == 0 ? null : bytes;
        }

        var made = BasemapTiler.Render(rendered.Source, tile);
        if (rendered.Tiles.Count < MaxCachedTiles)
        {
            rendered.Tiles.TryAdd(tile, made ?? []);
        }

        return made;
    }

    /// <summary>The indexed basemap features of <paramref name="view"/>.</summary>
    public BasemapSource Source(RegionView view) => Of(view).Source;

    private Rendered Of(RegionView view)
    {
        var perScope = _sources.GetOrCreateValue(view.Region);
        return perScope.GetOrAdd(view.IsWhole ? string.Empty : view.DataScope,
            _ => new Lazy<Rendered>(() => new Rendered(BasemapSource.Build(view.Region, view.Units, layers)))).Value;
    }

    /// <summary>A view's source and its tiles rendered so far (an empty array for a tile that holds nothing).</summary>
    private sealed record Rendered(BasemapSource Source)
    {
        public ConcurrentDictionary<TileAddress, byte[]> Tiles { get; } = new();
    }
}
