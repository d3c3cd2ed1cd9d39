using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>
/// The public-buildings layer in a real browser against the real API: its count against the region's
/// public_buildings.geojson (read here, not through the API), what a click on a building shows in English and
/// Chinese, and a region without buildings.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class PublicBuildingsTests(DesktopApp app, ITestOutputHelper output)
{
    /// <summary>Kind labels the page must show, written out here rather than taken from the page; other kinds show as given.</summary>
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["townhall"] = "town hall", ["government"] = "government office", ["school"] = "school", ["kindergarten"] = "kindergarten",
        ["community_centre"] = "community centre", ["social_facility"] = "social facility", ["social_centre"] = "social centre",
        ["clinic"] = "clinic", ["doctors"] = "clinic", ["hospital"] = "hospital", ["library"] = "library", ["nursing_home"] = "nursing home",
    };

    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["townhall"] = "政府/街道办", ["government"] = "政府机关", ["school"] = "学校", ["kindergarten"] = "幼儿园",
        ["community_centre"] = "社区服务中心", ["social_facility"] = "社会福利设施", ["social_centre"] = "社会活动中心",
        ["clinic"] = "诊所", ["doctors"] = "诊所", ["hospital"] = "医院", ["library"] = "图书馆", ["nursing_home"] = "养老院",
    };

    private sealed record Building(string Id, string Name, string Kind, double Lon, double Lat);

    /// <summary>The region's public_buildings.geojson as the app was given it; empty when the region has none.</summary>
    private List<Building> ReadFile()
    {
        var path = Path.Combine(app.RegionFolder, "public_buildings.geojson");
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. JsonNode.Parse(File.ReadAllText(path))!["features"]!.AsArray().Select(f =>
        {
            var p = f!["properties"]!;
            var xy = f["geometry"]!["coordinates"]!.AsArray();
            string id = p["id"]!.GetValue<string>(), kind = p["kind"]!.GetValue<string>();
            // The region format names an unnamed building "KIND ID".
            return new Building(id, p["name"]?.GetValue<string>() ?? $"{kind} {id}", kind, xy[0]!.GetValue<double>(), xy[1]!.GetValue<double>());
        })];
    }

    [Fact]
    public async Task PublicBuildings_LayerListAndLegend_ShowTheLayerVisible_WithTheFilesFeatureCount()
    {
        var expected = ReadFile().Count;
        var page = await app.OpenMapAsync();

        var row = page.Locator("#layer-list li").Filter(new LocatorFilterOptions { Has = page.Locator("#layer-public_buildings") });
        Assert.Equal("Public buildings", await row.Locator("label").InnerTextAsync());
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await row.Locator(".count").InnerTextAsync());
        Assert.Equal(expected, await page.EvaluateAsync<int>("() => window.__planner.counts.public_buildings"));
        Assert.True(await page.Locator("#layer-public_buildings").IsCheckedAsync());
        Assert.Contains("public_buildings", await page.EvaluateAsync<string[]>("() => window.__planner.visibleLayers"));
        Assert.Equal("Public buildings", await page.Locator("#legend [data-layer=public_buildings]").InnerTextAsync());

        await page.Locator("#layer-public_buildings").UncheckAsync();
        Assert.DoesNotContain("public_buildings", await page.EvaluateAsync<string[]>("() => window.__planner.visibleLayers"));
        await page.Locator("#layer-public_buildings").CheckAsync();
        output.WriteLine($"region {app.RegionName}: {expected} public buildings");
        await DesktopApp.ScreenshotAsync(page, "public-buildings");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ClickPublicBuilding_ShowsItsNameAndKind_AndChineseTranslatesTheLabelAndKind()
    {
        var buildings = ReadFile();
        Assert.True(buildings.Count > 0, $"the test region {app.RegionName} has no public buildings to click");

        // A building with a station or another building within 30 m would be hidden under it at zoom 17: skip those.
        var stations = app.Region.Stations.Select(s => (s.Location.Lon, s.Location.Lat)).ToList();
        var clear = buildings.Where(b => stations.Concat(buildings.Where(o => o != b).Select(o => (o.Lon, o.Lat))).All(p => Metres(b.Lon, b.Lat, p.Item1, p.Item2) > 30)).ToList();
        Assert.True(clear.Count > 0, "every public building has a station or another building within 30 m");

        var page = await app.OpenMapAsync("en");
        foreach (var b in clear)
        {
            await ClickAsync(page, b);
            Assert.Equal($"Public building: {b.Name}", await page.Locator("#inspect-title").InnerTextAsync());
            Assert.Equal(English.GetValueOrDefault(b.Kind, b.Kind), await page.Locator("#inspect-kind").InnerTextAsync());
        }

        await DesktopApp.ScreenshotAsync(page, "public-building-inspected");
        await page.Locator("#language").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__planner.language === 'zh'");
        Assert.Equal("公共建筑", await page.Locator("label[for=layer-public_buildings]").InnerTextAsync());
        foreach (var b in clear)
        {
            await ClickAsync(page, b);
            Assert.Equal($"公共建筑: {b.Name}", await page.Locator("#inspect-title").InnerTextAsync());
            Assert.Equal(Chinese.GetValueOrDefault(b.Kind, b.Kind), await page.Locator("#inspect-kind").InnerTextAsync());
        }

        output.WriteLine($"clicked {clear.Count} of {buildings.Count} buildings: {string.Join(", ", clear.Select(b => $"{b.Id} {b.Kind}"))}");
        await DesktopApp.ScreenshotAsync(page, "public-building-inspected-zh");
        await page.CloseAsync();
    }

    [Fact]
    public async Task PublicBuildings_RegionWithoutAny_ListsTheLayerWithZero_AndTheMapWorks()
    {
        // A region without public_buildings.geojson is served as an empty collection; the page is given one.
        var errors = new List<string>();
        var page = await app.OpenMapAsync("en", p =>
        {
            p.PageError += (_, e) => errors.Add(e);
            return p.RouteAsync("**/collections/public_buildings/items**", r => r.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "application/geo+json",
                Body = """{"type":"FeatureCollection","features":[],"numberMatched":0,"numberReturned":0,"links":[]}""",
            }));
        });

        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__planner.counts.public_buildings"));
        Assert.Equal("0", await page.Locator("#layer-public_buildings ~ .count").InnerTextAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__planner.error"));
        Assert.True(await page.EvaluateAsync<int>("() => window.__planner.counts.circles") > 0);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private static async Task ClickAsync(IPage page, Building b)
    {
        await page.EvaluateAsync("([lon, lat]) => window.__planner.centreOn(lon, lat, 17)", new[] { b.Lon, b.Lat });
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id, 'public_buildings')", b.Id);
        await page.Mouse.ClickAsync((float)xy[0], (float)xy[1]);
        await page.WaitForFunctionAsync("id => window.__planner.selection && window.__planner.selection.id === id", b.Id);
    }

    /// <summary>Distance in metres between two WGS84 points, on the local tangent plane (enough for "within 30 m").</summary>
    private static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        double dx = (lon2 - lon1) * 111_320 * Math.Cos(lat1 * Math.PI / 180), dy = (lat2 - lat1) * 110_574;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
