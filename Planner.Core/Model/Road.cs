using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Planner.Core.Model;

/// <summary>A road line with its OpenStreetMap tags (highway, foot, access, oneway, name, ...).</summary>
/// <param name="Id">Identifier (the OSM way id for imported roads).</param>
/// <param name="Line">WGS84 LineString; treat as immutable.</param>
/// <param name="Tags">OSM tags as given.</param>
public sealed record Road(string Id, LineString Line, ImmutableDictionary<string, string> Tags)
{
    /// <summary>The highway class, or an empty string.</summary>
    public string Highway => Tags.TryGetValue("highway", out var h) ? h : string.Empty;

    /// <summary>A tag's value or null.</summary>
    public string? Tag(string key) => Tags.TryGetValue(key, out var v) ? v : null;
}
