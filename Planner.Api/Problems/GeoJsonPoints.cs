using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Core.Geo;

namespace Planner.Api.Problems;

/// <summary>A point feature read from a request: its id, WGS84 location and properties.</summary>
/// <param name="Id">Feature id (the <c>id</c> member or <c>properties.id</c>).</param>
/// <param name="Location">Longitude, latitude.</param>
/// <param name="Properties">The feature's properties.</param>
internal sealed record InputPoint(string Id, GeoPoint Location, JsonElement Properties);

/// <summary>
/// Reads a GeoJSON FeatureCollection of points sent to the API and refuses, naming the JSON path: anything
/// that is not GeoJSON (400), a CRS other than WGS84/CGCS2000 longitude-latitude (422), too many features
/// (413), coordinates out of range or outside the region, and coordinates given as [lat, lon] (422).
/// </summary>
internal static class GeoJsonPoints
{
    private static readonly string[] AcceptedCrs =
    [
        "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "EPSG:4490", "urn:ogc:def:crs:EPSG::4490",
    ];

    /// <summary>Reads the points at <paramref name="path"/> (e.g. <c>candidates</c>) that must lie in <paramref name="bounds"/> (grown by <paramref name="marginDegrees"/>).</summary>
    public static (IReadOnlyList<InputPoint>? Points, ProblemHttpResult? Problem) Read(JsonElement collection, string path, GeoBounds bounds, int maxFeatures, double marginDegrees = GeoBounds.InputMarginDegrees)
    {
        if (collection.ValueKind != JsonValueKind.Object || !collection.TryGetProperty("type", out var type) || Text(type) != "FeatureCollection")
        {
            return (null, ApiProblems.Field($"{path}.type", "is not a GeoJSON FeatureCollection (RFC 7946): give {\"type\":\"FeatureCollection\",\"features\":[...]}."));
        }

        if (collection.TryGetProperty("crs", out var crs))
        {
            var name = crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) ? Text(n) : null;
            if (name is null || !AcceptedCrs.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return (null, ApiProblems.Field($"{path}.crs", $"'{name ?? crs.GetRawText()}' is not accepted: send WGS84 or CGCS2000 longitude-latitude (CRS84, EPSG:4326 or EPSG:4490); convert projected, GCJ-02 or BD-09 coordinates first.", StatusCodes.Status422UnprocessableEntity));
            }
        }

        if (!collection.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return (null, ApiProblems.Field($"{path}.features", "is missing or not an array."));
        }

        if (features.GetArrayLength() > maxFeatures)
        {
            return (null, ApiProblems.Field($"{path}.features", $"holds {features.GetArrayLength()} features; at most {maxFeatures} are accepted in one request (Planner:MaxFeatures).", StatusCodes.Status413PayloadTooLarge));
        }

        var points = new List<InputPoint>();
        int i = 0;
        foreach (var f in features.EnumerateArray())
        {
            var at = $"{path}.features[{i++}]";
            var (point, problem) = ReadFeature(f, at, bounds, marginDegrees);
            if (problem is not null)
            {
                return (null, problem);
            }

            if (points.Any(x => x.Id == point!.Id))
            {
                return (null, ApiProblems.Field($"{at}.id", $"'{point!.Id}' is used by an earlier feature; ids must be unique.", StatusCodes.Status422UnprocessableEntity));
            }

            points.Add(point!);
        }

        return (points, null);
    }

    /// <summary>Checks one longitude-latitude pair against the region: range, swapped order, outside the region.</summary>
    public static ProblemHttpResult? CheckLocation(double lon, double lat, string at, GeoBounds bounds, double marginDegrees = GeoBounds.InputMarginDegrees)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
        {
            var hint = Math.Abs(lat) > 90 && Math.Abs(lon) <= 90 ? " It looks like [lat, lon]: GeoJSON puts longitude first." : string.Empty;
            return ApiProblems.Field(at, $"[{N(lon)}, {N(lat)}] is not a longitude in [-180, 180] and a latitude in [-90, 90].{hint}", StatusCodes.Status422UnprocessableEntity);
        }

        var grown = bounds.Grown(marginDegrees);
        if (bounds.IsEmpty || grown.Contains(new GeoPoint(lon, lat)))
        {
            return null;
        }

        return grown.Contains(new GeoPoint(lat, lon))
            ? ApiProblems.Field(at, $"[{N(lon)}, {N(lat)}] lies outside the region but [{N(lat)}, {N(lon)}] lies inside: longitude and latitude are swapped (GeoJSON puts longitude first).", StatusCodes.Status422UnprocessableEntity)
            : ApiProblems.Field(at, $"[{N(lon)}, {N(lat)}] lies outside the region {bounds}.", StatusCodes.Status422UnprocessableEntity);
    }

    private static (InputPoint? Point, ProblemHttpResult? Problem) ReadFeature(JsonElement f, string at, GeoBounds bounds, double margin)
    {
        if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("type", out var t) || Text(t) != "Feature")
        {
            return (null, ApiProblems.Field($"{at}.type", "is not a GeoJSON Feature."));
        }

        if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("type", out var gt) || Text(gt) != "Point")
        {
            return (null, ApiProblems.Field($"{at}.geometry", "must be a GeoJSON Point.", StatusCodes.Status422UnprocessableEntity));
        }

        if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() is < 2 or > 3
            || c.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out _)))
        {
            return (null, ApiProblems.Field($"{at}.geometry.coordinates", "must be [longitude, latitude] numbers."));
        }

        double lon = c[0].GetDouble(), lat = c[1].GetDouble();
        if (CheckLocation(lon, lat, $"{at}.geometry.coordinates", bounds, margin) is { } problem)
        {
            return (null, problem);
        }

        var props = f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
        var idElement = f.TryGetProperty("id", out var idEl) ? idEl : props.TryGetProperty("id", out var pid) ? pid : (JsonElement?)null;
        if (idElement is { ValueKind: JsonValueKind.String } textId && Text(textId) is null)
        {
            return (null, ApiProblems.Field($"{at}.id", "holds an unpaired UTF-16 surrogate escape: not Unicode text."));
        }

        string? id = idElement?.ToString();
        if (string.IsNullOrWhiteSpace(id))
        {
            return (null, ApiProblems.Field($"{at}.id", "every feature needs an id (the feature's id member or properties.id).", StatusCodes.Status422UnprocessableEntity));
        }

        return (new InputPoint(id, new GeoPoint(lon, lat), props), null);
    }

    /// <summary>
    /// A member's text when it is a JSON string, else null: a number where a string belongs is refused, never read.
    /// A string with an escaped unpaired surrogate (<c>"\ud800"</c>) is null too: JsonDocument accepts it, but
    /// GetString throws InvalidOperationException on it (a 500 before).
    /// </summary>
    internal static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string N(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
