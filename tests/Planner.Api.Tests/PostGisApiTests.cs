using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Planner.Api.Tests;

/// <summary>
/// The test PostGIS: <c>PLANNER_TEST_POSTGIS</c> (from <c>scripts/postgis.sh start</c>). Tests skip with a reason
/// when it is not configured, and fail when <c>PLANNER_REQUIRE_POSTGIS=1</c> (scripts/test.sh) says it must be.
/// </summary>
public sealed class PostGisFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when PostGIS is neither configured nor required.</summary>
    public PostGisFactAttribute()
    {
        if (PostGisApiFixture.ConnectionString is null && Environment.GetEnvironmentVariable("PLANNER_REQUIRE_POSTGIS") != "1")
        {
            Skip = "PostGIS not configured: run scripts/postgis.sh start and source $TMPDIR/planner-postgis.env (PLANNER_TEST_POSTGIS)";
        }
    }
}

/// <summary>The same API over PostGIS (Planner:Store=postgis) in a fresh schema that is dropped afterwards.</summary>
public sealed class PostGisApiFixture : ApiFixture
{
    private readonly string _schema = $"api_{Guid.NewGuid():N}";

    /// <summary>The test server's connection string, or null.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGIS") is { Length: > 0 } s ? s : null;

    private string SchemaConnection => new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = $"{_schema}, public" }.ConnectionString;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        if (ConnectionString is null)
        {
            return;
        }

        await Execute($"CREATE SCHEMA \"{_schema}\"");
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task<Planner.Core.Model.Region> StoredRegionAsync(string name)
    {
        await using var store = Planner.Storage.StoreFactory.Open(SchemaConnection);
        var stored = await store.GetRegionAsync(name, CancellationToken.None);
        Assert.NotNull(stored);
        return stored.Value;
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (ConnectionString is not null)
        {
            await Execute($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
        }
    }

    /// <inheritdoc />
    protected override void ConfigureStore(IWebHostBuilder builder)
    {
        builder.UseSetting("Planner:Store", "postgis");
        builder.UseSetting("Planner:PostGis", SchemaConnection);
    }

    private static async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The API over PostGIS: regions seeded into it, coverage equal to the core's, scenarios versioned, scopes kept.</summary>
public sealed class PostGisApiTests(PostGisApiFixture api) : IClassFixture<PostGisApiFixture>
{
    [PostGisFact]
    public async Task Coverage_OverPostGis_EqualsCoverageCalculator()
    {
        using var client = api.Client("viewer", "tiny");
        var json = await client.GetStringAsync("/regions/tiny/coverage");
        var region = await api.StoredRegionAsync("tiny");
        Assert.Equal(Planner.Core.Coverage.CoverageWriters.ToJson(Planner.Core.Coverage.CoverageCalculator.Compute(region, Planner.Core.Circles.CircleChoice.Resolve(new Planner.Core.Coverage.CoverageOptions(), Planner.Core.Circles.LifeCircleCatalog.Builtin(), [], adHoc: false, noCap: false).Runs[0])), json);
    }

    [PostGisFact]
    public async Task PublicBuildings_OverPostGis_AreTheFixtureFile()
    {
        using var client = api.Client("viewer", "tiny");
        var items = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/public_buildings/items");
        var file = Planner.Core.IO.RegionFolderReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny")).Region!;
        Assert.Equal(2, file.PublicBuildings.Length);
        Assert.Equal(
            file.PublicBuildings.Select(b => (b.Id, b.Name, b.Kind, b.Location.Lon, b.Location.Lat)),
            items.GetProperty("features").EnumerateArray().Select(f => (
                f.GetProperty("id").GetString()!,
                f.GetProperty("properties").GetProperty("name").GetString()!,
                f.GetProperty("properties").GetProperty("kind").GetString()!,
                f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(),
                f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble())));
    }

    [PostGisFact]
    public async Task Scenarios_OverPostGis_StaleWriteIs412()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "pg-" + Guid.NewGuid().ToString("N")[..8];
        var created = await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { new { kind = "set_minutes", minutes = 10 } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/regions/tiny/scenarios/{name}") { Content = JsonContent.Create(new { edits = Array.Empty<object>() }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await planner.SendAsync(put)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/regions/tiny/scenarios/{name}") { Content = JsonContent.Create(new { edits = Array.Empty<object>() }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Problems.AssertProblem(await planner.SendAsync(stale), HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [PostGisFact]
    public async Task Regions_OverPostGis_KeepTheirNames_AndNarrowToATownshipKey()
    {
        using var admin = api.Client("admin", "tiny");
        Assert.Equal("测试区 (tiny test region)", (await admin.GetFromJsonAsync<JsonElement>("/regions/tiny")).GetProperty("title").GetString());
        Assert.Equal("测试区 (tiny test region)", (await api.StoredRegionAsync("tiny")).Info.Name);

        string Key(JsonElement created) => created.GetProperty("key").GetString()!;
        var viewerKey = Key(await (await admin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "360681001" })).Content.ReadFromJsonAsync<JsonElement>());
        var plannerKey = Key(await (await admin.PostAsJsonAsync("/keys", new { role = "planner", scope = "360681001" })).Content.ReadFromJsonAsync<JsonElement>());
        using var township = api.Client(viewerKey);
        var mine = await township.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage");
        var all = await admin.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage");
        Assert.Equal(["360681001", "360681001001"], mine.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        var own = all.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "360681001").GetProperty("groups");
        Assert.True(JsonElement.DeepEquals(own, mine.GetProperty("groups")));
        Assert.Equal(["s1"], (await township.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/stations/items")).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));

        using var planner = api.Client(plannerKey);
        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name = "t", edits = Array.Empty<object>() }), HttpStatusCode.Forbidden);
    }

    [PostGisFact]
    public async Task Regions_OverPostGis_KeepScopes_AndReadyHidesPassword()
    {
        using var viewer = api.Client("viewer", "tiny");
        Assert.Equal(["tiny"], (await viewer.GetFromJsonAsync<JsonElement>("/regions")).EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        await Problems.AssertProblem(await viewer.GetAsync("/regions/synth/coverage"), HttpStatusCode.NotFound);
        var ready = await api.Client().GetStringAsync("/health/ready");
        Assert.Contains("ready", ready);
        Assert.DoesNotContain("Password", ready, StringComparison.OrdinalIgnoreCase);
    }
}
