using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Planner.Api.Tests;

/// <summary>
/// What a hostile or careless client found (issue 16): each case answered by a 4xx problem that names the field,
/// never a 500, and the protocol details (media types, If-Match, readiness) as the RFCs say.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HardeningTests(ApiFixture api)
{
    private static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    // Item 1: numbers where GeoJSON has strings; GetString() on them threw and gave a 500.
    public static TheoryData<string, int, string> NumbersForStrings => new()
    {
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":5,\"id\":\"c\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.23,28.29]}}]}}", 400, "candidates.features[0].type" },
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"c\",\"geometry\":{\"type\":7,\"coordinates\":[117.23,28.29]}}]}}", 422, "candidates.features[0].geometry" },
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":3857}},\"features\":[]}}", 422, "candidates.crs" },
        { "{\"model\":\"mclp\",\"p\":1,\"candidates\":{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"c\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1e400,28.29]}}]}}", 422, "candidates.features[0].geometry.coordinates" },
    };

    [Theory]
    [MemberData(nameof(NumbersForStrings))]
    public async Task Recommend_NumberWhereAStringBelongs_IsAProblemNamingThePath(string json, int status, string field)
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/recommendations", Json(json)), (HttpStatusCode)status, field);
    }

    // Item 3: unknown query parameters were ignored (200) on these four endpoints.
    [Theory]
    [InlineData("GET", "/regions/tiny/coverage?foo=1", "foo")]
    [InlineData("GET", "/regions/tiny/coverage?bbox=1,2,3", "bbox")]
    [InlineData("POST", "/regions/tiny/coverage/jobs?minute=20", "minute")]
    [InlineData("GET", "/regions/tiny/scenario-comparison?a=base&b=base&foo=1", "foo")]
    [InlineData("POST", "/regions/tiny/scenarios/any/run?foo=1", "foo")]
    public async Task UnknownQueryParameter_Is400NamingIt(string method, string url, string field)
    {
        using var planner = api.Client("planner", "tiny");
        var body = await Problems.AssertProblem(await planner.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)), HttpStatusCode.BadRequest, field);
        Assert.Contains("is not a parameter", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownQueryParameters_StillAccepted()
    {
        using var viewer = api.Client("viewer", "tiny");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/regions/tiny/coverage?minutes=15&mode=walk&includePlanned=false&f=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/regions/tiny/scenario-comparison?a=base&b=base&includePlanned=true")).StatusCode);
    }

    // Item 4: the what-if body's field is speedKmh, and the problem said speed.
    [Fact]
    public async Task WhatIf_SpeedOutOfRange_NamesSpeedKmhAsSent()
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/whatif", Json("{\"speedKmh\":500,\"stations\":[]}")), HttpStatusCode.UnprocessableEntity, "speedKmh");
    }

    // Item 4: ?includePlanned=maybe got the framework's bare 400, without field or errors.
    [Theory]
    [InlineData("GET", "/regions/tiny/scenario-comparison?a=base&b=base&includePlanned=maybe")]
    [InlineData("POST", "/regions/tiny/scenarios/{0}/run?includePlanned=maybe")]
    public async Task IncludePlannedNotABoolean_NamesTheField(string method, string url)
    {
        using var planner = api.Client("planner", "tiny");
        string name = "flag-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        var body = await Problems.AssertProblem(await planner.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(CultureInfo.InvariantCulture, url, name))), HttpStatusCode.BadRequest, "includePlanned");
        Assert.Contains("'maybe' is not true or false", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // Item 5: the media type was matched by prefix.
    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json-seq")]
    [InlineData("application/geo+jsonl")]
    public async Task Post_MediaTypeThatOnlyStartsLikeJson_Is415(string mediaType)
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await planner.PostAsync("/regions/tiny/whatif", Json("{\"stations\":[]}", mediaType)), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Post_JsonWithCharset_IsAccepted()
    {
        using var planner = api.Client("planner", "tiny");
        var content = Json("{\"stations\":[],\"circles\":false}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync("/regions/tiny/whatif", content)).StatusCode);
    }

    private async Task<(HttpClient Client, string Name)> NewScenarioAsync()
    {
        var planner = api.Client("planner", "tiny");
        string name = "etag-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        return (planner, name);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string name, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/regions/tiny/scenarios/{name}") { Content = JsonContent.Create(new { edits = new[] { new { kind = "set_minutes", minutes = 10 } } }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    // Item 5: RFC 9110 §13.1.1. The scenario is at version 1 after creation.
    [Theory]
    [InlineData("*")]
    [InlineData("\"0\", \"1\"")]
    [InlineData("\"1\"")]
    public async Task Put_IfMatchThatMatchesTheCurrentVersion_Saves(string ifMatch)
    {
        var (planner, name) = await NewScenarioAsync();
        using (planner)
        {
            var response = await PutAsync(planner, name, ifMatch);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        }
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("W/\"0\", W/\"1\"")]
    [InlineData("\"0\", \"7\"")]
    public async Task Put_IfMatchWeakOrOtherVersions_Is412AndNothingSaved(string ifMatch)
    {
        var (planner, name) = await NewScenarioAsync();
        using (planner)
        {
            await Problems.AssertProblem(await PutAsync(planner, name, ifMatch), HttpStatusCode.PreconditionFailed, "If-Match");
            var get = await planner.GetAsync($"/regions/tiny/scenarios/{name}");
            Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        }
    }

    // Item 7: anonymous readiness named PostGIS's host, port, database and user.
    [Fact]
    public async Task Ready_Anonymous_SaysOnlyReady_AdminGetsTheDetail()
    {
        using var anonymous = api.Client();
        var text = await anonymous.GetStringAsync("/health/ready");
        using var doc = JsonDocument.Parse(text);
        Assert.Equal("ready", doc.RootElement.GetProperty("status").GetString());
        Assert.False(doc.RootElement.TryGetProperty("detail", out _), text);
        Assert.DoesNotContain(api.DataPath, text, StringComparison.Ordinal);

        using var admin = api.Client(ApiFixture.AdminKey);
        var detail = (await admin.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
    }
}
