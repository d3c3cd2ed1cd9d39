using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Api.Layers;
using Planner.Api.Regions;
using Planner.Core.Model;

namespace Planner.Api.Tiles;

/// <summary>A feature ready for tiling: WGS84 geometry, the attributes written to the tile, and the first zoom whose tiles hold it.</summary>
/// <param name="Geometry">WGS84 longitude/latitude; shared, never changed.</param>
/// <param name="Attributes">The tile attributes.</param>
/// <param name="MinZoom">Below this zoom the feature is left out.</param>
internal sealed record BasemapFeature(Geometry Geometry, IAttributesTable Attributes, int MinZoom);

/// <summary>
/// The basemap's features of one region as one key sees it, indexed per tile layer (an STR-tree each): roads by
/// class, administrative unit boundaries, stations, and labels (a point inside each unit, and public buildings).
/// Made from the same layer features as <c>/collections</c> and narrowed by the same rule
/// (<see cref="LayerScope"/>), so a township key's tiles hold only what its collections hold. The region data has
/// no water or landuse layer, so the basemap has none.
/// </summary>
internal sealed class BasemapSource
{
    /// <summary>Road lines: <c>id</c>, <c>class</c> (<see cref="RoadClass"/>), <c>highway</c>, <c>name</c>.</summary>
    public const string Roads = "roads";

    /// <summary>Unit boundaries (polygons): <c>code</c>, <c>name</c>, <c>level</c>.</summary>
    public const string Units = "units";

    /// <summary>Stations (points): <c>id</c>, <c>name</c>, <c>level</c>, <c>status</c>.</summary>
    public const string Stations = "stations";

    /// <summary>Label points: <c>name</c>, <c>kind</c> (county, township, village, grid, public_building), <c>code</c> of a unit, <c>rank</c> (1 most important).</summary>
    public const string Labels = "labels";

    private readonly IReadOnlyList<(string Name, STRtree<BasemapFeature>? Index)> _layers;

    private BasemapSource(IReadOnlyList<(string Name, STRtree<BasemapFeature>? Index)> layers) => _layers = layers;

    /// <summary>Builds the basemap of <paramref name="region"/> as a key that sees <paramref name="units"/> (null: the whole region) sees it.</summary>
    public static BasemapSource Build(CatalogRegion region, UnitSelection? units, LayerSource source)
    {
        IReadOnlyList<LayerFeature> Read(string id)
        {
            var layer = LayerSource.Layers.Single(l => l.Id == id);
            var features = source.Features(layer, region, null);
            return units is null ? features : LayerScope.Filter(layer, features, units);
        }

        var unitFeatures = Read("units");
        var roads = Read("roads").Select(f =>
        {
            var highway = f.Properties.GetValueOrDefault("highway") as string ?? string.Empty;
            var (cls, minZoom) = RoadClass.Of(highway);
            return new BasemapFeature(f.Geometry, Attributes(("id", f.Id), ("class", cls), ("highway", highway), ("name", f.Properties.GetValueOrDefault("name"))), minZoom);
        });
        var boundaries = unitFeatures.Select(f => new BasemapFeature(f.Geometry, Attributes(("code", f.Id), ("name", f.Properties.GetValueOrDefault("name")), ("level", f.Properties.GetValueOrDefault("level"))), UnitZoom(f)));
        var stations = Read("stations").Select(f => new BasemapFeature(f.Geometry,
            Attributes(("id", f.Id), ("name", f.Properties.GetValueOrDefault("name")), ("level", f.Properties.GetValueOrDefault("level")), ("status", f.Properties.GetValueOrDefault("status"))), 0));
        var unitLabels = unitFeatures.Where(f => !f.Geometry.IsEmpty).Select(f =>
        {
            var level = f.Properties.GetValueOrDefault("level") as string ?? string.Empty;
            var (rank, minZoom) = LabelRank(level);
            return new BasemapFeature(f.Geometry.InteriorPoint, Attributes(("name", f.Properties.GetValueOrDefault("name")), ("kind", level), ("code", f.Id), ("rank", rank)), minZoom);
        });
        var buildingLabels = Read("public_buildings").Select(f => new BasemapFeature(f.Geometry,
            Attributes(("name", f.Properties.GetValueOrDefault("name")), ("kind", "public_building"), ("building", f.Properties.GetValueOrDefault("kind")), ("rank", 5)), 13));

        return new BasemapSource([(Units, Index(boundaries)), (Roads, Index(roads)), (Stations, Index(stations)), (Labels, Index(unitLabels.Concat(buildingLabels)))]);
    }

    /// <summary>Per tile layer, in drawing order, the candidates whose envelope meets <paramref name="box"/> (WGS84) and that the zoom shows.</summary>
    public IEnumerable<(string Layer, IEnumerable<BasemapFeature> Features)> Query(Envelope box, int zoom) =>
        _layers.Select(l => (l.Name, l.Index is null ? [] : l.Index.Query(box).Where(f => f.MinZoom <= zoom)));

    private static STRtree<BasemapFeature>? Index(IEnumerable<BasemapFeature> features)
    {
        var tree = new STRtree<BasemapFeature>();
        int count = 0;
        foreach (var f in features.Where(f => !f.Geometry.IsEmpty))
        {
            tree.Insert(f.Geometry.EnvelopeInternal, f);
            count++;
        }

        // An STR-tree with no items cannot be built; a layer without features has no index.
        if (count == 0)
        {
            return null;
        }

        tree.Build();
        return tree;
    }

    private static int UnitZoom(LayerFeature unit) => unit.Properties.GetValueOrDefault("level") switch
    {
        "village" => 10,
        "grid" => 12,
        _ => 0,
    };

    private static (int Rank, int MinZoom) LabelRank(string level) => level switch
    {
        "county" => (1, 0),
        "township" => (2, 9),
        "village" => (3, 11),
        _ => (4, 13),
    };

    private static AttributesTable Attributes(params (string Key, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                table.Add(key, value);
            }
        }

        return table;
    }
}
