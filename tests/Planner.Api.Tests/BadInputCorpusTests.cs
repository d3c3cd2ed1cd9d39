using System.Text;

namespace Planner.Api.Tests;

/// <summary>
/// The bad-input corpus of issue 16 beyond <see cref="HardeningTests"/> (which holds the probe's cases: numbers for
/// GeoJSON strings, unknown query parameters, speedKmh, includePlanned=maybe, application/jsonx, the If-Match forms):
/// the inputs the property tests (<see cref="JsonBodyPropertyTests"/>) and the fuzzers found or aim at. Each gets a 4xx
/// problem naming the field, or the success it deserves; never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputCorpusTests(ApiFixture api)
{
    private const string Point = """{"type":"Point","coordinates":[117.2352,28.296]}""";

    /// <summary>Method, URL, body, expected status, the field the problem names (null: a success).</summary>
    public static TheoryData<string, string, string, int, string?> Corpus => new()
    {
        // An escaped unpaired surrogate is valid JSON to JsonDocument, but GetString throws on it: these were 500s.
        { "POST", "/regions/tiny/scenarios", """{"name":"{name}","edits":[{"kind":"remove_station","station_id":"\ud800"}]}""", 400, "edits[0].station_id" },
        { "PUT", "/regions/tiny/scenarios/{name}", """{"edits":[{"kind":"change_status","station_id":"\udfff","status":"built"}]}""", 400, "edits[0].station_id" },
        { "POST", "/regions/tiny/scenarios", """{"name":"{name}","edits":[{"kind":"\ud800"}]}""", 400, "edits[0].kind" },
        { "POST", "/regions/tiny/scenarios", """{"name":"{name}","edits":[{"kind":"add_team","id":"t9","lon":117.24,"lat":28.29,"skills":["\ud800"]}]}""", 400, "edits[0].skills" },
        { "POST", "/regions/tiny/recommendations", $$$"""{"model":"mclp","p":1,"candidates":{"type":"FeatureCollection","features":[{"type":"Feature","id":"\ud800","geometry":{{{Point}}}}]}}""", 400, "candidates.features[0].id" },
        { "POST", "/regions/tiny/recommendations", $$$"""{"model":"mclp","p":1,"candidates":{"type":"FeatureCollection","features":[{"type":"\ud800","id":"c","geometry":{{{Point}}}}]}}""", 400, "candidates.features[0].type" },
        { "POST", "/regions/tiny/recommendations", """{"model":"mclp","p":1,"candidates":{"type":"\ud800","features":[]}}""", 400, "candidates.type" },
        { "POST", "/regions/tiny/recommendations", $$$"""{"model":"mclp","p":1,"candidates":{"type":"FeatureCollection","features":[{"type":"Feature","id":"c","geometry":{{{Point}}},"properties":{"name":"\ud800"}}]}}""", 202, null },
        { "POST", "/regions/tiny/whatif", """{"circles":false,"stations":[{"id":"\ud800","name":"x","lon":117.2352,"lat":28.296,"level":"township_station","status":"operating","socialWorkers":1}]}""", 400, "stations[0].id" },
        // Huge numbers, NaN-ish strings, deep nesting, a body that is not an object.
        { "POST", "/regions/tiny/whatif", """{"minutes":1e400,"stations":[]}""", 400, "minutes" },
        { "POST", "/regions/tiny/whatif", """{"minutes":"NaN","stations":[]}""", 400, "minutes" },
        { "POST", "/regions/tiny/matching", """{"limitMinutes":"Infinity"}""", 422, "limitMinutes" },
        { "POST", "/regions/tiny/whatif", new string('[', 200) + new string(']', 200), 400, "body" },
        { "POST", "/regions/tiny/recommendations", "[]", 400, "body" },
        { "POST", "/regions/tiny/scenarios", "\"edits\"", 400, "body" },
        { "POST", "/regions/tiny/scenarios", """{"name":"{name}","edits":[{"kind":"set_minutes","minutes":1e400}]}""", 422, "edits[0].minutes" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BadInput_IsAProblemNamingTheField_NeverA500(string method, string url, string body, int status, string? field)
    {
        using var planner = api.Client("planner", "tiny");
        string name = "corpus-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{name}", name, StringComparison.Ordinal))
        {
            Content = new StringContent(body.Replace("{name}", "new-" + name, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var response = await planner.SendAsync(request);
        if (field is null)
        {
            Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return;
        }

        await Problems.AssertProblem(response, (HttpStatusCode)status, field);
    }
}
