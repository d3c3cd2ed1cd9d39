using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Planner.Api.Tests;

/// <summary>
/// Property tests over the API's JSON bodies (issue 16, "Also"): a valid body per endpoint, mutated at random
/// (a member's value replaced by a value of another kind, a huge number, a NaN-ish string or deep nesting, a member
/// removed, an unknown member added, the whole body replaced by a random JSON value), is either accepted (2xx) or
/// refused with a 4xx <c>application/problem+json</c> that names a field (<c>field</c> or <c>errors</c>); never a
/// 500. Through the real pipeline (Kestrel, authentication, cost limits). Each run is a fixed number of cases; a
/// failure prints CsCheck's seed, and passing it as <c>seed:</c> to <see cref="Check.SampleAsync{T}(Gen{T}, Func{T, Task}, Action{string}?, string?, long, int, int, Func{T, string}?, ILogger?)"/> replays it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JsonBodyPropertyTests(ApiFixture api, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Cases per endpoint: enough to reach every member with every kind of value, short enough for the suite.</summary>
    private const long Cases = 120;

    private const string Station = """{"id":"s9","name":"S9","lon":117.2352,"lat":28.296,"level":"township_station","status":"operating","socialWorkers":2,"unitCode":"360681001","supervisors":1}""";

    private const string WhatIf = $$"""{"minutes":15,"mode":"walk","speedKmh":5,"includePlanned":false,"circles":false,"stations":[{{Station}}]}""";

    private const string Recommendations =
        """{"model":"mclp","p":1,"minutes":15,"mode":"walk","targetShare":0.9,"speedKmh":5,"includePlanned":false,"candidates":{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[{"type":"Feature","id":"c1","geometry":{"type":"Point","coordinates":[117.2352,28.296]},"properties":{"name":"c1"}}]}}""";

    private const string Matching = """{"limitMinutes":30,"mode":"walk"}""";

    private const string Edits =
        """[{"kind":"add_station","id":"n1","name":"N1","lon":117.24,"lat":28.29,"level":"township_station","status":"planned","social_workers":2,"unit_code":"360681001"},""" +
        """{"kind":"move_station","station_id":"s1","lon":117.236,"lat":28.286},{"kind":"remove_station","station_id":"s2"},""" +
        """{"kind":"restaff_station","station_id":"s1","social_workers":4},{"kind":"change_status","station_id":"s1","status":"built"},""" +
        """{"kind":"set_minutes","minutes":20},{"kind":"set_mode","mode":"walk"},{"kind":"set_speed","speed_kmh":4.5},""" +
        """{"kind":"scale_group","group":"elderly","unit_code":"360681001","factor":1.5},""" +
        """{"kind":"add_team","id":"t9","name":"T9","lon":117.24,"lat":28.29,"members":5,"active_members":3,"skills":["care"],"weekly_hours":10,"unit_code":"360681001"},""" +
        """{"kind":"remove_team","team_id":"t1"}]""";

    /// <summary>Leaves: every JSON kind, the edges of the number types, strings that look like numbers, booleans or other members' values.</summary>
    private static readonly string[] Leaves =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "0.5", "-273.15", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "1e308", "-1e308", "1e400", "-1e400", "1e-400", "1E+2", "123456789012345678901234567890",
        "\"\"", "\" \"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"5\"", "\"true\"", "\"\\u0000\"", "\"\\ud800\"", "\"中文\"",
        "\"Point\"", "\"Feature\"", "\"FeatureCollection\"", "\"walk\"", "\"drive\"", "\"boat\"", "\"mclp\"", "\"lscp\"", "\"pmedian\"",
        "\"add_station\"", "\"no_such_kind\"", "\"s1\"", "\"360681001\"", "\"planned\"", "\"operating\"", "\"village_point\"",
        "\"EPSG:3857\"", "\"urn:ogc:def:crs:EPSG::4490\"", "{}", "[]", "[1,2]", "[117.23,28.29]", "[117.23]", "[[117.23,28.29]]",
        "{\"type\":\"Point\",\"coordinates\":[117.23,28.29]}", "{\"type\":\"LineString\",\"coordinates\":[[117.23,28.29],[117.24,28.3]]}",
        "{\"type\":\"Feature\",\"geometry\":null,\"properties\":null}",
    ];

    private static readonly Gen<string> Leaf = Gen.OneOfConst(Leaves);

    private static readonly Gen<string> Key = Gen.OneOfConst("type", "id", "name", "kind", "lon", "lat", "coordinates", "features", "geometry", "properties", "crs", "x", "", "__proto__", "Minutes", "MODE", "station_id", "social_workers");

    /// <summary>A random JSON value of at most <paramref name="depth"/> levels of arrays and objects.</summary>
    private static Gen<string> Value(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (5, Leaf),
            (1, Value(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Key, Value(depth - 1)).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}")));

    /// <summary>Nesting deeper than the reader's limit (64) and shallower.</summary>
    private static readonly Gen<string> Deep = Gen.Int[1, 300].Select(d => new string('[', d) + "1" + new string(']', d));

    /// <summary>One change to a body: what to do, where (an index into the body's nodes, taken modulo their count), with what.</summary>
    private sealed record Mutation(int What, int Where, string With, int Copies)
    {
        public override string ToString() => $"({What} at {Where}: {With}{(Copies > 0 ? $" x{Copies}" : "")})";
    }

    private static readonly Gen<Mutation> OneMutation =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1000], Gen.Frequency((6, Value(2)), (1, Deep)), Gen.Int[0, 60], (what, where, with, copies) => new Mutation(what, where, with, what == 6 ? copies : 0));

    /// <summary>A body: the valid one with one to three mutations.</summary>
    private static Gen<string> Bodies(string valid) => OneMutation.Array[1, 3].Select(ms => Mutate(valid, ms));

    /// <summary>Applies the mutations to the valid body; raw values (1e400 has no JsonNode) are spliced into the text at the end.</summary>
    private static string Mutate(string valid, Mutation[] mutations)
    {
        JsonNode? root = JsonNode.Parse(valid);
        var raw = new List<string>();
        string Placeholder(string text)
        {
            raw.Add(text);
            return $"@@raw{raw.Count - 1}@@";
        }

        foreach (var m in mutations)
        {
            if (m.What == 5 || root is null)
            {
                // The whole body replaced by a random value (a number, a string, an array, null).
                root = JsonValue.Create(Placeholder(m.With));
                continue;
            }

            var slots = Slots(root).ToList();
            var (parent, key, index) = slots[m.Where % slots.Count];
            switch (m.What)
            {
                case 0 or 4 when parent is JsonObject o:
                    o[key!] = Placeholder(m.With);
                    break;
                case 0 or 4 when parent is JsonArray a:
                    a[index] = Placeholder(m.With);
                    break;
                case 1 when parent is JsonObject o:
                    o.Remove(key!);
                    break;
                case 1 when parent is JsonArray a:
                    a.RemoveAt(index);
                    break;
                case 2:
                    var target = (parent ?? root) as JsonObject ?? root as JsonObject;
                    target?["unknown" + m.Where.ToString(CultureInfo.InvariantCulture)] = Placeholder(m.With);
                    break;
                case 3 when parent is JsonObject o:
                    // A member name in another case (JSON is case-sensitive; the web defaults are not).
                    var value = o[key!]?.DeepClone();
                    o.Remove(key!);
                    o[key!.ToUpperInvariant()] = value;
                    break;
                case 6 when parent is JsonArray a:
                    // Many copies of one element: past Planner:MaxFeatures (50) the request is too large.
                    var item = a[index];
                    for (int i = 0; i < m.Copies; i++)
                    {
                        a.Add(item?.DeepClone());
                    }

                    break;
            }
        }

        var text = root?.ToJsonString() ?? "null";
        for (int i = 0; i < raw.Count; i++)
        {
            text = text.Replace($"\"@@raw{i}@@\"", raw[i], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every member and array element of the tree, as (parent, member name, element index).</summary>
    private static IEnumerable<(JsonNode? Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        yield return (null, null, -1);
        foreach (var slot in Children(node))
        {
            yield return slot;
        }
    }

    private static IEnumerable<(JsonNode? Parent, string? Key, int Index)> Children(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1);
                if (child is not null)
                {
                    foreach (var s in Children(child))
                    {
                        yield return s;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child)
                {
                    foreach (var s in Children(child))
                    {
                        yield return s;
                    }
                }
            }
        }
    }

    /// <summary>The property: 2xx, or a 4xx problem+json whose <c>field</c> or <c>errors</c> names what was wrong.</summary>
    internal static async Task<int> AssertAcceptedOrNamedProblem(HttpResponseMessage response, string body)
    {
        var text = await response.Content.ReadAsStringAsync();
        int status = (int)response.StatusCode;
        string context = $"{status} for body {body}\n→ {text}";
        if (status is >= 200 and < 300)
        {
            return status;
        }

        Assert.True(status is >= 400 and < 500, context);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", context);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        bool names = problem.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String && field.GetString()!.Length > 0;
        names |= problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
        Assert.True(names, "the problem names no field: " + context);
        return status;
    }

    /// <summary>Writes how many cases got each status, and checks that the cases reached the refusals at all.</summary>
    private void Report(string what, System.Collections.Concurrent.ConcurrentDictionary<int, int> statuses)
    {
        output.WriteLine($"{what}: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        Assert.Contains(statuses.Keys, s => s >= 400);
    }

    private async Task SampleAsync(string valid, Func<HttpClient, string, Task<HttpResponseMessage>> send)
    {
        using var planner = api.Client("planner", "tiny");
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        // The unmutated body is accepted: the mutations start from a body that succeeds.
        var accepted = await send(planner, valid);
        Assert.True(accepted.IsSuccessStatusCode, $"{(int)accepted.StatusCode} for the valid body {valid}: {await accepted.Content.ReadAsStringAsync()}");
        await Bodies(valid).SampleAsync(async body =>
        {
            var response = await send(planner, body);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // A job from an earlier case still holds the one expensive slot: not the property under test.
                await Task.Delay(1000);
                response = await send(planner, body);
            }

            statuses.AddOrUpdate(await AssertAcceptedOrNamedProblem(response, body), 1, (_, n) => n + 1);
        }, iter: Cases, threads: 1);
        Report(valid[..Math.Min(40, valid.Length)], statuses);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public Task WhatIf_MutatedBody_IsAcceptedOrAProblemNamingAField() =>
        SampleAsync(WhatIf, (c, body) => c.PostAsync("/regions/tiny/whatif", Json(body)));

    [Fact]
    public Task Recommendations_MutatedBody_IsAcceptedOrAProblemNamingAField() =>
        SampleAsync(Recommendations, (c, body) => c.PostAsync("/regions/tiny/recommendations", Json(body)));

    [Fact]
    public Task Matching_MutatedBody_IsAcceptedOrAProblemNamingAField() =>
        SampleAsync(Matching, (c, body) => c.PostAsync("/regions/tiny/matching", Json(body)));

    [Fact]
    public Task CreateScenario_MutatedBody_IsAcceptedOrAProblemNamingAField() =>
        SampleAsync($$"""{"name":"prop","edits":{{Edits}}}""", (c, body) =>
        {
            // A fresh name per case, so that a valid body is a 201 and not a conflict with an earlier case.
            string name = "prop-" + Guid.NewGuid().ToString("N")[..10];
            return c.PostAsync("/regions/tiny/scenarios", Json(body.Replace("\"prop\"", JsonSerializer.Serialize(name), StringComparison.Ordinal)));
        });

    [Fact]
    public async Task UpdateScenario_MutatedBody_IsAcceptedOrAProblemNamingAField()
    {
        using var planner = api.Client("planner", "tiny");
        string name = "prop-put-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        await SampleAsync($$"""{"edits":{{Edits}}}""", (c, body) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/regions/tiny/scenarios/{name}") { Content = Json(body) };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            return c.SendAsync(request);
        });
    }

    [Fact]
    public async Task RandomJsonValue_AsAnyBody_IsAProblemNamingAField()
    {
        using var planner = api.Client("planner", "tiny");
        string[] urls = ["/regions/tiny/whatif", "/regions/tiny/recommendations", "/regions/tiny/matching", "/regions/tiny/scenarios"];
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Gen.Select(Gen.Int[0, urls.Length - 1], Gen.Frequency((6, Value(3)), (1, Deep))).SampleAsync(async (url, body) =>
        {
            statuses.AddOrUpdate(await AssertAcceptedOrNamedProblem(await planner.PostAsync(urls[url], Json(body)), body), 1, (_, n) => n + 1);
        }, iter: Cases, threads: 1);
        Report("random values", statuses);
    }
}
