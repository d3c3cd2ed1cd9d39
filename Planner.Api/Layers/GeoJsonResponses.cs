using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Planner.Api.Layers;

/// <summary>A link (OGC API - Features / RFC 8288).</summary>
/// <param name="Href">Target URL.</param>
/// <param name="Rel">self, next, prev, items, alternate, ...</param>
/// <param name="Type">Media type of the target.</param>
/// <param name="Title">Human title.</param>
internal sealed record LinkResponse(string Href, string Rel, string Type, string? Title = null);

/// <summary>A GeoJSON feature (WGS84 longitude, latitude).</summary>
/// <param name="Id">Feature id (unit code, station id, ...).</param>
/// <param name="Geometry">Geometry, WGS84.</param>
/// <param name="Properties">Attributes, snake_case as in the region files.</param>
internal sealed record FeatureResponse(string Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>Always <c>Feature</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";
}

/// <summary>A page of a collection's items as a GeoJSON FeatureCollection with OGC paging members.</summary>
/// <param name="Features">The features of this page.</param>
/// <param name="NumberMatched">Features matching the filters, over all pages.</param>
/// <param name="NumberReturned">Features on this page.</param>
/// <param name="Links">self, and next / prev when there are more pages.</param>
/// <param name="TimeStamp">When the response was made, ISO 8601.</param>
internal sealed record FeatureCollectionResponse(IReadOnlyList<FeatureResponse> Features, int NumberMatched, int NumberReturned, IReadOnlyList<LinkResponse> Links, string TimeStamp)
{
    /// <summary>Always <c>FeatureCollection</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

/// <summary>A collection's description.</summary>
/// <param name="Id">Collection id (units, roads, demand, stations, circles, gaps, teams, needs, candidates, public_buildings).</param>
/// <param name="Title">Title in the requested language.</param>
/// <param name="Description">What the features are.</param>
/// <param name="Extent">Spatial extent: bbox [[minLon, minLat, maxLon, maxLat]] in CRS84.</param>
/// <param name="ItemType">Always <c>feature</c>.</param>
/// <param name="Crs">Coordinate reference systems of the items.</param>
/// <param name="Queryables">Properties usable as filters (e.g. <c>level=township</c>).</param>
/// <param name="Links">items and self.</param>
internal sealed record CollectionResponse(string Id, string Title, string Description, ExtentResponse Extent, string ItemType, IReadOnlyList<string> Crs, IReadOnlyList<string> Queryables, IReadOnlyList<LinkResponse> Links);

/// <summary>The spatial extent of a collection.</summary>
/// <param name="Spatial">Its bounding box.</param>
internal sealed record ExtentResponse(SpatialExtentResponse Spatial);

/// <summary>A bounding box list in CRS84.</summary>
/// <param name="Bbox">[[minLon, minLat, maxLon, maxLat]].</param>
/// <param name="Crs">Always CRS84.</param>
internal sealed record SpatialExtentResponse(IReadOnlyList<double[]> Bbox, string Crs);

/// <summary>The collections of one region.</summary>
/// <param name="Collections">The collections.</param>
/// <param name="Links">self.</param>
internal sealed record CollectionsResponse(IReadOnlyList<CollectionResponse> Collections, IReadOnlyList<LinkResponse> Links);
