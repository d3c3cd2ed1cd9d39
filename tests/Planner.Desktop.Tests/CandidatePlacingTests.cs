using System.Text.Json.Nodes;

namespace Planner.Desktop.Tests;

/// <summary>Candidate sites placed on the map by clicks are the sites the recommendation chooses among.</summary>
[Collection(DesktopCollection.Name)]
public sealed class CandidatePlacingTests(DesktopApp app)
{
    [Fact]
    public async Task Candidates_PlacedByClicks_AreTheOnlySitesTheRecommendationChoosesFrom()
    {
        var page = await app.OpenMapAsync();
        await page.Locator("#tabs button[data-tab=recommend]").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('tab-recommend').hidden");
        var box = await page.EvaluateAsync<string>("() => { const e = document.getElementById('place-candidates'); const r = e.getBoundingClientRect(); return `${e.parentElement.parentElement.id} ${r.x},${r.y},${r.width}x${r.height} ${getComputedStyle(e).display} ${getComputedStyle(e).visibility}`; }");
        await DesktopApp.ScreenshotAsync(page, "candidates-before");
        Assert.True(await page.Locator("#place-candidates").IsVisibleAsync(), "the placing checkbox is not visible: " + box);
        await page.Locator("#place-candidates").CheckAsync();

        // Three of the most populous demand points, clicked where the map draws them.
        var spots = app.Region.Demand.OrderByDescending(d => d.Counts[0]).Take(3).ToList();
        foreach (var d in spots)
        {
            var px = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new object[] { d.Location.Lon, d.Location.Lat });
            await page.Mouse.ClickAsync((float)px[0], (float)px[1]);
            await page.WaitForTimeoutAsync(300); // two clicks within the double-click time would be a double click, not two placements
        }

        var placed = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.placedCandidates())"))!["features"]!.AsArray();
        Assert.Equal(3, placed.Count);
        // Within three screen pixels of the point: a pixel is `resolution` Mercator metres, and a Mercator metre is
        // 360 / (2π × 6378137) degrees of longitude and at most that of latitude.
        var resolution = await page.EvaluateAsync<double>("() => (window.__planner.view.extent[2] - window.__planner.view.extent[0]) / document.getElementById('map').clientWidth");
        double tolerance = 3 * resolution * 360 / (2 * Math.PI * 6378137);
        foreach (var (f, d) in placed.Zip(spots))
        {
            var c = f!["geometry"]!["coordinates"]!.AsArray();
            Assert.True(Math.Abs(c[0]!.GetValue<double>() - d.Location.Lon) < tolerance && Math.Abs(c[1]!.GetValue<double>() - d.Location.Lat) < tolerance, $"{f.ToJsonString()} vs {d.Location}");
        }

        // A click on a placed site removes it.
        var first = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new object[] { spots[0].Location.Lon, spots[0].Location.Lat });
        await page.Mouse.ClickAsync((float)first[0], (float)first[1]);
        await page.WaitForFunctionAsync("() => window.__planner.placedCandidates()?.features.length === 2");
        await page.Locator("#place-candidates").UncheckAsync();

        await page.Locator("#rec-model").SelectOptionAsync("mclp");
        await page.Locator("#rec-p").FillAsync("1");
        var sent = await page.RunAndWaitForRequestAsync(() => page.Locator("#rec-run").ClickAsync(), r => r.Url.EndsWith("/recommendations", StringComparison.Ordinal) && r.Method == "POST");
        await page.Locator("#rec-accept").WaitForAsync(new() { Timeout = 90_000 });
        var request = JsonNode.Parse(sent.PostData!)!;
        var sentIds = request["candidates"]!["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["placed-2", "placed-3"], sentIds);
        var shown = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.recommendations)"))!;
        var pick = Assert.Single(shown["sites"]!.AsArray());
        Assert.Contains(pick!["id"]!.GetValue<string>(), sentIds);
        await DesktopApp.ScreenshotAsync(page, "candidates-placed");
        await page.CloseAsync();
    }
}
