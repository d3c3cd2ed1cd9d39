using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Planner.Core.IO;

/// <summary>
/// One feature of a GeoJSON file as read: its position, id, properties and geometry (or why the geometry
/// could not be read). Keeps the raw JSON properties so loaders can report a bad field by name.
/// </summary>
internal sealed class GeoJsonFeature(int position, JsonElement properties, Geometry? geometry, string? geometryError)
{
    /// <summary>1-based position in the file.</summary>
    public int Position { get; } = position;

    /// <summary>The geometry, or null when missing or unreadable.</summary>
    public Geometry? Geometry { get; } = geometry;

    /// <summary>Why the geometry could not be read, or null.</summary>
    public string? GeometryError { get; } = geometryError;

    /// <summary>The id to name the feature by: the given property, else (missing or blank) <c>#position</c>.</summary>
    public string Label(string idProperty) => GetString(idProperty) is { } id && !string.IsNullOrWhiteSpace(id) ? id : $"#{Position}";

    /// <summary>All properties as strings (numbers and booleans in invariant form); nulls and objects left out.</summary>
    public IEnumerable<KeyValuePair<string, string>> StringProperties()
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var p in properties.EnumerateObject())
        {
            var text = AsText(p.Value);
            if (text is not null)
            {
                yield return new(p.Name, text);
            }
        }
    }

    /// <summary>A property as text (numbers in invariant form), or null when absent or null.</summary>
    public string? GetString(string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v) ? AsText(v) : null;

    /// <summary>True when the property is present and not null.</summary>
    public bool Has(string name) => GetString(name) is not null;

    /// <summary>
    /// Reads a numeric property. Returns <paramref name="fallback"/> when absent; null with a reason when the
    /// value is not a finite number.
    /// </summary>
    public double? GetNumber(string name, double fallback, out string? error)
    {
        error = null;
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d))
        {
            return d;
        }

        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d))
        {
            return d;
        }

        error = $"'{AsText(v)}' is not a number";
        return null;
    }

    /// <summary>A property holding a list of strings: a JSON array, or a string split on ';' or ','.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var v))
        {
            return [];
        }

        if (v.ValueKind == JsonValueKind.Array)
        {
            return [.. v.EnumerateArray().Select(AsText).OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0)];
        }

        return AsText(v) is { } text
            ? text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
    }

    private static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
