using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Coverage;
using Planner.Core.Geo;

namespace Planner.Desktop.Tests;

/// <summary>
/// Live drag on the Porto Alegre sample: while a station is dragged the page asks for figures (what-if without
/// circles) on pointer moves, one request in flight, and draws them as they land; the test measures, per pointer
/// move, the time until figures at least that fresh are drawn, end to end in headless Chromium.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class LiveDragTests(PortoAlegreApp sample, ITestOutputHelper output) : IClassFixture<PortoAlegreApp>
{
    private const int Moves = 24;

    [Fact]
    public async Task DragStation_PointerMoves_FiguresFollowBeforeTheDropAndEqualTheCore()
    {
        var app = sample.App;
        var page = await app.OpenMapAsync("en");
        var region = app.Region;
        // The station farthest from any other, so the pointer picks it alone; zoomed so a move is tens of metres.
        static double Gap(Planner.Core.Model.Station s, Planner.Core.Model.Station o) => Math.Abs(s.Location.Lon - o.Location.Lon) + Math.Abs(s.Location.Lat - o.Location.Lat);
        var station = region.Stations.MaxBy(s => region.Stations.Where(o => o != s).Min(o => Gap(s, o)))!;
        await page.EvaluateAsync("([lon, lat]) => window.__planner.centreOn(lon, lat, 14)", new[] { station.Location.Lon, station.Location.Lat });

        // Porto Alegre's stand-ins are all village points, which GB 50180's 15-minute circle does not count (its
        // region.json defaults to the ad-hoc 15-minute walk for that reason); the planner asks for an ad-hoc walk of
        // 16 minutes (a value the field does not hold yet), which counts every level.
        int circlesAtStart = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("#minutes").FillAsync("16");
        await page.Locator("#minutes").DispatchEventAsync("change");
        await DesktopApp.WaitForWhatIfAsync(page, circlesAtStart);
        var before = await page.EvaluateAsync<double>("() => window.__planner.covered.total");
        int circlesBefore = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");

        var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", station.Id);
        await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await page.Mouse.DownAsync();
        // One pointer move per display frame (16 ms), 7 px each, about a kilometre in all at zoom 14.
        for (int i = 1; i <= Moves; i++)
        {
            await page.Mouse.MoveAsync((float)from[0] + (6 * i), (float)from[1] + (4 * i));
            await Task.Delay(16);
        }

        await page.WaitForFunctionAsync($"() => window.__planner.drag && window.__planner.drag.moves >= {Moves} && window.__planner.drag.latencies.every(x => x !== null)", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var drag = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.drag)"))!;
        var live = await page.EvaluateAsync<double>("() => window.__planner.covered.total");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__planner.live"), "the figures on screen before the drop are the drag's");
        Assert.Equal(["set_minutes"], JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"))!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        await DesktopApp.ScreenshotAsync(page, "live-drag-before-drop");

        await page.Mouse.UpAsync();
        await DesktopApp.WaitForWhatIfAsync(page, circlesBefore);
        var dropped = JsonNode.Parse(await page.EvaluateAsync<string>("id => JSON.stringify(window.__planner.stations.find(s => s.id === id))", station.Id))!;
        var at = new GeoPoint(dropped["lon"]!.GetValue<double>(), dropped["lat"]!.GetValue<double>());
        var core = CoverageCalculator.Compute(
            region with { Stations = [.. region.Stations.Select(s => s.Id == station.Id ? s with { Location = at } : s)] },
            await DesktopApp.OptionsInForceAsync(page));

        // The last live figures are those of the drop's position, which the core computes independently.
        Assert.Equal(core.Groups["total"].Covered, live, 6);
        Assert.Equal(core.Groups["total"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
        Assert.NotEqual(before, live);
        Assert.Equal(["set_minutes", "move_station"], JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"))!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.False(await page.EvaluateAsync<bool>("() => window.__planner.live"));

        var latencies = drag["latencies"]!.AsArray().Select(x => x!.GetValue<double>()).Order().ToList();
        Assert.Equal(drag["moves"]!.GetValue<int>(), latencies.Count);
        double median = Percentile(latencies, 0.5), p95 = Percentile(latencies, 0.95);
        var server = drag["serverMs"]!.AsArray().Select(x => x!.GetValue<double>()).Order().ToList();
        var serverMedian = server.Count > 0 ? Percentile(server, 0.5) : double.NaN;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:O} region={app.RegionName} stations={region.Stations.Length} moves={latencies.Count} answers={drag["answers"]} figures after a pointer move: median {median:F1} ms, p95 {p95:F1} ms, max {latencies[^1]:F1} ms; API's own time per answer median {serverMedian:F1} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(DesktopApp.ArtifactFolder, "live-drag-timings.txt"), line + Environment.NewLine);
        // The target is 50 ms; the bound is loose so that a loaded machine does not fail the test.
        Assert.True(p95 < 1000, line);
        await DesktopApp.ScreenshotAsync(page, "live-drag-dropped");
        await page.CloseAsync();
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
