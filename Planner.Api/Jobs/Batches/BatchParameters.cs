using System.Text.Json;
using System.Text.Json.Serialization;

namespace Planner.Api.Jobs.Batches;

/// <summary>What every county of a batch computes: the coverage of a service circle, optionally under a stored scenario.</summary>
/// <param name="Circle">Life-circle id (null: each region's default).</param>
/// <param name="Scenario">Scenario name applied in each county (null: the regions as they are).</param>
public sealed record BatchParameters(string? Circle, string? Scenario)
{
    /// <summary>
    /// The canonical text of the parameters: with the region and its version, the key of a stored county
    /// result, so that the same county computed twice (a retried or duplicated job, a second batch) is stored once.
    /// </summary>
    [JsonIgnore]
    public string Key => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    /// <summary>Parameters from their <see cref="Key"/>.</summary>
    public static BatchParameters Read(string key) =>
        JsonSerializer.Deserialize<BatchParameters>(key, JsonSerializerOptions.Web) ?? new BatchParameters(null, null);
}
