using Planner.Core.Geo;

namespace Planner.Core.Import;

/// <summary>
/// An OpenStreetMap place node kept as a seed for modelled units: <c>place</c> = town, suburb, quarter,
/// village or neighbourhood, with its <c>name</c> and <c>name:en</c>.
/// </summary>
/// <param name="Id">OSM node id.</param>
/// <param name="Place">The <c>place</c> tag value.</param>
/// <param name="Name">The <c>name</c> tag (Chinese in Chinese extracts); the node id when missing.</param>
/// <param name="NameEn">The <c>name:en</c> tag, or null.</param>
/// <param name="Location">WGS84 position.</param>
public sealed record OsmPlace(long Id, string Place, string Name, string? NameEn, GeoPoint Location)
{
    /// <summary>Place values kept as seeds of township-level units (乡镇/街道).</summary>
    public static readonly IReadOnlyList<string> TownshipKinds = ["town", "suburb"];

    /// <summary>Place values kept as seeds of village-level units (村/社区).</summary>
    public static readonly IReadOnlyList<string> VillageKinds = ["quarter", "village", "neighbourhood"];

    /// <summary>True for a township seed (town, suburb).</summary>
    public bool IsTownshipSeed => TownshipKinds.Contains(Place);

    /// <summary>True for a village or community seed (quarter, village, neighbourhood).</summary>
    public bool IsVillageSeed => VillageKinds.Contains(Place);
}
