using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Which OpenStreetMap features the importer keeps as existing public buildings, and what kind each is. A node or
/// closed way qualifies when it is tagged <c>amenity</c> = one of <see cref="AmenityKinds"/> (kind = that value),
/// else <c>office=government</c> (kind <c>government</c>), else any <c>social_facility</c> (kind
/// <c>social_facility</c>), else <c>building</c> = one of <see cref="BuildingKinds"/> (kind = that value). The first
/// rule that matches decides, so a town hall in a <c>building=public</c> outline is a <c>townhall</c>.
/// </summary>
public static class OsmPublicBuildings
{
    /// <summary><c>amenity</c> values kept, each its own kind.</summary>
    public static readonly IReadOnlyList<string> AmenityKinds =
    [
        "townhall", "community_centre", "social_facility", "school", "kindergarten", "clinic", "doctors", "hospital",
        "library", "post_office", "police", "nursing_home", "social_centre", "arts_centre",
    ];

    /// <summary><c>building</c> values kept when no amenity, office or social_facility tag decided first.</summary>
    public static readonly IReadOnlyList<string> BuildingKinds = ["public", "civic", "government", "school", "hospital"];

    /// <summary>The kind of public building the tags describe, or null when they describe none.</summary>
    /// <param name="tag">Looks a tag up by key; null when the feature does not have it.</param>
    public static string? KindOf(Func<string, string?> tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag("amenity") is { } amenity && AmenityKinds.Contains(amenity))
        {
            return amenity;
        }

        if (tag("office") == "government")
        {
            return "government";
        }

        if (tag("social_facility") is { Length: > 0 })
        {
            return "social_facility";
        }

        return tag("building") is { } building && BuildingKinds.Contains(building) ? building : null;
    }

    /// <summary>The public building for an OSM feature of the given kind: id <c>osm:node:N</c> or <c>osm:way:N</c>, name from <c>name</c> else "kind id", source <c>osm</c>.</summary>
    /// <param name="type">OSM element type: <c>node</c> or <c>way</c>.</param>
    /// <param name="osmId">OSM id.</param>
    /// <param name="kind">What <see cref="KindOf"/> returned.</param>
    /// <param name="name">The <c>name</c> tag, or null.</param>
    /// <param name="location">WGS84 position (a way's centroid).</param>
    public static PublicBuilding Create(string type, long osmId, string kind, string? name, GeoPoint location)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"osm:{type}:{osmId}");
        return new PublicBuilding(id, string.IsNullOrWhiteSpace(name) ? $"{kind} {id}" : name, kind, location, "osm");
    }
}
