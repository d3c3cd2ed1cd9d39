using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planner.Core.Scenarios;

/// <summary>
/// The JSON form of scenarios and edits: snake_case properties, each edit an object with a <c>kind</c>
/// discriminator, e.g. <c>{"kind":"move_station","station_id":"S1","lon":117.2,"lat":28.3}</c>.
/// </summary>
public static class ScenarioJson
{
    /// <summary>The serializer options used for scenarios (snake_case, Chinese kept readable).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,

        // "kind" need not come first: PostgreSQL jsonb and hand-written files reorder keys.
        AllowOutOfOrderMetadataProperties = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The JSON name of an edit's property (<c>SpeedKmh</c> → <c>speed_kmh</c>), as the exchange form writes it.</summary>
    public static string FieldName(string propertyName) => Options.PropertyNamingPolicy!.ConvertName(propertyName);

    /// <summary>Serialises edits as a JSON array in the exchange form.</summary>
    public static string SerializeEdits(IEnumerable<ScenarioEdit> edits) => JsonSerializer.Serialize(edits.ToArray(), Options);

    /// <summary>Serialises a scenario.</summary>
    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <summary>Serialises one edit (with its <c>kind</c>).</summary>
    public static string Serialize(ScenarioEdit edit) => JsonSerializer.Serialize(edit, Options);

    /// <summary>Reads a scenario; throws <see cref="ScenarioException"/> naming the problem when the JSON is not a scenario.</summary>
    public static Scenario DeserializeScenario(string json)
    {
        var scenario = Read<Scenario>(json, "scenario");
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            problems.Add("scenario JSON has no \"name\"");
        }

        if (string.IsNullOrWhiteSpace(scenario.BaseRegion))
        {
            problems.Add("scenario JSON has no \"base_region\"");
        }

        var edits = scenario.Edits.IsDefault ? [] : scenario.Edits;
        problems.AddRange(edits.Select((e, i) => e is null ? $"edit {i + 1} is null" : null).OfType<string>());
        return problems.Count > 0 ? throw new ScenarioException(problems) : scenario with { Edits = edits };
    }

    /// <summary>Reads one edit; throws <see cref="ScenarioException"/> naming the problem (e.g. an unknown kind).</summary>
    public static ScenarioEdit DeserializeEdit(string json) => Read<ScenarioEdit>(json, "edit");

    private static T Read<T>(string json, string what)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value ?? throw new ScenarioException([$"{what} JSON is null"]);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException([$"{what} JSON cannot be read: {ex.Message}"]);
        }
        catch (NotSupportedException ex)
        {
            // Unknown or missing "kind" discriminators surface here.
            throw new ScenarioException([$"{what} JSON cannot be read: {ex.Message}"]);
        }
    }
}
