using System.Text.RegularExpressions;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Standards;

namespace Planner.Api.Tests;

/// <summary>Coverage reports: the same figures as the core computes, in every format and language.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class CoverageTests(ApiFixture api)
{
    [Theory]
    [InlineData("tiny", "", 15, "walk", false)]
    [InlineData("synth", "", 15, "walk", false)]
    [InlineData("synth", "?minutes=15", 15, "walk", false)]
    [InlineData("tiny", "?minutes=5&mode=ebike&includePlanned=true", 5, "ebike", true)]
    [InlineData("synth", "?minutes=10&includePlanned=true", 10, "walk", true)]
    public async Task Json_EqualsCoverageCalculatorForTheSameRegion(string county, string query, double minutes, string mode, bool planned)
    {
        using var client = api.Client("viewer", county);
        var response = await client.GetAsync($"/regions/{county}/coverage{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var region = await api.StoredRegionAsync(county);
        var options = new CoverageOptions { Minutes = minutes, Mode = mode, IncludePlanned = planned };

        // No minutes, mode or speed: the standard's circle (GB 50180-2018, 15-minute walk, 1,000 m cap); otherwise ad hoc.
        options = query.Length == 0 ? options.ForCircle(Planner.Core.Circles.LifeCircleCatalog.Builtin().Default) : options;
        var expected = CoverageCalculator.Compute(region, options);
        Assert.Equal(CoverageWriters.ToJson(expected), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_TinyRegion_MatchesHandCountedFixture()
    {
        // tiny: one operating station s1 on 建设路 at 117.235E. d1 (120 people, 0.98 km west along the road)
        // and d2 (80, 0.49 km east) are within a 15-minute walk at 4.8 km/h (1.2 km); d3 (50) is 1.22 km
        // up the footway, just out. The elderly walk 3.6 km/h (0.9 km): only d2's 10 elderly are in.
        // This is the ad-hoc 15-minute circle (?minutes=15: time alone decides).
        using var client = api.Client("viewer", "tiny");
        var body = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage?minutes=15");
        var total = body.GetProperty("groups").GetProperty("total");
        Assert.Equal(250, total.GetProperty("population").GetDouble());
        Assert.Equal(200, total.GetProperty("covered").GetDouble());
        Assert.Equal(0.8, total.GetProperty("share").GetDouble(), 6);
        Assert.Equal(10, body.GetProperty("groups").GetProperty("elderly").GetProperty("covered").GetDouble());

        // The default, GB 50180's 1,000 m cap: d1's walk with its off-road legs is 1,055.5 m (see the CLI's
        // hand count), so only d2's 80 people stay; ?noCap=true brings d1 back.
        var standard = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage");
        Assert.Equal(("gb50180-15min", 1000.0), (standard.GetProperty("circle").GetString(), standard.GetProperty("capMeters").GetDouble()));
        Assert.Equal(80, standard.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble());
        Assert.Equal((3, 1), (standard.GetProperty("settlements").GetProperty("points").GetInt32(), standard.GetProperty("settlements").GetProperty("covered").GetInt32()));
        var lifted = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage?noCap=true");
        Assert.Equal(200, lifted.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble());
    }

    [Theory]
    [InlineData("?circle=gb50180-20min", "circle")]
    [InlineData("?circle=gb50180-5min&minutes=10", "circle")]
    [InlineData("?noCap=maybe", "noCap")]
    public async Task Json_BadCircle_ProblemNamesTheField(string query, string field)
    {
        using var client = api.Client("viewer", "tiny");
        using var response = await client.GetAsync($"/regions/tiny/coverage{query}");
        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_RepeatedCircle_EveryTierInOneAnswerAsTheCliWritesIt()
    {
        using var client = api.Client("viewer", "synth");
        var text = await client.GetStringAsync("/regions/synth/coverage?circle=gb50180-5min&circle=gb50180-15min");

        var region = await api.StoredRegionAsync("synth");
        var catalog = Planner.Core.Circles.LifeCircleCatalog.Builtin();
        var expected = CoverageTiers.Compute(region, [.. new[] { "gb50180-5min", "gb50180-15min" }.Select(id => new CoverageOptions().ForCircle(catalog.Find(id)!))]);
        Assert.Equal(CoverageWriters.TiersJson(expected), text);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(["gb50180-5min", "gb50180-15min"], doc.RootElement.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("circle").GetString()));

        var csv = await client.GetStringAsync("/regions/synth/coverage?circle=gb50180-5min&circle=gb50180-15min&f=csv");
        Assert.Equal(CoverageWriters.UnitsCsv(expected), csv);
    }

    [Theory]
    [InlineData("?circle=gb50180-5min&circle=gb50180-5min", "circle")]
    [InlineData("?circle=gb50180-5min&circle=gb50180-7min", "circle")]
    [InlineData("?circle=gb50180-5min&circle=gb50180-15min&f=html", "f")]
    public async Task Json_RepeatedCircleProblems_NameTheField(string query, string field)
    {
        using var client = api.Client("viewer", "tiny");
        using var response = await client.GetAsync($"/regions/tiny/coverage{query}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_IsTheClisUnitsCsv_AndAgreesWithJson()
    {
        using var client = api.Client("viewer", "synth");
        var json = await client.GetFromJsonAsync<JsonElement>("/regions/synth/coverage");
        var text = await client.GetStringAsync("/regions/synth/coverage?f=csv");
        var region = await api.StoredRegionAsync("synth");
        Assert.Equal(CoverageWriters.UnitsCsv(CoverageCalculator.Compute(region, new CoverageOptions().ForCircle(Planner.Core.Circles.LifeCircleCatalog.Builtin().Default))), text);
        var csv = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var units = json.GetProperty("units").EnumerateArray().ToList();
        int groups = json.GetProperty("groups").EnumerateObject().Count();
        Assert.Equal(1 + groups + units.Count * groups, csv.Length);
        foreach (var unit in units)
        {
            var code = unit.GetProperty("code").GetString()!;
            var row = csv.Single(l => l.StartsWith($"unit,{code},", StringComparison.Ordinal) && l.Contains(",total,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(unit.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble(), double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture), 3);
        }
    }

    [Fact]
    public async Task Accept_SelectsFormat()
    {
        using var client = api.Client("viewer", "tiny");
        ApiFixture.Accept(client, "text/csv");
        var response = await client.GetAsync("/regions/tiny/coverage");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);

        using var geo = api.Client("viewer", "tiny");
        ApiFixture.Accept(geo, "application/geo+json");
        var fc = await (await geo.GetAsync("/regions/tiny/coverage")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var kinds = fc.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("circle", kinds);
    }

    [Fact]
    public async Task GeoJson_CirclesAndGapsMatchJson()
    {
        using var client = api.Client("viewer", "synth");
        var json = await client.GetFromJsonAsync<JsonElement>("/regions/synth/coverage");
        var fc = await client.GetFromJsonAsync<JsonElement>("/regions/synth/coverage?f=geojson");
        var circles = fc.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "circle").ToList();
        var gaps = fc.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("properties").GetProperty("kind").GetString() == "gap");
        Assert.Equal(json.GetProperty("gaps").GetArrayLength(), gaps);
        var stations = json.GetProperty("stations").EnumerateArray().Where(s => s.GetProperty("areaKm2").GetDouble() > 0).ToList();
        Assert.Equal(stations.Count, circles.Count);
        foreach (var s in stations)
        {
            var c = circles.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == s.GetProperty("id").GetString());
            Assert.Equal(s.GetProperty("areaKm2").GetDouble(), c.GetProperty("properties").GetProperty("areaKm2").GetDouble(), 9);
            Assert.Contains(c.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        }
    }

    /// <summary>The page is the official report (Planner.Reports' model): chart, map, tables and one row per check.</summary>
    [Fact]
    public async Task Html_InChinese_HasChartMapTablesAndChecks()
    {
        using var client = api.Client("viewer", "tiny");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
        var response = await client.GetAsync("/regions/tiny/coverage?f=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<svg", html);
        Assert.Contains("src=\"data:image/png;base64,iVBOR", html);
        foreach (var heading in new[] { "社工站服务覆盖报告", "总体情况", "乡镇街道", "站点", "标准检查", "数据来源与许可" })
        {
            Assert.Contains(heading, html);
        }

        Assert.Contains("<td>老年人</td>", html);
        Assert.Contains("东门街道", html);
        Assert.DoesNotContain("Townships", html);

        var region = await api.StoredRegionAsync("tiny");
        var report = CoverageCalculator.Compute(region, new CoverageOptions().ForCircle(Planner.Core.Circles.LifeCircleCatalog.Builtin().Default));
        var rules = RuleSet.Load(Path.Combine(api.DataPath, "standards", "default.json"));
        var checks = StandardsChecker.Check(region, rules, [.. report.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered)))]);
        Assert.Equal(checks.Count(c => c.Passed), PassCell().Matches(html).Count);
        Assert.Equal(checks.Count(c => !c.Passed), FailCell().Matches(html).Count);
    }

    /// <summary>Deliberate change with the official report: Chinese unless English is asked for (the old page was English by default).</summary>
    [Fact]
    public async Task Html_ChineseByDefault_EnglishOnRequest()
    {
        using var client = api.Client("viewer", "tiny");
        var html = await client.GetStringAsync("/regions/tiny/coverage?f=html");
        Assert.Contains("<html lang=\"zh-CN\">", html);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        html = await client.GetStringAsync("/regions/tiny/coverage?f=html");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h2>Townships</h2>", html);
        Assert.Contains("<svg", html);
    }

    [Fact]
    public async Task Unit_NarrowsReportToTheTownship()
    {
        using var client = api.Client("viewer", "tiny");
        var whole = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/coverage");
        var town = whole.GetProperty("units").EnumerateArray().First(u => u.GetProperty("level").GetString() == "township");
        var code = town.GetProperty("code").GetString()!;
        var part = await client.GetFromJsonAsync<JsonElement>($"/regions/tiny/coverage?unit={code}");
        Assert.True(JsonElement.DeepEquals(town.GetProperty("groups"), part.GetProperty("groups")));
        Assert.All(part.GetProperty("units").EnumerateArray(), u => Assert.StartsWith(code, u.GetProperty("code").GetString()));
        Assert.Contains(part.GetProperty("units").EnumerateArray(), u => u.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task RepeatedRequest_IsServedFromCache()
    {
        using var client = api.Client("viewer", "synth");
        var first = System.Diagnostics.Stopwatch.StartNew();
        var a = await client.GetStringAsync("/regions/synth/coverage?minutes=13");
        first.Stop();
        var second = System.Diagnostics.Stopwatch.StartNew();
        var b = await client.GetStringAsync("/regions/synth/coverage?minutes=13&f=json");
        second.Stop();
        Assert.Equal(a, b);
        Assert.True(second.Elapsed < first.Elapsed, $"cached {second.Elapsed} vs first {first.Elapsed}");
    }

    [GeneratedRegex("<td>达标</td></tr>")]
    private static partial Regex PassCell();

    [GeneratedRegex("<td>不达标</td></tr>")]
    private static partial Regex FailCell();
}
