using NetTopologySuite.Geometries;
using Planner.Core.Model;

namespace Planner.Api.Tests;

/// <summary>
/// Keys scoped below a region: a township key (花园街道 360681001) on the county 贵溪市 (360681) sees the county
/// region narrowed to its township, in every read, and may not change the county's plan. Each figure is checked
/// against the county's own report read with a county key, each feature against the stored region.
/// </summary>
[Collection(GuixiCollection.Name)]
public sealed class TownshipScopeTests(GuixiApiFixture api)
{
    private const string Huayuan = "360681001";
    private const string Xiongshi = "360681002";

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    public static TheoryData<string> Collections() => ["units", "roads", "demand", "stations", "circles", "gaps", "teams", "needs", "candidates"];

    [Theory]
    [InlineData("viewer")]
    [InlineData("planner")]
    [InlineData("admin")]
    public async Task Listing_TownshipKey_ShowsTheCountyRegion_NamingItsTownship(string role)
    {
        using var client = api.Client(role, "huayuan");
        var list = await client.GetFromJsonAsync<JsonElement>("/regions");
        var guixi = Assert.Single(list.EnumerateArray());
        Assert.Equal("guixi", guixi.GetProperty("name").GetString());
        Assert.Equal("贵溪市", guixi.GetProperty("title").GetString());
        var unit = Assert.Single(guixi.GetProperty("units").EnumerateArray());
        Assert.Equal((Huayuan, "花园街道", "township"), (unit.GetProperty("code").GetString(), unit.GetProperty("name").GetString(), unit.GetProperty("level").GetString()));
        Assert.Equal(guixi.GetRawText(), (await client.GetFromJsonAsync<JsonElement>("/regions/guixi")).GetRawText());
    }

    [Fact]
    public async Task Coverage_TownshipKey_IsTheTownshipsPartOfTheCountyReport()
    {
        using var township = api.Client("viewer", "huayuan");
        using var county = api.Client(ApiFixture.AdminKey);
        var mine = await township.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");
        var all = await county.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");

        var units = mine.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(units);
        Assert.All(units, c => Assert.StartsWith(Huayuan, c));
        var expectedUnits = all.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).Where(c => c.StartsWith(Huayuan, StringComparison.Ordinal));
        Assert.Equal(expectedUnits, units);

