using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>The recommendations panel: a job on the API, its picks on the map, accepted into the what-if.</summary>
[Collection(DesktopCollection.Name)]
public sealed class RecommendTests(DesktopApp app)
{
    [Fact]
    public async Task Recommend_Mclp_ShowsTheJobsPicks_AndAcceptingThemAddsStationsCoveredAsTheCoreComputes()
    {
        var page = await app.OpenMapAsync();
        await page.Locator("#tabs button[data-tab=recommend]").ClickAsync();
        await page.Locator("#rec-model").SelectOptionAsync("mclp");
        await page.Locator("#rec-p").FillAsync("2");
        var sent = await page.RunAndWaitForRequestAsync(() => page.Locator("#rec-run").ClickAsync(), r => r.Url.EndsWith("/recommendations", StringComparison.Ordinal) && r.Method == "POST");
        await page.Locator("#rec-accept").WaitForAsync(new() { Timeout = 90_000 });

        var shown = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.recommendations)"))!;
        var picked = shown["sites"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, picked.Count);
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.__planner.counts.recommended"));

        // The page asks for what the panel says, with the demand points as candidate sites (the region has none).
        var minutes = await page.EvaluateAsync<double>("() => window.__planner.minutes");
        var mode = await page.EvaluateAsync<string>("() => window.__planner.mode");
        var request = JsonNode.Parse(sent.PostData!)!.AsObject();
        Assert.Equal("mclp", request["model"]!.GetValue<string>());
        Assert.Equal(2, request["p"]!.GetValue<int>());
        Assert.Equal(minutes, request["minutes"]!.GetValue<double>());
        Assert.Equal(app.Region.Demand.Select(d => "site-" + d.Id), request["candidates"]!["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));

        // The same request straight to the API gives the same answer as the panel shows.
        var direct = await RunJobAsync(request.DeepClone().AsObject());
        Assert.Equal(direct["objective"]!.GetValue<double>(), shown["objective"]!.GetValue<double>(), 6);
        Assert.Equal(direct["sites"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), picked);

        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        var logs = new List<string>();
        page.Console += (_, m) => logs.Add(m.Text);
        page.PageError += (_, e) => logs.Add(e);
        await page.Locator("#rec-accept").ClickAsync();
        await page.WaitForFunctionAsync("n => window.__planner.stations.length === n", app.Region.Stations.Length + 2);
        try
        {
            await DesktopApp.WaitForWhatIfAsync(page, count);
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>("() => JSON.stringify({ edits: window.__planner.edits, busy: window.__planner.busy, c: window.__planner.circlesCount, w: window.__planner.whatIfCount })");
            throw new InvalidOperationException(state + " | " + string.Join(" | ", logs));
        }
        var stations = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        Assert.Equal(app.Region.Stations.Length + 2, stations.Count);
        var added = shown["sites"]!.AsArray().Select(s => new Station("rec-" + s!["id"]!.GetValue<string>(), "pick", new GeoPoint(s["lon"]!.GetValue<double>(), s["lat"]!.GetValue<double>()), StationLevel.TownshipStation, StationStatus.Operating, 3, null));
        var core = CoverageCalculator.Compute(app.Region with { Stations = app.Region.Stations.AddRange(added) }, DesktopApp.OptionsInForce(false, minutes, mode));
        Assert.Equal(core.Groups["total"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
        await DesktopApp.ScreenshotAsync(page, "recommendations-accepted");
        await page.CloseAsync();
    }

    /// <summary>Starts a recommendation job and follows its Location until it ends (the API's protocol is polling).</summary>
    private async Task<JsonNode> RunJobAsync(JsonObject body)
    {
        using var response = await app.Api.PostAsJsonAsync(new Uri($"regions/{app.RegionName}/recommendations", UriKind.Relative), body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync(deadline.Token))
        {
            var job = JsonNode.Parse(await app.Api.GetStringAsync(location, deadline.Token))!;
            var status = job["status"]!.GetValue<string>();
            if (status == "succeeded")
            {
                return job["result"]!;
            }

            Assert.True(status is "queued" or "running", job.ToJsonString());
        }

        throw new TimeoutException("the recommendation job did not end");
    }
}
