using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Planner.Desktop.Tests;

/// <summary>
/// The home-visits panel: a planner's plan job, a chosen worker-day drawn as the API's route along the roads; a
/// viewer key is offered no panel and refused the route.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class VisitRoutesDesktopTests(DesktopApp app)
{
    /// <summary>Cases at the first demand points of the region (on its roads), two visits a month each.</summary>
    private string CasesCsv()
    {
        var text = new StringBuilder("id,lon,lat,category,visits_per_month,minutes_per_visit\n");
        foreach (var d in app.Region.Demand.Take(15))
        {
            text.Append(CultureInfo.InvariantCulture, $"V-{d.Id},{d.Location.Lon:0.######},{d.Location.Lat:0.######},elderly_alone,2,30\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task Visits_ChooseAWorkerDay_DrawsTheApisRouteAndAViewerGetsNone()
    {
        var page = await app.OpenMapAsync();
        var tab = page.Locator("#tabs button[data-tab=visits]");
        await tab.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 30_000 });
        await tab.ClickAsync();
        await page.Locator("#visits-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "cases.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(CasesCsv()) });
        await page.Locator("#visits-run").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__planner.visits.route !== null", null, new() { Timeout = 120_000 });

        // Choose another worker-day than the first one drawn, when there is one.
        var days = await page.Locator("#visits-day option").CountAsync();
        if (days > 1)
        {
            var last = await page.Locator("#visits-day option").Last.GetAttributeAsync("value");
            await page.Locator("#visits-day").SelectOptionAsync(last!);
            await page.WaitForFunctionAsync("d => window.__planner.visits.route !== null && document.getElementById('visits-day-summary').dataset.day === d", last, new() { Timeout = 30_000 });
        }

        var station = await page.Locator("#visits-station").InputValueAsync();
        var worker = await page.Locator("#visits-worker").InputValueAsync();
        var day = await page.Locator("#visits-day").InputValueAsync();
        var planId = await page.EvaluateAsync<string>("() => window.__planner.visits.planId");
        var drawn = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.visits.route)"))!.AsArray();

        var path = $"regions/{app.RegionName}/visit-plans/{planId}/routes?station={Uri.EscapeDataString(station)}&worker={Uri.EscapeDataString(worker)}&day={day}";
        var api = JsonNode.Parse(await app.Api.GetStringAsync(new Uri(path, UriKind.Relative)))!;
        var feature = Assert.Single(api["features"]!.AsArray())!;
        var coordinates = feature["geometry"]!["coordinates"]!.AsArray();
        Assert.Equal(coordinates.Count, drawn.Count);
        for (int i = 0; i < drawn.Count; i++)
        {
            // Through the map's Web Mercator and back: equal to far below a centimetre.
            Assert.Equal(coordinates[i]![0]!.GetValue<double>(), drawn[i]![0]!.GetValue<double>(), 7);
            Assert.Equal(coordinates[i]![1]!.GetValue<double>(), drawn[i]![1]!.GetValue<double>(), 7);
        }

        int stops = feature["properties"]!["stops"]!.GetValue<int>();
        Assert.True(coordinates.Count > stops + 2, "the route follows the roads, not straight legs between stops");
        Assert.Equal(stops + 1, await page.EvaluateAsync<int>("() => window.__planner.visits.stops"));
        await DesktopApp.ScreenshotAsync(page, "visit-route");
        await page.CloseAsync();

        // A viewer key: no panel, no route, and the API refuses it the routes.
        using var created = await app.Api.PostAsJsonAsync(new Uri("keys", UriKind.Relative), new { role = "viewer", label = "visit-routes test" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        var viewer = await app.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await viewer.GotoAsync($"{app.Host.BaseAddress}#key={Uri.EscapeDataString(key)}&lang=en");
        await viewer.WaitForFunctionAsync("() => window.__planner && window.__planner.ready && window.__planner.counts.stations > 0", null, new() { Timeout = 60_000 });
        await viewer.WaitForFunctionAsync("() => window.__planner.visits && window.__planner.visits.allowed === false", null, new() { Timeout = 10_000 });
        Assert.False(await viewer.Locator("#tabs button[data-tab=visits]").IsVisibleAsync());
        Assert.Null(await viewer.EvaluateAsync<string?>("() => window.__planner.visits.route && 'drawn'"));
        var status = await viewer.EvaluateAsync<int>(
            "async (p) => (await fetch(p, { headers: { 'X-Api-Key': new URLSearchParams(location.hash.slice(1)).get('key') || sessionStorage.getItem('planner.key') } })).status", "/" + path);
        Assert.Equal(403, status);
        await viewer.CloseAsync();
    }
}
