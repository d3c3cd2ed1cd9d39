using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Api.Tests;

/// <summary>
/// A county brings its own files through the API: <c>POST /regions</c> creates an empty region, <c>PUT
/// /regions/{r}/layers/{layer}</c> stores boundary files (GeoJSON, a zipped Shapefile and a GeoPackage written by
/// GDAL's ogr2ogr, in a Gauss-Krüger zone) and station tables (CSV, .xlsx written by OpenXml). Expected values come
/// from the source files themselves. Every test makes its own region, so tests do not share data; the class has its own
/// host (not the shared collection's), so that the regions it adds do not show in other classes' region lists.
/// </summary>
public sealed class RegionUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string StationsCsv = "编号,名称,经度,纬度,级别,状态,社工人数\n" +
        "a1,东门街道社工站,117.2300,28.2850,乡镇(街道),运营中,3\n" +
        "a2,花园社区服务点,117.2260,28.2830,村(社区),规划中,1\n";

    private static string TinyUnits => Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny", "units.geojson");

    [Fact]
    public async Task CreateRegion_AdminKey_ServedInListWithEtag()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = NewKey();
        var created = await admin.PostAsJsonAsync("/regions", new { key, code = "360602", title = "月湖区", crs = "cgcs2000" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var list = await admin.GetFromJsonAsync<JsonElement>("/regions");
        var entry = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == key);
        Assert.Equal("360602", entry.GetProperty("code").GetString());
        Assert.Equal("月湖区", entry.GetProperty("title").GetString());

        var one = await admin.GetAsync($"/regions/{key}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("\"1\"", one.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task CreateRegion_ScopedPlannerKey_OnlyWithinItsScope()
    {
        using var planner = api.Client("planner", "synth");
        var inside = await planner.PostAsJsonAsync("/regions", new { key = NewKey(), code = "361181", title = "德兴市" });
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);

        var outside = await planner.PostAsJsonAsync("/regions", new { key = NewKey(), code = "360602", title = "月湖区" });
        await Problems.AssertProblem(outside, HttpStatusCode.Forbidden, "code");

        using var viewer = api.Client("viewer", "synth");
        var byViewer = await viewer.PostAsJsonAsync("/regions", new { key = NewKey(), code = "361182", title = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }

    [Theory]
    [InlineData("Bad Key!", "360602", "t", null, "key")]
    [InlineData("ok-key", "36060", "t", null, "code")]
    [InlineData("ok-key", "360602", "", null, "title")]
    [InlineData("ok-key", "360602", "t", "gcj02", "crs")]
    public async Task CreateRegion_BadField_422NamingIt(string key, string code, string title, string? crs, string field)
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var response = await admin.PostAsJsonAsync("/regions", new { key, code, title, crs });
        await Problems.AssertProblem(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task CreateRegion_KeyOrCodeTaken_Conflict()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/regions", new { key, code = "360603", title = "a" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/regions", new { key, code = "360604", title = "b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/regions", new { key = NewKey(), code = "360681", title = "c" })).StatusCode);
    }

    [Fact]
    public async Task UploadUnits_ZippedGaussKrugerShapefile_VerticesAsInSource()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var folder = TestFiles.TempFolder();
        var shp = Path.Combine(folder, "乡镇村.shp");
        TestFiles.Tool("ogr2ogr", ["-f", "ESRI Shapefile", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-lco", "ENCODING=GBK", "-where", "level <> 'county'", shp, TinyUnits]);
        var zip = Path.Combine(folder, "units.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var part in Directory.GetFiles(folder, "乡镇村.*"))
            {
                archive.CreateEntryFromFile(part, "boundaries/" + Path.GetFileName(part));
            }
        }

        var response = await UploadAsync(admin, key, "units", zip, "application/zip", "\"1\"", "codeField=code&nameField=name&levelField=level");
        var body = await Ok(response);
        Assert.Equal(3, body.GetProperty("count").GetInt32());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        var source = SourceUnits().Where(u => u.Level != "county").ToDictionary(u => u.Code);
        var items = await admin.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/units/items");
        var served = items.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(source.Keys.Order(), served.Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).Order());
        foreach (var f in served)
        {
            var code = f.GetProperty("properties").GetProperty("code").GetString()!;
            var ring = f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList();
            foreach (var (lon, lat) in source[code].Ring)
            {
                // 1e-6 degrees is about 0.1 m: the GK projection round trip (ogr2ogr out, ProjNet back) lands far closer.
                Assert.Contains(ring, c => Math.Abs(c.Item1 - lon) < 1e-6 && Math.Abs(c.Item2 - lat) < 1e-6);
            }
        }
    }

    [Fact]
    public async Task UploadUnits_GeoPackageAndGeoJson_BothStored()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var folder = TestFiles.TempFolder();
        var gpkg = Path.Combine(folder, "units.gpkg");
        TestFiles.Tool("ogr2ogr", ["-f", "GPKG", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-nln", "xiangzhen", "-where", "level = 'township'", gpkg, TinyUnits]);
        var first = await Ok(await UploadAsync(admin, key, "units", gpkg, "application/geopackage+sqlite3", "\"1\"", "codeField=code&nameField=name&level=township"));
        Assert.Equal(2, first.GetProperty("count").GetInt32());

        var second = await Ok(await UploadAsync(admin, key, "units", TinyUnits, "application/geo+json", "\"2\"", "codeField=code&nameField=name&levelField=level"));
        Assert.Equal(4, second.GetProperty("count").GetInt32());
        var items = await admin.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/units/items");
        Assert.Equal(4, items.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task UploadStations_CsvThenXlsx_EachReplacesTheLayer()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var folder = TestFiles.TempFolder();
        var csv = Path.Combine(folder, "社工站.csv");
        File.WriteAllText(csv, StationsCsv, new UTF8Encoding(false));
        var gbk = Path.Combine(folder, "社工站-gbk.csv");
        TestFiles.Iconv(csv, gbk, "GBK");
        var first = await Ok(await UploadAsync(admin, key, "stations", gbk, "text/csv", "\"1\""));
        Assert.Equal(2, first.GetProperty("count").GetInt32());
        var stations = await StationsAsync(admin, key);
        Assert.Equal(["a1", "a2"], stations.Keys.Order());
        Assert.Equal((117.2300, 28.2850), stations["a1"].Location);
        Assert.Equal(("township_station", "operating", 3), (stations["a1"].Level, stations["a1"].Status, stations["a1"].Workers));
        Assert.Equal(("village_point", "planned"), (stations["a2"].Level, stations["a2"].Status));

        var xlsx = Path.Combine(folder, "社工站.xlsx");
        TestFiles.WriteXlsx(xlsx, ["站点名称", "经度", "纬度", "社工人数"], [["雄石街道社工站", "117.2450", "28.2851", "2"]]);
        var second = await Ok(await UploadAsync(admin, key, "stations", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "\"2\""));
        Assert.Equal(1, second.GetProperty("count").GetInt32());
        var replaced = await StationsAsync(admin, key);
        Assert.Equal((117.2450, 28.2851), Assert.Single(replaced.Values).Location);
    }

    [Fact]
    public async Task UploadStations_LargerThanTheJsonBodyLimit_Stored()
    {
        // The fixture's JSON body limit is 64 KiB; a county's table is bigger, and uploads have their own limit (Planner:MaxUploadBytes).
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var csv = Path.Combine(TestFiles.TempFolder(), "全县站点.csv");
        var rows = Enumerable.Range(0, 3000).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"s{i},站点{i},{117.22 + (i % 60) * 0.0005:0.0000},{28.28 + (i / 60) * 0.0004:0.0000}"));
        File.WriteAllText(csv, "编号,名称,经度,纬度\n" + string.Join("\n", rows) + "\n");
        Assert.True(new FileInfo(csv).Length > 65536);
        var body = await Ok(await UploadAsync(admin, key, "stations", csv, "text/csv", "\"1\""));
        Assert.Equal(3000, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task UploadStations_BadRows_422NamesEachAndLayerIntact()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var folder = TestFiles.TempFolder();
        var good = Path.Combine(folder, "good.csv");
        File.WriteAllText(good, StationsCsv);
        await Ok(await UploadAsync(admin, key, "stations", good, "text/csv", "\"1\""));
        var before = await FeaturesTextAsync(admin, key, "stations");

        var bad = Path.Combine(folder, "bad.csv");
        File.WriteAllText(bad, "编号,名称,经度,纬度,状态\nb1,甲,117.23,28.285,运营中\nb2,乙,117.23,95.5,运营中\nb3,丙,117.24,28.286,拆除中\n");
        var response = await UploadAsync(admin, key, "stations", bad, "text/csv", "\"2\"");
        var problem = await Problems.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        var problems = problem.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("file").GetString(), p.GetProperty("feature").GetString(), p.GetProperty("field").GetString())).ToList();
        Assert.Equal([("bad.csv", "row 3", "经度"), ("bad.csv", "row 4", "状态")], problems);
        Assert.True(problem.GetProperty("errors").TryGetProperty("状态", out _));

        Assert.Equal(before, await FeaturesTextAsync(admin, key, "stations"));
        var region = await admin.GetAsync($"/regions/{key}");
        Assert.Equal("\"2\"", region.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task UploadUnits_FeatureWithoutName_422NamesFeatureAndField()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var file = Path.Combine(TestFiles.TempFolder(), "村.geojson");
        File.WriteAllText(file, """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"360681001","name":"东门街道"},"geometry":{"type":"Polygon","coordinates":[[[117.22,28.28],[117.235,28.28],[117.235,28.30],[117.22,28.28]]]}},
            {"type":"Feature","properties":{"code":"360681002","name":""},"geometry":{"type":"Polygon","coordinates":[[[117.235,28.28],[117.25,28.28],[117.25,28.30],[117.235,28.28]]]}}]}
            """);
        var response = await UploadAsync(admin, key, "units", file, "application/geo+json", "\"1\"", "codeField=code&nameField=name&level=township");
        var problem = await Problems.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "name");
        var p = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("feature 2 (360681002)", p.GetProperty("feature").GetString());
        Assert.Equal("村.geojson", p.GetProperty("file").GetString());
        var items = await admin.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/units/items");
        Assert.Equal(0, items.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Upload_StaleOrMissingIfMatch_RefusedAndNothingStored()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var csv = Path.Combine(TestFiles.TempFolder(), "s.csv");
        File.WriteAllText(csv, StationsCsv);
        await Problems.AssertProblem(await UploadAsync(admin, key, "stations", csv, "text/csv", null), HttpStatusCode.PreconditionRequired, "If-Match");
        await Ok(await UploadAsync(admin, key, "stations", csv, "text/csv", "\"1\""));

        // A second office still holding version 1 is refused, and the first upload stays.
        await Problems.AssertProblem(await UploadAsync(admin, key, "stations", csv, "text/csv", "\"1\""), HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal("\"2\"", (await admin.GetAsync($"/regions/{key}")).Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Upload_ByViewerOrOtherCounty_Refused()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var csv = Path.Combine(TestFiles.TempFolder(), "s.csv");
        File.WriteAllText(csv, StationsCsv);
        using var viewer = api.Client("viewer", "tiny");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(viewer, key, "stations", csv, "text/csv", "\"1\"")).StatusCode);
        using var other = api.Client("planner", "synth");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, key, "stations", csv, "text/csv", "\"1\"")).StatusCode);
    }

    [Fact]
    public async Task Upload_UnknownMediaType_415()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await CreateAsync(admin, "360681");
        var file = Path.Combine(TestFiles.TempFolder(), "s.pdf");
        File.WriteAllText(file, "%PDF-1.4");
        await Problems.AssertProblem(await UploadAsync(admin, key, "stations", file, "application/pdf", "\"1\""), HttpStatusCode.UnsupportedMediaType, "Content-Disposition");
    }

    private static string NewKey() => "byo-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A new region for one test, under a fresh 12-digit code within <paramref name="county"/> (tiny's keys see it; tiny itself has 360681).</summary>
    private static async Task<string> CreateAsync(HttpClient admin, string county)
    {
        var key = NewKey();
        var code = county + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsJsonAsync("/regions", new { key, code, title = "上传测试" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return key;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string key, string layer, string path, string mediaType, string? ifMatch, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/regions/{key}/layers/{layer}" + (query.Length > 0 ? "?" + query : string.Empty))
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(path)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = Path.GetFileName(path) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A layer's features as served, as JSON text (the response's timestamp left out).</summary>
    private static async Task<string> FeaturesTextAsync(HttpClient client, string key, string layer) =>
        (await client.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/{layer}/items")).GetProperty("features").GetRawText();

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<Dictionary<string, (string Level, string Status, int Workers, (double, double) Location)>> StationsAsync(HttpClient client, string key)
    {
        var items = await client.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/stations/items");
        return items.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("id").GetString()!,
            f =>
            {
                var p = f.GetProperty("properties");
                var c = f.GetProperty("geometry").GetProperty("coordinates");
                return (p.GetProperty("level").GetString()!, p.GetProperty("status").GetString()!, p.GetProperty("social_workers").GetInt32(), (Math.Round(c[0].GetDouble(), 6), Math.Round(c[1].GetDouble(), 6)));
            });
    }

    private static IEnumerable<(string Code, string Level, List<(double, double)> Ring)> SourceUnits()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TinyUnits));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(f => (
            f.GetProperty("properties").GetProperty("code").GetString()!,
            f.GetProperty("properties").GetProperty("level").GetString()!,
            f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList()))];
    }
}
