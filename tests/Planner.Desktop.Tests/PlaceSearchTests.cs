using System.Text.Json;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>
/// The place search in real Chromium: a unit found by division code (the synthetic county) or by Chinese name
/// (Guixi's villages), the view then centred on the unit's extent worked out here from the region's own boundary
/// file in Web Mercator, the unit selected and its panel open.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class PlaceSearchTests(DesktopApp app, GuixiApp guixi, ITestOutputHelper output) : IClassFixture<GuixiApp>
{
    private const double R = 6378137;

    [Fact]
    public async Task Search_ByDivisionCode_CentresTheViewOnTheVillagesExtent()
    {
        var page = await app.OpenMapAsync();
        var village = app.Region.Units.Where(u => u.Level == AdminLevel.Village).OrderBy(u => u.Code, StringComparer.Ordinal).Last();
        await SearchAndAssertAsync(page, village.Code, village);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Search_ByChineseName_FindsTheVillage_OverTheBasemap()
    {
        var page = await guixi.App.OpenMapAsync("zh");
        var village = guixi.App.Region.Units.Single(u => u.Name == "白果居民委员会");
        await SearchAndAssertAsync(page, "白果", village);
        var stats = (await page.EvaluateAsync<JsonElement>("() => window.__planner.basemap")).GetProperty("loaded").GetInt32();
        Assert.True(stats > 0, "no basemap tile was drawn");
        var shot = await DesktopApp.ScreenshotAsync(page, "search-guixi-village");
        output.WriteLine($"screenshot {shot}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Search_NameWithMarkup_IsListedAsText()
    {
        var page = await app.OpenMapAsync();
        await page.Locator("#place-search").FillAsync("乡");
        var hit = page.Locator("#search-results .search-hit").First;
        Assert.Contains(DesktopApp.MarkupTownshipName, await hit.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__injected ?? null"));
        Assert.Equal(0, await page.Locator("#search-results img").CountAsync());
        await page.CloseAsync();
    }

    /// <summary>Types the text, takes the first hit with Enter, and checks the view, the selection and the panel.</summary>
    private static async Task SearchAndAssertAsync(IPage page, string text, AdminUnit unit)
    {
        await page.Locator("#place-search").FillAsync(text);
        var first = page.Locator("#search-results .search-hit").First;
        Assert.Equal(unit.Code, await first.GetAttributeAsync("data-id"));
        Assert.Contains(unit.Name, await first.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#place-search").PressAsync("Enter");

        // The unit's extent in Web Mercator from its boundary (lon/lat → metres, corner by corner), and its centre.
        var e = unit.Boundary.EnvelopeInternal;
        var (minX, minY) = Mercator(e.MinX, e.MinY);
        var (maxX, maxY) = Mercator(e.MaxX, e.MaxY);
        var view = await page.EvaluateAsync<JsonElement>("() => window.__planner.view");
        var centre = view.GetProperty("centre").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal((minX + maxX) / 2, centre[0], 0.01);
        Assert.Equal((minY + maxY) / 2, centre[1], 0.01);
        var extent = view.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(extent[0] <= minX && extent[1] <= minY && extent[2] >= maxX && extent[3] >= maxY, $"view {string.Join(", ", extent)} does not show the unit {minX}, {minY}, {maxX}, {maxY}");

        var selection = await page.EvaluateAsync<JsonElement>("() => window.__planner.selection");
        Assert.Equal(("unit", unit.Code), (selection.GetProperty("kind").GetString(), selection.GetProperty("id").GetString()));
        Assert.False(await page.Locator("#tab-inspect").IsHiddenAsync());
        Assert.Contains(unit.Name, await page.Locator("#inspect").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static (double X, double Y) Mercator(double lon, double lat) =>
        (R * lon * Math.PI / 180, R * Math.Log(Math.Tan((Math.PI / 4) + (lat * Math.PI / 360))));
}