        // The township's totals are its own row of the county report, not the county's.
        var own = all.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == Huayuan).GetProperty("groups");
        Assert.True(JsonElement.DeepEquals(own, mine.GetProperty("groups")), $"township groups {mine.GetProperty("groups")} differ from its row {own}");
        Assert.NotEqual(all.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble(), mine.GetProperty("groups").GetProperty("total").GetProperty("population").GetDouble());
        Assert.Equal("贵溪市", mine.GetProperty("region").GetString());

        var region = await api.StoredRegionAsync("guixi");
        var stations = region.Stations.ToDictionary(s => s.Id);
        var ids = mine.GetProperty("stations").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith(Huayuan, stations[id].UnitCode));
        var boundary = Boundary(region, Huayuan);
        Assert.All(mine.GetProperty("gaps").EnumerateArray(), g => Assert.True(boundary.Covers(Point(g.GetProperty("centroid")[0].GetDouble(), g.GetProperty("centroid")[1].GetDouble()))));

        // The automatic narrowing is the ?unit= narrowing a county key asks for.
        Assert.Equal(await county.GetStringAsync($"/regions/guixi/coverage?unit={Huayuan}"), await township.GetStringAsync("/regions/guixi/coverage"));
    }

    [Fact]
    public async Task Coverage_TownshipKey_EveryFormatIsNarrowed()
    {
        using var township = api.Client("viewer", "huayuan");
        var csv = (await township.GetStringAsync("/regions/guixi/coverage?f=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.All(csv.Where(l => l.StartsWith("unit,", StringComparison.Ordinal)), l => Assert.StartsWith($"unit,{Huayuan}", l));
        Assert.Contains(csv, l => l.StartsWith($"unit,{Huayuan},", StringComparison.Ordinal));

        var region = await api.StoredRegionAsync("guixi");
        var inTownship = region.Stations.Where(s => s.UnitCode!.StartsWith(Huayuan, StringComparison.Ordinal)).Select(s => s.Id).ToHashSet();
        var geo = await township.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage?f=geojson");
        var circles = geo.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "circle").ToList();
        Assert.NotEmpty(circles);
        Assert.All(circles, f => Assert.Contains(f.GetProperty("properties").GetProperty("id").GetString()!, inTownship));

        foreach (var language in new[] { "en", "zh-CN" })
        {
            using var client = api.Client("viewer", "huayuan");
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var html = await client.GetStringAsync("/regions/guixi/coverage?f=html");
            Assert.Contains(language == "en" ? "<title>贵溪市 花园街道 social-work station coverage report</title>" : "<title>贵溪市花园街道社工站服务覆盖报告</title>", html);
            Assert.DoesNotContain("雄石街道", html);
            Assert.DoesNotContain("东门街道", html);
        }
    }

    [Fact]
    public async Task Coverage_TownshipKey_GapsHoldOnlyTheTownshipsUncoveredPeople_AndNoCountyNetworkTotals()
    {
        using var township = api.Client("viewer", "huayuan");
        using var county = api.Client(ApiFixture.AdminKey);
        var mine = await township.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");
        var all = await county.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");

        // Every uncovered person with a count lies in exactly one gap, so the township's gaps add up to its own
        // uncovered people (population - covered, per group); a gap returned whole would carry other townships' people.
        foreach (var group in mine.GetProperty("groups").EnumerateObject())
        {
            double uncovered = group.Value.GetProperty("population").GetDouble() - group.Value.GetProperty("covered").GetDouble();
            double inGaps = mine.GetProperty("gaps").EnumerateArray().Sum(g => g.GetProperty("groups").GetProperty(group.Name).GetDouble());
            Assert.Equal(uncovered, inGaps, 6);
        }

        var region = await api.StoredRegionAsync("guixi");
        Assert.True(mine.GetProperty("gaps").EnumerateArray().Sum(g => g.GetProperty("points").GetInt32())
            <= region.Demand.Count(d => d.UnitCode!.StartsWith(Huayuan, StringComparison.Ordinal)));

        // The road-network totals describe the county's graph: a township key does not get them.
        Assert.Equal(JsonValueKind.Object, all.GetProperty("network").ValueKind);
        Assert.True(!mine.TryGetProperty("network", out var network) || network.ValueKind == JsonValueKind.Null, $"network {network}");
    }

    [Fact]
    public async Task Coverage_TownshipKey_UnitOfAnotherTownship_IsAnUnknownUnit()
    {
        using var township = api.Client("viewer", "huayuan");
        var other = await Problems.AssertProblem(await township.GetAsync($"/regions/guixi/coverage?unit={Xiongshi}"), HttpStatusCode.NotFound, "unit");
        var unknown = await Problems.AssertProblem(await township.GetAsync("/regions/guixi/coverage?unit=999"), HttpStatusCode.NotFound, "unit");
        Assert.Equal(unknown.GetProperty("detail").GetString()!.Replace("999", "X", StringComparison.Ordinal), other.GetProperty("detail").GetString()!.Replace(Xiongshi, "X", StringComparison.Ordinal));
        await Problems.AssertProblem(await township.GetAsync("/regions/guixi/coverage?unit=360681&f=html"), HttpStatusCode.NotFound, "unit");

        // A village of its own township narrows further, exactly as for a county key.
        using var county = api.Client("viewer", "guixi");
        Assert.Equal(await county.GetStringAsync("/regions/guixi/coverage?unit=360681001003"), await township.GetStringAsync("/regions/guixi/coverage?unit=360681001003"));
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Layers_TownshipKey_HoldNothingOutsideTheTownship(string collection)
    {
        var region = await api.StoredRegionAsync("guixi");
        var boundary = Boundary(region, Huayuan);
        using var township = api.Client("viewer", "huayuan");
        using var county = api.Client("viewer", "guixi");
        var mine = await township.GetFromJsonAsync<JsonElement>($"/regions/guixi/collections/{collection}/items?limit=10000");
        var all = await county.GetFromJsonAsync<JsonElement>($"/regions/guixi/collections/{collection}/items?limit=10000");
        var features = mine.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(features.Count, mine.GetProperty("numberMatched").GetInt32());
        var stations = region.Stations.ToDictionary(s => s.Id);
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            var geometry = GeometryOf(f);
            switch (collection)
            {
                case "units":
                    Assert.StartsWith(Huayuan, p.GetProperty("code").GetString());
                    break;
                case "demand" or "stations" or "teams" or "needs":
                    Assert.StartsWith(Huayuan, p.GetProperty("unit_code").GetString());
                    break;
                case "circles":
                    Assert.StartsWith(Huayuan, stations[p.GetProperty("station_id").GetString()!].UnitCode);
                    break;
                default:
                    Assert.True(boundary.Intersects(geometry), $"{collection} {f.GetProperty("id")} lies outside 花园街道");
                    break;
            }
        }

        if (collection == "gaps")
        {
            // Gaps are cut to their points in the township: outlines inside it; every county gap centred in it is
            // there (under its county id), and no gap the county does not have.
            var countyGaps = (await county.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage")).GetProperty("gaps").EnumerateArray().ToList();
            var ids = features.Select(f => f.GetProperty("id").ToString()).ToHashSet();
            Assert.Subset(countyGaps.Select(g => g.GetProperty("id").GetString()!).ToHashSet(), ids);
            Assert.Subset(ids, countyGaps.Where(g => boundary.Covers(Point(g.GetProperty("centroid")[0].GetDouble(), g.GetProperty("centroid")[1].GetDouble())))
                .Select(g => g.GetProperty("id").GetString()!).ToHashSet());
            var inside = boundary.Buffer(1e-7);
            Assert.All(features, f => Assert.True(inside.Covers(GeometryOf(f)), $"gap {f.GetProperty("id")} leaves 花园街道"));
            return;
        }

        // What the county holds in the township is all there, and the rest of the county is not.
        var countyInTownship = all.GetProperty("features").EnumerateArray().Count(f => InTownship(collection, f, boundary, stations));
        Assert.Equal(countyInTownship, features.Count);
        if (collection is "units" or "demand" or "stations" or "roads" or "needs")
        {
            Assert.NotEmpty(features);
            Assert.True(features.Count < all.GetProperty("features").GetArrayLength(), $"{collection}: the township sees less than the county");
        }
    }

    [Fact]
    public async Task Layers_TownshipKey_OtherTownshipsFeatures_AreNotFound_AndExtentIsTheTownships()
    {
        using var township = api.Client("viewer", "huayuan");
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync("/regions/guixi/collections/stations/items/S360681001")).StatusCode);
        var other = await Problems.AssertProblem(await township.GetAsync("/regions/guixi/collections/stations/items/S360681002"), HttpStatusCode.NotFound);
        var missing = await Problems.AssertProblem(await township.GetAsync("/regions/guixi/collections/stations/items/nope"), HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), other.GetProperty("title").GetString());
        await Problems.AssertProblem(await township.GetAsync($"/regions/guixi/collections/units/items/{Xiongshi}"), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await township.GetAsync("/regions/guixi/collections/units/items/360681"), HttpStatusCode.NotFound);

        var region = await api.StoredRegionAsync("guixi");
        var expected = Boundary(region, Huayuan).EnvelopeInternal;
        var bbox = (await township.GetFromJsonAsync<JsonElement>("/regions/guixi/collections/units")).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        Assert.Equal([expected.MinX, expected.MinY, expected.MaxX, expected.MaxY], bbox.EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public async Task AnotherTownshipKey_SeesItsOwnUnits()
    {
        using var huayuan = api.Client("viewer", "huayuan");
        using var xiongshi = api.Client("viewer", "xiongshi");
        var a = await Codes(huayuan, "/regions/guixi/collections/units/items?limit=10000", "code");
        var b = await Codes(xiongshi, "/regions/guixi/collections/units/items?limit=10000", "code");
        Assert.All(b, c => Assert.StartsWith(Xiongshi, c));
        Assert.NotEmpty(b);
        Assert.Empty(a.Intersect(b));
        var report = await xiongshi.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");
        Assert.All(report.GetProperty("units").EnumerateArray(), u => Assert.StartsWith(Xiongshi, u.GetProperty("code").GetString()));
        Assert.Equal("雄石街道", Assert.Single((await xiongshi.GetFromJsonAsync<JsonElement>("/regions")).EnumerateArray()).GetProperty("units")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("elsewhere")]
    [InlineData("elsewhere-township")]
    public async Task OtherCountysKeys_SeeNothingOfGuixi(string county)
    {
        using var client = api.Client("admin", county);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/regions")).EnumerateArray());
        foreach (var path in new[] { "/regions/{0}", "/regions/{0}/coverage", "/regions/{0}/collections/units/items", "/regions/{0}/scenarios" })
        {
            var hidden = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, "guixi"));
            var missing = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, "nowhere"));
            var a = await Problems.AssertProblem(hidden, HttpStatusCode.NotFound);
            var b = await Problems.AssertProblem(missing, HttpStatusCode.NotFound);
            Assert.Equal(b.GetProperty("detail").GetString()!.Replace("nowhere", "X", StringComparison.Ordinal), a.GetProperty("detail").GetString()!.Replace("guixi", "X", StringComparison.Ordinal));
        }

        // Writes too: 404, not 403 (the key may not learn the region exists).
        await Problems.AssertProblem(await client.PostAsJsonAsync("/regions/guixi/scenarios", new { name = "x", edits = Array.Empty<object>() }), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await client.PostAsJsonAsync("/regions/guixi/recommendations", new { model = "mclp", p = 1 }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("planner")]
    [InlineData("admin")]
    public async Task TownshipKey_ChangingTheCountysPlan_Is403SayingWhy(string role)
    {
        using var township = api.Client(role, "huayuan");
        var writes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/regions/guixi/scenarios", new { name = "mine", edits = Array.Empty<object>() }),
            (HttpMethod.Put, "/regions/guixi/scenarios/any", new { edits = Array.Empty<object>() }),
            (HttpMethod.Delete, "/regions/guixi/scenarios/any", null),
            (HttpMethod.Post, "/regions/guixi/scenarios/any/run", null),
            (HttpMethod.Post, "/regions/guixi/recommendations", new { model = "mclp", p = 1 }),
            (HttpMethod.Post, "/regions/guixi/matching", new { limitMinutes = 30 }),
            (HttpMethod.Post, "/regions/guixi/whatif", new { stations = Array.Empty<object>() }),
        };
        foreach (var (method, path, body) in writes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var problem = await Problems.AssertProblem(await township.SendAsync(request), HttpStatusCode.Forbidden);
            Assert.Contains("narrower than the region", problem.GetProperty("detail").GetString());
            Assert.Equal(Huayuan, problem.GetProperty("scope").GetString());
        }

        // The county's planner may; the township's viewer is refused by role first.
        using var countyPlanner = api.Client("planner", "guixi");
        var name = "county-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await countyPlanner.PostAsJsonAsync("/regions/guixi/scenarios", new { name, edits = Array.Empty<object>() })).StatusCode);
        using var viewer = api.Client("viewer", "huayuan");
        var refused = await Problems.AssertProblem(await viewer.PostAsJsonAsync("/regions/guixi/scenarios", new { name = "v", edits = Array.Empty<object>() }), HttpStatusCode.Forbidden);
        Assert.Contains("role", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CoverageJob_TownshipKey_IsItsNarrowedReport_SeenByItAndTheCountyOnly()
    {
        using var township = api.Client("planner", "huayuan");
        var start = await township.PostAsync("/regions/guixi/coverage/jobs", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = await JobsTests.WaitFinished(township, start.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var report = await township.GetFromJsonAsync<JsonElement>("/regions/guixi/coverage");
        Assert.True(JsonElement.DeepEquals(report, job.GetProperty("result")), "the township's job differs from its GET coverage");

        var path = start.Headers.Location!.AbsolutePath;
        using var county = api.Client("planner", "guixi");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync(path)).StatusCode);
        using var neighbour = api.Client("planner", "xiongshi");
        await Problems.AssertProblem(await neighbour.GetAsync(path), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await neighbour.DeleteAsync(path), HttpStatusCode.NotFound);

        // A county job holds the whole county: the township key does not see it.
        var countyStart = await county.PostAsync("/regions/guixi/coverage/jobs?minutes=14", null);
        await Problems.AssertProblem(await township.GetAsync(countyStart.Headers.Location!.AbsolutePath), HttpStatusCode.NotFound);
        await JobsTests.WaitFinished(county, countyStart.Headers.Location!);
    }

    [Fact]
    public async Task Scenarios_TownshipKey_ReadsTheEditsAboutItsTownship_AndComparesItsOwnFigures()
    {
        using var countyPlanner = api.Client("planner", "guixi");
        var name = "mixed-" + Guid.NewGuid().ToString("N")[..8];
        object[] edits =
        [
            new { kind = "move_station", station_id = "S360681002", lon = 117.206, lat = 28.285 },
            new { kind = "restaff_station", station_id = "S360681001", social_workers = 6 },
            new { kind = "set_minutes", minutes = 20 },
            new { kind = "scale_group", group = "elderly", unit_code = Xiongshi, factor = 1.5 },
            new { kind = "add_station", id = "new-hy", name = "新站", lon = 117.2404182, lat = 28.2914198, level = "village_point", status = "operating", social_workers = 1, unit_code = "360681001005" },
            new { kind = "change_status", station_id = "new-hy", status = "built" },
        ];
        Assert.Equal(HttpStatusCode.Created, (await countyPlanner.PostAsJsonAsync("/regions/guixi/scenarios", new { name, edits })).StatusCode);

        using var huayuan = api.Client("viewer", "huayuan");
        var mine = await huayuan.GetFromJsonAsync<JsonElement>($"/regions/guixi/scenarios/{name}");
        Assert.Equal(["restaff_station", "set_minutes", "add_station", "change_status"], mine.GetProperty("edits").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(2, mine.GetProperty("editsElsewhere").GetInt32());
        var listed = (await huayuan.GetFromJsonAsync<JsonElement>("/regions/guixi/scenarios")).EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        Assert.Equal(mine.GetRawText(), listed.GetRawText());

        using var xiongshi = api.Client("viewer", "xiongshi");
        var theirs = await xiongshi.GetFromJsonAsync<JsonElement>($"/regions/guixi/scenarios/{name}");
        Assert.Equal(["move_station", "set_minutes", "scale_group"], theirs.GetProperty("edits").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        var whole = await countyPlanner.GetFromJsonAsync<JsonElement>($"/regions/guixi/scenarios/{name}");
        Assert.Equal(6, whole.GetProperty("edits").GetArrayLength());
        Assert.False(whole.TryGetProperty("editsElsewhere", out _));

        // The comparison a township key reads is its own unit's rows of the county's comparison.
        var countyDiff = await countyPlanner.GetFromJsonAsync<JsonElement>($"/regions/guixi/scenario-comparison?a=base&b={name}");
        var diff = await huayuan.GetFromJsonAsync<JsonElement>($"/regions/guixi/scenario-comparison?a=base&b={name}");
        Assert.All(diff.GetProperty("units").EnumerateArray(), u => Assert.StartsWith(Huayuan, u.GetProperty("code").GetString()));
        var ownRow = countyDiff.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == Huayuan).GetProperty("total");
        var total = diff.GetProperty("groups").GetProperty("total");
        Assert.Equal(ownRow.GetProperty("a").GetDouble(), total.GetProperty("a").GetDouble(), 6);
        Assert.Equal(ownRow.GetProperty("b").GetDouble(), total.GetProperty("b").GetDouble(), 6);
        Assert.Equal(
            countyDiff.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("code").GetString()!.StartsWith(Huayuan, StringComparison.Ordinal)).Count(),
            diff.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Keys_TownshipAdmin_HandsOutOnlyScopesInsideItsTownship()
    {
        using var countyAdmin = api.Client("admin", "guixi");
        var village = await countyAdmin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "360681001003", label = "炼厂社区" });
        Assert.Equal(HttpStatusCode.Created, village.StatusCode);

        using var townshipAdmin = api.Client("admin", "huayuan");
        await Problems.AssertProblem(await townshipAdmin.PostAsJsonAsync("/keys", new { role = "viewer", scope = "360681" }), HttpStatusCode.UnprocessableEntity, "scope");
        await Problems.AssertProblem(await townshipAdmin.PostAsJsonAsync("/keys", new { role = "admin", scope = "" }), HttpStatusCode.UnprocessableEntity, "scope");
        await Problems.AssertProblem(await townshipAdmin.PostAsJsonAsync("/keys", new { role = "viewer", scope = Xiongshi }), HttpStatusCode.UnprocessableEntity, "scope");
        var own = await (await townshipAdmin.PostAsJsonAsync("/keys", new { role = "planner", label = "own scope by default" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Huayuan, own.GetProperty("info").GetProperty("scope").GetString());
        Assert.All((await townshipAdmin.GetFromJsonAsync<JsonElement>("/keys")).EnumerateArray(), k => Assert.StartsWith(Huayuan, k.GetProperty("scope").GetString()));

        // The village key sees its village of the county, and nothing above it.
        using var villageKey = api.Client((await village.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        var units = await Codes(villageKey, "/regions/guixi/collections/units/items?limit=10000", "code");
        Assert.Contains("360681001003", units);
        Assert.All(units, c => Assert.StartsWith("360681001003", c));
    }

    private static Geometry Boundary(Region region, string code) => region.Units.Single(u => u.Code == code).Boundary;

    private static Point Point(double lon, double lat) => new(lon, lat);

    private static Geometry GeometryOf(JsonElement feature) => feature.GetProperty("geometry").Deserialize<Geometry>(GeoJson)!;

    private static async Task<List<string>> Codes(HttpClient client, string path, string property) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty(property).GetString()!)];

    /// <summary>Whether a county feature lies in the township by the same rule as the checks above.</summary>
    private static bool InTownship(string collection, JsonElement f, Geometry boundary, Dictionary<string, Station> stations)
    {
        var p = f.GetProperty("properties");
        return collection switch
        {
            "units" => p.GetProperty("code").GetString()!.StartsWith(Huayuan, StringComparison.Ordinal),
            "demand" or "stations" or "teams" or "needs" => p.GetProperty("unit_code").GetString()!.StartsWith(Huayuan, StringComparison.Ordinal),
            "circles" => stations[p.GetProperty("station_id").GetString()!].UnitCode!.StartsWith(Huayuan, StringComparison.Ordinal),
            _ => boundary.Intersects(GeometryOf(f)),
        };
    }
}
