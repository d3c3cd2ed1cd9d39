namespace Planner.Api.Tiles;

/// <summary>
/// The basemap's road classes: OpenStreetMap <c>highway</c> values grouped as a map draws them, each with the
/// first zoom at which its roads enter the tiles (so a county-wide tile is not a mesh of footways).
/// </summary>
internal static class RoadClass
{
    /// <summary>The class of a <c>highway</c> value and its first zoom: major (0), secondary (8), tertiary (10), minor (12), service (13), path and other (14).</summary>
    public static (string Class, int MinZoom) Of(string highway) => highway switch
    {
        "motorway" or "motorway_link" or "trunk" or "trunk_link" or "primary" or "primary_link" => ("major", 0),
        "secondary" or "secondary_link" => ("secondary", 8),
        "tertiary" or "tertiary_link" => ("tertiary", 10),
        "residential" or "unclassified" or "living_street" or "road" => ("minor", 12),
        "service" or "track" => ("service", 13),
        "footway" or "path" or "pedestrian" or "steps" or "cycleway" or "bridleway" or "platform" => ("path", 14),
        _ => ("other", 14),
    };
}
