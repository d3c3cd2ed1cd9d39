using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Coverage;
using Planner.Core.Scenarios;

namespace Planner.Desktop.Tests;

/// <summary>
/// The page's edit list is its record of what the planner changed: the stations and parameters it shows and
/// sends are what the core's <see cref="ScenarioApplier"/> makes of the same edits.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class WhatIfEditsTests(DesktopApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Edits_MoveAddMoveRemoveAndMinutes_StationsShownAndSentEqualTheCoresApplicationOfTheEdits()
    {
        var page = await app.OpenMapAsync("en");
        string? lastSent = null;
        page.Request += (_, r) => { if (r.Url.EndsWith("/whatif", StringComparison.Ordinal) && r.Method == "POST") { lastSent = r.PostData; } };
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var gap = report["gaps"]!.AsArray()[0]!["centroid"]!.AsArray();
        var stations = app.Region.Stations;

        await DragAsync(page, stations[0].Id, 40, 25);
        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        await page.Locator("input[name=tool][value=add]").CheckAsync();
        var at = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { gap[0]!.GetValue<double>(), gap[1]!.GetValue<double>() });
        await WhileWaitingAsync(page, () => page.Mouse.ClickAsync((float)at[0], (float)at[1]));
        await page.Locator("input[name=tool][value=select]").CheckAsync();
        var added = await page.EvaluateAsync<string>("() => window.__planner.stations.at(-1).id");
        await DragAsync(page, added, -25, 30);
        await page.Locator("input[name=tool][value=remove]").CheckAsync();
        var removed = stations[^1].Id;
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", removed);
        await WhileWaitingAsync(page, () => page.Mouse.ClickAsync((float)xy[0], (float)xy[1]));
        await page.Locator("#minutes").FillAsync("25");
        await WhileWaitingAsync(page, () => page.Locator("#minutes").DispatchEventAsync("change"));

        var edits = await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)");
        Assert.Equal(["move_station", "add_station", "move_station", "remove_station", "set_minutes"], JsonNode.Parse(edits)!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        var (parsed, parseProblems) = ScenarioEditJson.Parse(edits);
        Assert.Empty(parseProblems);
        var applied = ScenarioApplier.Apply(app.Region, new Scenario("page", app.Region.Info.Name, parsed));

        // Shown and sent: the same stations, in the same places, as the core's application of the edits.
        var expected = applied.Region.Stations.Select(s => Describe(s.Id, s.Location.Lon, s.Location.Lat)).Order(StringComparer.Ordinal).ToList();
        var shown = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        var sent = JsonNode.Parse(lastSent!)!;
        Assert.Equal(expected, Describe(shown));
        Assert.Equal(expected, Describe(sent["stations"]!.AsArray()));
        Assert.DoesNotContain(removed, shown.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(applied.Parameters.LimitMinutes, sent["minutes"]!.GetValue<double>());
        Assert.Equal(applied.Parameters.Mode, sent["mode"]!.GetValue<string>());
        Assert.Equal(applied.Region.Stations.Length, await page.EvaluateAsync<int>("() => window.__planner.counts.stations"));

        // And the figure on screen is the core's coverage of that region.
        var core = CoverageCalculator.Compute(applied.Region, DesktopApp.OptionsInForce(parsed, applied.Parameters));
        Assert.Equal(core.Groups["total"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);

        // Reset: no edits, the stored stations and the region's minutes again.
        await page.Locator("#reset-edits").ClickAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__planner.edits.length"));
        Assert.Equal(stations.Select(s => Describe(s.Id, s.Location.Lon, s.Location.Lat)).Order(StringComparer.Ordinal), Describe(JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray()));
        Assert.Equal(report["minutes"]!.GetValue<double>(), await page.EvaluateAsync<double>("() => window.__planner.minutes"));
        Assert.Equal(report["groups"]!["total"]!["covered"]!.GetValue<double>(), await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
        output.WriteLine($"edits {edits}");
        await page.CloseAsync();
    }

    private static string Describe(string id, double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"{id} {lon:F7} {lat:F7}");

    private static List<string> Describe(JsonArray list) =>
        [.. list.Select(s => Describe(s!["id"]!.GetValue<string>(), s["lon"]!.GetValue<double>(), s["lat"]!.GetValue<double>())).Order(StringComparer.Ordinal)];

    /// <summary>Does a gesture and waits for the what-if answer it causes.</summary>
    private static async Task WhileWaitingAsync(IPage page, Func<Task> gesture)
    {
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await gesture();
        await DesktopApp.WaitForWhatIfAsync(page, count);
    }

    private static Task DragAsync(IPage page, string id, float dx, float dy) => WhileWaitingAsync(page, async () =>
    {
        var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);
        await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)from[0] + dx, (float)from[1] + dy, new MouseMoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
    });
}
