using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Planner.Core.IO;

/// <summary>
/// Reads a GeoJSON FeatureCollection feature by feature, so that one bad geometry is reported by position
/// and id instead of failing the whole file (NetTopologySuite.IO.GeoJSON4STJ parses each geometry).
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    /// <summary>Reads the features of <paramref name="path"/>; throws <see cref="InvalidDataException"/> when the file is not a FeatureCollection.</summary>
    public static List<GeoJsonFeature> Read(string path)
    {
        JsonDocument doc;
        var bytes = File.ReadAllBytes(path);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // JsonDocument does not check the bytes inside strings; GetString would throw on them later.
            throw new InvalidDataException("not UTF-8 text (GeoJSON is UTF-8, RFC 7946; a file saved as GBK must be converted)");
        }

        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not valid JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            EnsureText(root, "$");
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("not a GeoJSON FeatureCollection with a 'features' array");
            }

            var result = new List<GeoJsonFeature>();
            int position = 0;
            foreach (var f in features.EnumerateArray())
            {
                position++;
                var props = f.TryGetProperty("properties", out var p) ? p.Clone() : default;
                var (geometry, error) = ReadGeometry(f);
                result.Add(new GeoJsonFeature(position, props, geometry, error));
            }

            return result;
        }
    }

    /// <summary>
    /// Checks that every string and member name reads as text: JsonDocument accepts an escaped unpaired surrogate
    /// (<c>"\ud800"</c>), on which GetString throws InvalidOperationException wherever a property is read later.
    /// </summary>
    internal static void EnsureText(JsonElement e, string at)
    {
        try
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    _ = e.GetString();
                    break;
                case JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        EnsureText(item, $"{at}[{i++}]");
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var member in e.EnumerateObject())
                    {
                        EnsureText(member.Value, $"{at}.{member.Name}");
                    }

                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException($"{at} is not Unicode text (an unpaired \\uD800-\\uDFFF escape): {ex.Message}", ex);
        }
    }

    private static (Geometry? Geometry, string? Error) ReadGeometry(JsonElement feature)
    {
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
        {
            return (null, "geometry is missing");
        }

        try
        {
            var geometry = g.Deserialize<Geometry>(GeometryOptions);
            return geometry is null ? (null, "geometry is missing") : (geometry, null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return (null, $"geometry cannot be read: {ex.Message}");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
