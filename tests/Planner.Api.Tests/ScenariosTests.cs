using System.Net.Http.Headers;
using System.Text;

namespace Planner.Api.Tests;

/// <summary>Scenarios: CRUD with ETag / If-Match, stale writes 412, edits checked with named fields.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScenariosTests(ApiFixture api)
{
    private static readonly object MoveS1 = new { kind = "move_station", station_id = "s1", lon = 117.236, lat = 28.2851 };

    [Fact]
    public async Task Scenario_CreateReadEditDelete_WithVersionsAsETags()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "crud-" + Guid.NewGuid().ToString("N")[..8];
        var created = await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { MoveS1 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.EndsWith($"/regions/tiny/scenarios/{name}", created.Headers.Location!.ToString());

        var get = await planner.GetAsync($"/regions/tiny/scenarios/{name}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("move_station", body.GetProperty("edits")[0].GetProperty("kind").GetString());

        using var viewer = api.Client("viewer", "tiny");
        var list = await viewer.GetFromJsonAsync<JsonElement>("/regions/tiny/scenarios");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("name").GetString() == name);

        var put = await Put(planner, name, "\"1\"", new { edits = new object[] { MoveS1, new { kind = "set_minutes", minutes = 10 } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", put.Headers.ETag?.Tag);
        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("edits").GetArrayLength());

        await Problems.AssertProblem(await Send(planner, HttpMethod.Delete, name, "\"1\"", null), HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(planner, HttpMethod.Delete, name, "\"2\"", null)).StatusCode);
        await Problems.AssertProblem(await planner.GetAsync($"/regions/tiny/scenarios/{name}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentEdits_SecondWriterGets412()
    {
        using var a = api.Client("planner", "tiny");
        using var b = api.Client("admin", "tiny");
        var name = "race-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        var first = await Put(a, name, "\"1\"", new { edits = new[] { MoveS1 } });
        var second = await Put(b, name, "\"1\"", new { edits = new[] { new { kind = "remove_station", station_id = "s2" } } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await Problems.AssertProblem(second, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Contains("version 2", problem.GetProperty("detail").GetString());
        var stored = await a.GetFromJsonAsync<JsonElement>($"/regions/tiny/scenarios/{name}");
        Assert.Equal("move_station", stored.GetProperty("edits")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Write_WithoutIfMatch_Is428_AndDuplicateName409()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "pre-" + Guid.NewGuid().ToString("N")[..8];
        await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() });
        await Problems.AssertProblem(await planner.PutAsJsonAsync($"/regions/tiny/scenarios/{name}", new { edits = Array.Empty<object>() }), (HttpStatusCode)428, "If-Match");
        await Problems.AssertProblem(await Put(planner, name, "banana", new { edits = Array.Empty<object>() }), HttpStatusCode.BadRequest, "If-Match");
        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() }), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("[{\"kind\":\"teleport\"}]", 422, "edits[0].kind")]
    [InlineData("[{\"kind\":\"remove_station\",\"station_id\":\"s9\"}]", 422, "edits[0].station_id")]
    [InlineData("[{\"kind\":\"remove_station\",\"station_id\":\"s1\"},{\"kind\":\"move_station\",\"station_id\":\"s1\",\"lon\":117.23,\"lat\":28.29}]", 422, "edits[1].station_id")]
    [InlineData("[{\"kind\":\"add_station\",\"id\":\"s1\",\"name\":\"x\",\"lon\":117.23,\"lat\":28.29}]", 409, "edits[0].id")]
    [InlineData("[{\"kind\":\"add_station\",\"id\":\"n1\",\"name\":\"x\",\"lon\":28.29,\"lat\":117.23}]", 422, "edits[0].lon")]
    [InlineData("[{\"kind\":\"add_station\",\"id\":\"n1\",\"name\":\"x\",\"lon\":-51.2,\"lat\":-30.0}]", 422, "edits[0].lon")]
    [InlineData("[{\"kind\":\"set_minutes\",\"minutes\":500}]", 422, "edits[0].minutes")]
    [InlineData("[{\"kind\":\"set_minutes\",\"minutes\":0}]", 422, "edits[0].minutes")]
    [InlineData("[{\"kind\":\"set_speed\",\"speed_kmh\":-3}]", 422, "edits[0].speed_kmh")]
    [InlineData("[{\"kind\":\"set_mode\",\"mode\":\"boat\"}]", 422, "edits[0].mode")]
    [InlineData("[{\"kind\":\"scale_group\",\"group\":\"pets\",\"unit_code\":\"360681\",\"factor\":2}]", 422, "edits[0].group")]
    [InlineData("{\"kind\":\"set_minutes\"}", 400, "edits")]
    public async Task Create_BadEdit_NamesThePath(string edits, int status, string field)
    {
        using var planner = api.Client("planner", "tiny");
        using var content = new StringContent($"{{\"name\":\"bad-{Guid.NewGuid():N}\",\"edits\":{edits}}}", Encoding.UTF8, "application/json");
        var body = await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/scenarios", content), (HttpStatusCode)status, field);
        if (edits.Contains("28.29,\"lat\":117.23", StringComparison.Ordinal))
        {
            Assert.Contains("[lat, lon]", body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Save_SpeedTheCoreRefuses_Is422NamingTheField_OnPostAndPut()
    {
        // Before, the API took 125 km/h (its own limit was 130) and the run then failed with 409 (the core's is 120).
        using var planner = api.Client("planner", "tiny");
        var name = "fast-" + Guid.NewGuid().ToString("N")[..8];
        var tooFast = new { edits = new object[] { new { kind = "set_speed", speed_kmh = 125 } } };
        var post = await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, tooFast.edits });
        var problem = await Problems.AssertProblem(post, HttpStatusCode.UnprocessableEntity, "edits[0].speed_kmh");
        Assert.Contains("120", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { MoveS1 } })).StatusCode);
        await Problems.AssertProblem(await Put(planner, name, "\"1\"", new { edits = new object[] { MoveS1, new { kind = "set_speed", speed_kmh = 125 } } }), HttpStatusCode.UnprocessableEntity, "edits[1].speed_kmh");
        var stored = await planner.GetFromJsonAsync<JsonElement>($"/regions/tiny/scenarios/{name}");
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Save_EveryProblemIsListed_TheFirstDecidesTheStatus()
    {
        using var planner = api.Client("planner", "tiny");
        using var content = new StringContent($$"""{"name":"many-{{Guid.NewGuid():N}}","edits":[{"kind":"set_minutes","minutes":0},{"kind":"remove_station","station_id":"s9"},{"kind":"add_station","id":"s1","lon":117.23,"lat":28.29}]}""", Encoding.UTF8, "application/json");
        var body = await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/scenarios", content), HttpStatusCode.UnprocessableEntity, "edits[0].minutes");
        var errors = body.GetProperty("errors");
        Assert.Equal(["edits[0].minutes", "edits[1].station_id", "edits[2].id"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Save_StoresTheEditsInTheirCanonicalForm()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "canon-" + Guid.NewGuid().ToString("N")[..8];
        var created = await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new object[] { new { kind = "add_station", id = "n1", lon = 117.2352, lat = 28.296, extra = "ignored" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var edit = (await planner.GetFromJsonAsync<JsonElement>($"/regions/tiny/scenarios/{name}")).GetProperty("edits")[0];
        Assert.Equal(
            Core.Scenarios.ScenarioJson.Serialize(new Core.Scenarios.AddStationEdit("n1", "n1", 117.2352, 28.296)),
            edit.GetRawText());
    }

    [Fact]
    public async Task Scenarios_RespectRolesAndScope()
    {
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.PostAsJsonAsync("/regions/tiny/scenarios", new { name = "v", edits = Array.Empty<object>() }), HttpStatusCode.Forbidden);
        using var owner = api.Client("planner", "synth");
        var name = "scoped-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/regions/synth/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        using var other = api.Client("admin", "tiny");
        await Problems.AssertProblem(await other.GetAsync($"/regions/synth/scenarios/{name}"), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await other.GetAsync("/regions/synth/scenarios"), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await Send(other, HttpMethod.Delete, name, "\"1\"", null, "synth"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/regions/tiny/scenarios")).EnumerateArray(), s => s.GetProperty("name").GetString() == name);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string name, string ifMatch, object body) =>
        Send(client, HttpMethod.Put, name, ifMatch, JsonContent.Create(body));

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string name, string ifMatch, HttpContent? content, string region = "tiny")
    {
        var request = new HttpRequestMessage(method, $"/regions/{region}/scenarios/{name}") { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
