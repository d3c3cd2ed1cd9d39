namespace Planner.Api.Tests;

/// <summary>Roles and region scopes at every boundary; hashed keys; no key in logs.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityTests(ApiFixture api)
{
    [Theory]
    [InlineData("/regions")]
    [InlineData("/regions/tiny/coverage")]
    [InlineData("/regions/tiny/collections/units/items")]
    [InlineData("/keys")]
    [InlineData("/jobs/0")]
    public async Task Request_WithoutKey_Is401Problem(string path)
    {
        using var client = api.Client();
        var body = await Problems.AssertProblem(await client.GetAsync(path), HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401Problem()
    {
        using var client = api.Client("cmk_000000000000.not-a-real-secret");
        await Problems.AssertProblem(await client.GetAsync("/regions"), HttpStatusCode.Unauthorized);
        using var tampered = api.Client(api.Keys["viewer:tiny"] + "x");
        await Problems.AssertProblem(await tampered.GetAsync("/regions"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("viewer", "tiny", "tiny")]
    [InlineData("planner", "tiny", "tiny")]
    [InlineData("admin", "tiny", "tiny")]
    [InlineData("viewer", "synth", "synth")]
    public async Task RegionList_ShowsOnlyRegionsInScope(string role, string county, string expected)
    {
        using var client = api.Client(role, county);
        var list = await client.GetFromJsonAsync<JsonElement>("/regions");
        Assert.Equal([expected], list.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task RegionList_AdminOverAll_ShowsBothCounties_WithTheirOwnNames()
    {
        using var client = api.Client(ApiFixture.AdminKey);
        var list = await client.GetFromJsonAsync<JsonElement>("/regions");
        Assert.Equal(["synth", "tiny"], list.EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        // Seeded under their folder names, titled with their region.json names.
        Assert.Equal(["合成县 (synthetic county)", "测试区 (tiny test region)"], list.EnumerateArray().Select(r => r.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("/regions/{0}")]
    [InlineData("/regions/{0}/coverage")]
    [InlineData("/regions/{0}/coverage?f=html")]
    [InlineData("/regions/{0}/collections")]
    [InlineData("/regions/{0}/collections/stations/items")]
    [InlineData("/regions/{0}/collections/units/items/361100")]
    public async Task OtherCounty_LooksExactlyLikeMissingRegion(string pattern)
    {
        foreach (var role in new[] { "viewer", "planner", "admin" })
        {
            using var client = api.Client(role, "tiny");
            var forbidden = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, "synth"));
            var missing = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, "nowhere"));
            var a = await Problems.AssertProblem(forbidden, HttpStatusCode.NotFound);
            var b = await Problems.AssertProblem(missing, HttpStatusCode.NotFound);
            Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
            Assert.Equal(b.GetProperty("detail").GetString()!.Replace("nowhere", "X", StringComparison.Ordinal), a.GetProperty("detail").GetString()!.Replace("synth", "X", StringComparison.Ordinal));
            Assert.DoesNotContain("361100", await forbidden.Content.ReadAsStringAsync());
            Assert.DoesNotContain("合成县", await forbidden.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Viewer_CannotStartJobsOrManageKeys_403()
    {
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.PostAsync("/regions/tiny/coverage/jobs", null), HttpStatusCode.Forbidden);
        await Problems.AssertProblem(await viewer.GetAsync("/jobs/abc"), HttpStatusCode.Forbidden);
        await Problems.AssertProblem(await viewer.GetAsync("/keys"), HttpStatusCode.Forbidden);
        await Problems.AssertProblem(await viewer.PostAsJsonAsync("/keys", new { role = "viewer" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Planner_CannotManageKeys_403()
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await planner.GetAsync("/keys"), HttpStatusCode.Forbidden);
        await Problems.AssertProblem(await planner.DeleteAsync("/keys/whatever"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CountyAdmin_CannotGrantWiderScope_AndSeesOnlyItsKeys()
    {
        using var admin = api.Client("admin", "tiny");
        await Problems.AssertProblem(await admin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "3611" }), HttpStatusCode.UnprocessableEntity, "scope");
        await Problems.AssertProblem(await admin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "" }), HttpStatusCode.UnprocessableEntity, "scope");
        var keys = await admin.GetFromJsonAsync<JsonElement>("/keys");
        Assert.All(keys.EnumerateArray(), k => Assert.StartsWith("360681", k.GetProperty("scope").GetString()));
        Assert.DoesNotContain(keys.EnumerateArray(), k => k.TryGetProperty("key", out _) || k.TryGetProperty("hash", out _));

        using var other = api.Client("admin", "synth");
        var otherKeys = await other.GetFromJsonAsync<JsonElement>("/keys");
        var tinyViewerId = keys.EnumerateArray().First(k => k.GetProperty("role").GetString() == "viewer").GetProperty("id").GetString();
        await Problems.AssertProblem(await other.DeleteAsync($"/keys/{tinyViewerId}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(otherKeys.EnumerateArray(), k => k.GetProperty("id").GetString() == tinyViewerId);
    }

    [Fact]
    public async Task DeletedKey_IsRefused()
    {
        using var admin = api.Client("admin", "tiny");
        var created = await (await admin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "360681001", label = "short-lived" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        using var shortLived = api.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await shortLived.GetAsync("/me")).StatusCode);
        Assert.Equal(["tiny"], (await shortLived.GetFromJsonAsync<JsonElement>("/regions")).EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/keys/{created.GetProperty("info").GetProperty("id").GetString()}")).StatusCode);
        await Problems.AssertProblem(await shortLived.GetAsync("/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeysFile_HoldsSaltedHashes_NotKeys()
    {
        using var client = api.Client("viewer", "tiny");
        await client.GetAsync("/regions");
        var file = await File.ReadAllTextAsync(api.KeysFile);
        foreach (var key in api.Keys.Values)
        {
            Assert.DoesNotContain(key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..], file);
        }

        Assert.DoesNotContain(ApiFixture.AdminKey, file);
        var records = JsonDocument.Parse(file).RootElement.EnumerateArray().ToList();
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("salt").GetString()).Distinct().Count());
        Assert.All(records, r => Assert.Equal(32, Convert.FromBase64String(r.GetProperty("hash").GetString()!).Length));
    }

    [Fact]
    public async Task Logs_NeverContainKeys()
    {
        using var client = api.Client("planner", "tiny");
        await client.GetAsync("/regions/tiny/coverage?minutes=abc");
        using var bad = api.Client("cmk_0123456789ab.leaky-secret-value");
        await bad.GetAsync("/regions");
        var logs = string.Join("\n", api.Logs);
        Assert.NotEmpty(api.Logs);
        Assert.DoesNotContain("leaky-secret-value", logs);
        Assert.DoesNotContain(ApiFixture.AdminKey, logs);
        foreach (var key in api.Keys.Values)
        {
            Assert.DoesNotContain(key, logs);
        }
    }
}
