using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>Side-by-side comparison and the exports, in a real browser against the real API.</summary>
[Collection(DesktopCollection.Name)]
public sealed class CompareExportTests(DesktopApp app)
{
    [Fact]
    public async Task Compare_BaselineAgainstEdits_TableShowsTheApiFiguresAndTheirDifference()
    {
        var page = await app.OpenMapAsync();
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("#minutes").FillAsync("20");
        await page.Locator("#minutes").DispatchEventAsync("change");
        await DesktopApp.WaitForWhatIfAsync(page, count);
        var stations = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        var wider = await app.WhatIfAsync(stations, 20, report["mode"]!.GetValue<string>());

        await page.Locator("#tabs button[data-tab=compare]").ClickAsync();
        await page.Locator("#compare-a").SelectOptionAsync("baseline");
        await page.Locator("#compare-b").SelectOptionAsync("current");
        await page.Locator("#compare-show").ClickAsync();

        await page.Locator("#compare").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var row = await page.Locator("#compare-table tr:nth-child(2) td").AllInnerTextsAsync();
        double before = report["groups"]!["total"]!["covered"]!.GetValue<double>(), after = wider["report"]!["groups"]!["total"]!["covered"]!.GetValue<double>();
        Assert.StartsWith(Math.Round(before).ToString(System.Globalization.CultureInfo.InvariantCulture), row[1], StringComparison.Ordinal);
        Assert.StartsWith(Math.Round(after).ToString(System.Globalization.CultureInfo.InvariantCulture), row[2], StringComparison.Ordinal);
        Assert.Equal($"+{Math.Round(after - before)}", row[3]);
        await page.Locator("#map-a canvas").First.WaitForAsync();
        await page.Locator("#map-b canvas").First.WaitForAsync();
        await DesktopApp.ScreenshotAsync(page, "compare");
        await page.CloseAsync();
    }

    [Fact]
    public async Task SaveScenario_TwiceAfterEdits_StoresTheEditsThroughTheApiWithItsVersion()
    {
        var page = await app.OpenMapAsync();
        var id = app.Region.Stations[0].Id;
        await DragByAsync(page, id, 40, 30);
        var name = "desktop-" + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        await page.Locator("#scenario-name").FillAsync(name);
        await page.Locator("#save-scenario").ClickAsync();
        await page.WaitForFunctionAsync("n => window.__planner.savedScenario && window.__planner.savedScenario.name === n && window.__planner.busy === 0", name);

        var stored = await app.GetJsonAsync($"regions/{app.RegionName}/scenarios/{name}");
        var edits = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"))!;
        Assert.Equal(edits.ToJsonString(), stored["edits"]!.ToJsonString());
        Assert.Equal("move_station", stored["edits"]![0]!["kind"]!.GetValue<string>());
        var version = stored["version"]!.GetValue<long>();

        // A second save of the same scenario is a PUT carrying the ETag of the first.
        await DragByAsync(page, id, -20, 25);
        await page.Locator("#save-scenario").ClickAsync();
        await page.WaitForFunctionAsync("v => window.__planner.savedScenario && window.__planner.savedScenario.version > v && window.__planner.busy === 0", version);
        stored = await app.GetJsonAsync($"regions/{app.RegionName}/scenarios/{name}");
        Assert.Equal(2, stored["edits"]!.AsArray().Count);
        Assert.True(stored["version"]!.GetValue<long>() > version);
        await page.CloseAsync();
    }

    private static async Task DragByAsync(IPage page, string id, float dx, float dy)
    {
        var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)from[0] + dx, (float)from[1] + dy, new MouseMoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
        await DesktopApp.WaitForWhatIfAsync(page, count);
    }

    [Fact]
    public async Task Export_ViewAndLayersAndReport_ComeOutWhole()
    {
        var page = await app.OpenMapAsync();
        var png = await page.EvaluateAsync<string>("() => window.__planner.exportPng()");
        Assert.StartsWith("data:image/png;base64,", png, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(png["data:image/png;base64,".Length..]);
        Assert.True(bytes.Length > 10_000, $"PNG of the view is only {bytes.Length} bytes");
        await File.WriteAllBytesAsync(Path.Combine(DesktopApp.ArtifactFolder, "export-view.png"), bytes);

        var geojson = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.exportGeoJson())"))!;
        var counts = await page.EvaluateAsync<Dictionary<string, int>>("() => window.__planner.counts");
        var byLayer = geojson["features"]!.AsArray().GroupBy(f => f!["properties"]!["layer"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        foreach (var layer in new[] { "units", "roads", "demand", "stations", "circles", "gaps" })
        {
            Assert.Equal(counts[layer], byLayer.GetValueOrDefault(layer));
        }

        await page.Locator("#export-menu summary").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.Locator("#export-report").ClickAsync());
        await popup.WaitForLoadStateAsync();
        var html = await popup.ContentAsync();
        await File.WriteAllTextAsync(Path.Combine(DesktopApp.ArtifactFolder, "export-report.html"), html);
        // The page is the official report (Planner.Reports), in the page's language (English here).
        Assert.Equal($"{app.Region.Info.Name} social-work station coverage report", await popup.TitleAsync());
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
