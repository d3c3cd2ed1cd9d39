using System.Text.Encodings.Web;
using System.Text.Json;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Storage.Sql;

/// <summary>The JSON document of a region's identity (the <c>regions.document</c> column): region.json's content.</summary>
/// <remarks><see cref="DefaultCircle"/> is absent from documents written before regions had their own circle: null, the standard's.</remarks>
internal sealed record RegionInfoDocument(string Name, string Code, string Crs, string[] Groups, double DefaultMinutes, string DefaultMode, DataSource[] Sources, string? DefaultCircle = null)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RegionInfo info) => JsonSerializer.Serialize(
        new RegionInfoDocument(info.Name, info.Code, info.Crs.ToString().ToLowerInvariant(), [.. info.Groups.Names], info.DefaultMinutes, info.DefaultMode, [.. info.Sources], info.DefaultCircle),
        Options);

    /// <summary>The region's own name and division code, read from the document without the rest.</summary>
    public static (string Name, string Code) Header(string json)
    {
        using var doc = JsonDocument.Parse(json);
        string Text(string key) => doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;
        return (Text("name"), Text("code"));
    }

    public static RegionInfo Deserialize(string json)
    {
        var d = JsonSerializer.Deserialize<RegionInfoDocument>(json, Options) ?? throw new InvalidDataException("region document is null");
        var crs = Enum.Parse<InputCrs>(d.Crs, ignoreCase: true);
        return new RegionInfo(d.Name, d.Code, crs, new PopulationGroups(d.Groups), d.DefaultMinutes, d.DefaultMode, [.. d.Sources]) { DefaultCircle = d.DefaultCircle };
    }
}
