namespace Planner.Api.Tests;

/// <summary>Health and OpenAPI, anonymous.</summary>
[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFixture api)
{
    [Fact]
    public async Task Live_And_Ready_Answer200()
    {
        using var client = api.Client();
        Assert.Equal("live", (await client.GetFromJsonAsync<JsonElement>("/health/live")).GetProperty("status").GetString());
        Assert.Equal("ready", (await client.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Server_IsKestrelOnLoopback()
    {
        using var client = api.Client();
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(client.BaseAddress!.Host)), client.BaseAddress.ToString());
        Assert.NotEqual(80, client.BaseAddress.Port);
        using var raw = new HttpClient();
        var response = await raw.GetAsync(new Uri(client.BaseAddress, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kestrel", response.Headers.Server.ToString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheFeatureGroups_AndHasAPage()
    {
        using var client = api.Client();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/regions/{region}/coverage", "/regions/{region}/collections/{collectionId}/items", "/jobs/{id}", "/keys", "/health/ready" })
        {
            Assert.Contains(p, paths);
        }

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());

        var page = await client.GetStringAsync("/openapi");
        Assert.Contains("/openapi/v1.json", page);
        Assert.DoesNotContain("https://", page);
    }
}
