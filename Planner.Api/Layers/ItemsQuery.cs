using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;
using Planner.Api.Problems;

namespace Planner.Api.Layers;

/// <summary>
/// The query of <c>/collections/{id}/items</c>: <c>bbox</c> (CRS84 minLon,minLat,maxLon,maxLat), <c>limit</c>,
/// <c>offset</c> and property filters (<c>level=township</c>, equality, case-insensitive). Coverage parameters
/// (<c>minutes</c>, <c>mode</c>, <c>speed</c>, <c>includePlanned</c>, <c>circle</c>, <c>noCap</c>) and <c>f</c> pass through.
/// </summary>
internal sealed record ItemsQuery(Envelope? Bbox, int Limit, int Offset, IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>Default page size.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 10_000;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "bbox", "limit", "offset", "f", "minutes", "mode", "speed", "includePlanned", "circle", "noCap" };

    /// <summary>Parses the query, or returns the problem naming the bad parameter.</summary>
    public static (ItemsQuery? Query, ProblemHttpResult? Problem) Parse(IQueryCollection query, LayerDefinition layer, Core.Geo.GeoBounds regionBounds)
    {
        Envelope? bbox = null;
        if (query.TryGetValue("bbox", out var b))
        {
            var (env, problem) = ParseBbox(b.ToString());
            if (problem is not null)
            {
                return (null, problem);
            }

            var region = new Envelope(regionBounds.MinLon, regionBounds.MaxLon, regionBounds.MinLat, regionBounds.MaxLat);
            var swapped = new Envelope(env!.MinY, env.MaxY, env.MinX, env.MaxX);
            if (!regionBounds.IsEmpty && !env.Intersects(region) && swapped.Intersects(region))
            {
                return (null, ApiProblems.Field("bbox", "misses the region, but with longitude and latitude exchanged it overlaps it: give minLon,minLat,maxLon,maxLat (CRS84 order).", StatusCodes.Status422UnprocessableEntity));
            }

            bbox = env;
        }

        int limit = DefaultLimit;
        if (query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return (null, ApiProblems.Field("limit", $"'{l}' is not a whole number from 1 to {MaxLimit}."));
        }

        int offset = 0;
        if (query.TryGetValue("offset", out var o) && (!int.TryParse(o, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return (null, ApiProblems.Field("offset", $"'{o}' is not a whole number of at least 0."));
        }

        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (Reserved.Contains(key))
            {
                continue;
            }

            if (!layer.Queryables.Contains(key, StringComparer.Ordinal))
            {
                return (null, ApiProblems.Field(key, $"is not a parameter of collection '{layer.Id}'; filter on one of {string.Join(", ", layer.Queryables)}, or use bbox, limit, offset."));
            }

            filters[key] = value.ToString();
        }

        return (new ItemsQuery(bbox, limit, offset, filters), null);
    }

    /// <summary>True when the feature passes the bbox and the property filters.</summary>
    public bool Matches(LayerFeature feature)
    {
        if (Bbox is not null && !Bbox.Intersects(feature.Geometry.EnvelopeInternal))
        {
            return false;
        }

        foreach (var (key, value) in Filters)
        {
            if (!feature.Properties.TryGetValue(key, out var v) || !string.Equals(Format(v), value, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(object? v) => v switch
    {
        null => string.Empty,
        bool x => x ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };

    private static (Envelope? Bbox, ProblemHttpResult? Problem) ParseBbox(string text)
    {
        var parts = text.Split(',');
        var values = new double[parts.Length];
        if (parts.Length != 4 || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).Any(ok => !ok))
        {
            return (null, ApiProblems.Field("bbox", $"'{text}' is not four numbers minLon,minLat,maxLon,maxLat (CRS84)."));
        }

        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        if (Math.Abs(minLat) > 90 || Math.Abs(maxLat) > 90)
        {
            var hint = Math.Abs(minLon) <= 90 && Math.Abs(maxLon) <= 90 ? " The values look like lat,lon: give longitude first (CRS84 order)." : string.Empty;
            return (null, ApiProblems.Field("bbox", $"latitude must lie in [-90, 90].{hint}", StatusCodes.Status422UnprocessableEntity));
        }

        if (Math.Abs(minLon) > 180 || Math.Abs(maxLon) > 180)
        {
            return (null, ApiProblems.Field("bbox", "longitude must lie in [-180, 180].", StatusCodes.Status422UnprocessableEntity));
        }

        if (minLat > maxLat)
        {
            return (null, ApiProblems.Field("bbox", "minLat is larger than maxLat.", StatusCodes.Status422UnprocessableEntity));
        }

        return (new Envelope(minLon, maxLon, minLat, maxLat), null);
    }
}
