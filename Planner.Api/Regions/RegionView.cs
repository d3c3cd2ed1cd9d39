using Planner.Core.Model;

namespace Planner.Api.Regions;

/// <summary>
/// A region as one key sees it. A key whose scope (a division-code prefix) the region's code starts with sees
/// the whole region. A key whose scope starts with the region's code and goes further — a township key such as
/// <c>360681001</c> on the county <c>360681</c> — sees it narrowed to the units whose codes start with the scope,
/// with every unit under them; every read then shows only those units and what lies in them.
/// </summary>
internal sealed class RegionView
{
    private RegionView(CatalogRegion region, UnitSelection? units, string dataScope)
    {
        Region = region;
        Units = units;
        DataScope = dataScope;
    }

    /// <summary>The region.</summary>
    public CatalogRegion Region { get; }

    /// <summary>The units the key sees (with every unit under them), or null when it sees the whole region.</summary>
    public UnitSelection? Units { get; }

    /// <summary>True when the key sees the whole region.</summary>
    public bool IsWhole => Units is null;

    /// <summary>
    /// The division-code prefix the view's data lies under: the region's code when whole, the key's scope when
    /// narrowed. Jobs carry it, and a key sees a job whose data scope starts with its own scope.
    /// </summary>
    public string DataScope { get; }

    /// <summary>The whole region.</summary>
    public static RegionView Whole(CatalogRegion region) => new(region, null, region.Code);

    /// <summary>The region narrowed to <paramref name="units"/>, the units under the key's <paramref name="scope"/>.</summary>
    public static RegionView Narrowed(CatalogRegion region, UnitSelection units, string scope) => new(region, units, scope);
}
