using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Coverage;
using Planner.Core.Geo;

namespace Planner.Desktop.Tests;

/// <summary>The map page in a real browser against the real API: layers, inspect, what-if, language, layout.</summary>
[Collection(DesktopCollection.Name)]
public sealed class MapPageTests(DesktopApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task MapPage_Loads_DrawsEveryLayerAsTheApiServesIt()
    {
        var page = await app.OpenMapAsync();
        var counts = await page.EvaluateAsync<Dictionary<string, int>>("() => window.__planner.counts");
        foreach (var layer in new[] { "units", "roads", "demand", "stations", "circles", "gaps", "public_buildings" })
        {
            var items = await app.GetJsonAsync($"regions/{app.RegionName}/collections/{layer}/items?limit=10000");
            Assert.True(counts[layer] == items["features"]!.AsArray().Count, $"{layer}: page {counts[layer]}, API {items["features"]!.AsArray().Count}");
        }

        Assert.True(counts["roads"] > 0 && counts["units"] > 0 && counts["circles"] > 0, string.Join(", ", counts));
        var share = await page.EvaluateAsync<double>("() => window.__planner.coveredShare.total");
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        Assert.Equal(report["groups"]!["total"]!["share"]!.GetValue<double>(), share, 9);
        var shot = await DesktopApp.ScreenshotAsync(page, "map-loaded");
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot of the map is nearly empty");
        output.WriteLine($"layers {string.Join(", ", counts.Select(kv => $"{kv.Key}={kv.Value}"))}; screenshot {shot}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task RegionChooser_ShowsTheRegionsOwnName_AndLoadsItByUrlName()
    {
        var page = await app.OpenMapAsync();
        var option = page.Locator("#region option").First;
        Assert.Equal(app.Region.Info.Name, await option.InnerTextAsync());
        Assert.Equal(app.RegionName, await option.GetAttributeAsync("value"));
        Assert.Equal(app.RegionName, await page.EvaluateAsync<string>("() => window.__planner.region"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task ClickStation_ShowsItsCatchmentByGroup_AsTheApiReportsIt()
    {
        var page = await app.OpenMapAsync();
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var station = report["stations"]!.AsArray().First(s => s!["catchment"]!["total"]!.GetValue<double>() > 0)!;
        var id = station["id"]!.GetValue<string>();
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);

        await page.Mouse.ClickAsync((float)xy[0], (float)xy[1]);

        await page.WaitForFunctionAsync("id => window.__planner.selection && window.__planner.selection.id === id", id);
        var title = await page.Locator("#inspect-title").InnerTextAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__planner.edits.length"));
        Assert.Contains(station["name"]!.GetValue<string>(), title, StringComparison.Ordinal);
        var cells = await page.Locator("#inspect-catchment td").AllInnerTextsAsync();
        var expected = Math.Round(station["catchment"]!["total"]!.GetValue<double>()).ToString("N0", CultureInfo.GetCultureInfo("en-US"));
        Assert.Contains(expected, cells);

        // Social workers against the staffing rule, as the core's standards checker finds them.
        var rules = Planner.Core.Standards.RuleSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));
        var check = Planner.Core.Standards.StandardsChecker.Check(app.Region, rules).FirstOrDefault(c => c.SubjectKind == "station" && c.SubjectId == id && c.RuleId.Contains("staff", StringComparison.Ordinal));
        var staffing = await page.Locator("#inspect-staffing").InnerTextAsync();
        Assert.NotNull(check);
        Assert.Contains($"{check.Measured} / required {check.Required}", staffing, StringComparison.Ordinal);
        Assert.Contains(check.Passed ? "meets the rule" : "below the rule", staffing, StringComparison.Ordinal);

        await DesktopApp.ScreenshotAsync(page, "station-inspected");
        await page.CloseAsync();
    }

    [Fact]
    public async Task ZoomToUnitAndClickGap_ShowCoverageByGroupAndWhoLivesThere_AsTheApiReportsThem()
    {
        var page = await app.OpenMapAsync();
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var unit = report["units"]!.AsArray().First(u => u!["level"]!.GetValue<string>() == "township")!;
        await page.Locator("#zoom-unit").SelectOptionAsync(unit["code"]!.GetValue<string>());

        await page.WaitForFunctionAsync("code => window.__planner.selection && window.__planner.selection.id === code", unit["code"]!.GetValue<string>());
        Assert.Contains(unit["name"]!.GetValue<string>(), await page.Locator("#inspect-title").InnerTextAsync(), StringComparison.Ordinal);
        var cells = await page.Locator("#inspect td").AllInnerTextsAsync();
        var share = unit["groups"]!["total"]!["share"]!.GetValue<double>();
        Assert.Contains((100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%", cells);

        var gap = report["gaps"]!.AsArray()[0]!;
        var centroid = gap["centroid"]!.AsArray();

        // Back to the whole region (choosing the region again fits it), then click the largest gap's centre.
        await page.EvaluateAsync("() => document.getElementById('region').dispatchEvent(new Event('change'))");
        await page.WaitForFunctionAsync("() => window.__planner.ready");
        var at = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { centroid[0]!.GetValue<double>(), centroid[1]!.GetValue<double>() });

        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await page.WaitForFunctionAsync("() => window.__planner.selection && window.__planner.selection.kind === 'gap'");
        var gapId = await page.EvaluateAsync<string>("() => window.__planner.selection.id");
        var clicked = report["gaps"]!.AsArray().First(g => g!["id"]!.GetValue<string>() == gapId)!;
        var gapCells = await page.Locator("#inspect td").AllInnerTextsAsync();
        Assert.Contains(Math.Round(clicked["groups"]!["total"]!.GetValue<double>()).ToString("N0", CultureInfo.GetCultureInfo("en-US")), gapCells);
        await page.CloseAsync();
    }

    [Fact]
    public async Task DragStation_CoveredFigure_EqualsTheApiAndTheCoreForTheMovedStation()
    {
        var page = await app.OpenMapAsync();
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var before = report["groups"]!["total"]!["covered"]!.GetValue<double>();
        var gap = report["gaps"]!.AsArray()[0]!["centroid"]!.AsArray();
        var id = report["stations"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);
        var to = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { gap[0]!.GetValue<double>(), gap[1]!.GetValue<double>() });
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");

        await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)to[0], (float)to[1], new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
        await DesktopApp.WaitForWhatIfAsync(page, count);

        var stations = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        var moved = stations.First(s => s!["id"]!.GetValue<string>() == id)!;
        double lon = moved["lon"]!.GetValue<double>(), lat = moved["lat"]!.GetValue<double>();
        Assert.True(Math.Abs(lon - gap[0]!.GetValue<double>()) < 0.01 && Math.Abs(lat - gap[1]!.GetValue<double>()) < 0.01, $"station dropped at {lon}, {lat}");
        var shown = await page.EvaluateAsync<double>("() => window.__planner.covered.total");
        var minutes = await page.EvaluateAsync<double>("() => window.__planner.minutes");
        var mode = await page.EvaluateAsync<string>("() => window.__planner.mode");

        var api = await app.WhatIfAsync(stations);
        var core = CoverageCalculator.Compute(
            app.Region with { Stations = [.. app.Region.Stations.Select(s => s.Id == id ? s with { Location = new GeoPoint(lon, lat) } : s)] },
            DesktopApp.OptionsInForce(false, minutes, mode));

        Assert.Equal(api["report"]!["groups"]!["total"]!["covered"]!.GetValue<double>(), shown, 6);
        Assert.Equal(core.Groups["total"].Covered, shown, 6);
        Assert.NotEqual(before, shown);
        var circleOnPage = await page.EvaluateAsync<int>("() => window.__planner.counts.circles");
        Assert.Equal(api["circles"]!["features"]!.AsArray().Count, circleOnPage);
        var ms = await page.EvaluateAsync<double[]>("() => [window.__planner.lastWhatIfMs, window.__planner.lastCirclesMs, window.__planner.lastServerMs]");
        var line = $"{DateTimeOffset.UtcNow:O} region={app.RegionName} drag {id}: covered {before} -> {shown}; figures drawn {ms[0]} ms, circles drawn {ms[1]} ms, API figures {ms[2]} ms";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(DesktopApp.ArtifactFolder, "whatif-timings.txt"), line + Environment.NewLine);
        await DesktopApp.ScreenshotAsync(page, "station-dragged");
        await page.CloseAsync();
    }

    [Fact]
    public async Task DragStations_SixTimes_EveryFigureEqualsTheCore_AndTimingsAreRecorded()
    {
        var page = await app.OpenMapAsync();
        var figures = new List<double>();
        var circles = new List<double>();
        var region = app.Region;
        for (int i = 0; i < 6; i++)
        {
            var id = region.Stations[i % region.Stations.Length].Id;
            var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);
            int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
            float dx = i % 2 == 0 ? 45 : -30, dy = i % 3 == 0 ? 25 : -35;
            await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((float)from[0] + dx, (float)from[1] + dy, new MouseMoveOptions { Steps = 6 });
            await page.Mouse.UpAsync();
            await DesktopApp.WaitForWhatIfAsync(page, count);

            var moved = JsonNode.Parse(await page.EvaluateAsync<string>("id => JSON.stringify(window.__planner.stations.find(s => s.id === id))", id))!;
            region = region with { Stations = [.. region.Stations.Select(s => s.Id == id ? s with { Location = new GeoPoint(moved["lon"]!.GetValue<double>(), moved["lat"]!.GetValue<double>()) } : s)] };
            var core = CoverageCalculator.Compute(region, await DesktopApp.OptionsInForceAsync(page));
            Assert.Equal(core.Groups["total"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
            var ms = await page.EvaluateAsync<double[]>("() => [window.__planner.lastWhatIfMs, window.__planner.lastCirclesMs]");
            figures.Add(ms[0]);
            circles.Add(ms[1]);
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        var line = $"{DateTimeOffset.UtcNow:O} region={app.RegionName} 6 drags: figures drawn [{string.Join(", ", figures)}] ms (median {Median(figures)}), circles drawn [{string.Join(", ", circles)}] ms (median {Median(circles)})";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(DesktopApp.ArtifactFolder, "whatif-timings.txt"), line + Environment.NewLine);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AddAndRemoveStation_CoveredFigure_EqualsTheCore()
    {
        var page = await app.OpenMapAsync();
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var gap = report["gaps"]!.AsArray()[0]!["centroid"]!.AsArray();
        var at = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { gap[0]!.GetValue<double>(), gap[1]!.GetValue<double>() });
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        await page.Locator("input[name=tool][value=add]").CheckAsync();
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await DesktopApp.WaitForWhatIfAsync(page, count);

        var stations = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        Assert.Equal(app.Region.Stations.Length + 1, stations.Count);
        var added = stations[^1]!;
        var core = CoverageCalculator.Compute(
            app.Region with { Stations = app.Region.Stations.Add(app.Region.Stations[0] with { Id = "added", Location = new GeoPoint(added["lon"]!.GetValue<double>(), added["lat"]!.GetValue<double>()), Status = Planner.Core.Model.StationStatus.Operating }) },
            DesktopApp.OptionsInForce(false, report["minutes"]!.GetValue<double>(), report["mode"]!.GetValue<string>()));
        Assert.Equal(core.Groups["total"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);

        count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("input[name=tool][value=remove]").CheckAsync();
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await DesktopApp.WaitForWhatIfAsync(page, count);
        Assert.Equal(report["groups"]!["total"]!["covered"]!.GetValue<double>(), await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
        await page.CloseAsync();
    }

    [Fact]
    public async Task LayerListAndGroup_HideLayers_SwitchToHeatMap_AndShowTheChosenGroupsShare()
    {
        var page = await app.OpenMapAsync();
        await page.Locator("#layer-roads").UncheckAsync();
        await page.Locator("#demand-style").SelectOptionAsync("heat");
        var visible = await page.EvaluateAsync<string[]>("() => window.__planner.visibleLayers");
        Assert.DoesNotContain("roads", visible);
        Assert.DoesNotContain("demand", visible);
        Assert.Contains("heat", visible);

        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var group = app.Region.Groups.Names.First(g => g != "total");
        await page.Locator("#group").SelectOptionAsync(group);
        var share = report["groups"]![group]!["share"]!.GetValue<double>();
        Assert.Equal((100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%", await page.Locator("#covered-share").InnerTextAsync());
        await DesktopApp.ScreenshotAsync(page, "heat-map-" + group);
        await page.CloseAsync();
    }

    [Fact]
    public async Task SwitchLanguage_RelabelsThePage()
    {
        var page = await app.OpenMapAsync("en");
        Assert.Equal("Inspect", await page.Locator("#tabs button[data-tab=inspect]").InnerTextAsync());
        Assert.Equal("Stations", await page.Locator("label[for=layer-stations]").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent === 'Ready'");

        await page.Locator("#language").ClickAsync();

        await page.WaitForFunctionAsync("() => window.__planner.language === 'zh'");
        Assert.Equal("查看", await page.Locator("#tabs button[data-tab=inspect]").InnerTextAsync());
        Assert.Equal("社工站点", await page.Locator("label[for=layer-stations]").InnerTextAsync());
        Assert.Equal("覆盖地图 — 规划图", await page.TitleAsync());
        Assert.Equal("就绪", await page.Locator("#status").InnerTextAsync());
        Assert.Contains("覆盖率", await page.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        await DesktopApp.ScreenshotAsync(page, "map-chinese");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task Layout_At1280x800_NothingOverlapsOrOverflows(string language)
    {
        var page = await app.OpenMapAsync(language);
        // Every visible control of the toolbar, the panels and the tabs: no two boxes of siblings intersect, and none leaves the window.
        var problems = await page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            const boxes = (sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()]);
            const groups = ['#toolbar > *', '#workspace > *', '#tabs > button', '#layer-list > li', '#right > *:not([hidden])'];
            for (const g of groups) {
              const b = boxes(g);
              for (let i = 0; i < b.length; i++) {
                const [e, r] = b[i];
                if (r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) out.push(`${g} #${i} leaves the window`);
                if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible') out.push(`${g} #${i} overflows`);
                for (let j = i + 1; j < b.length; j++) {
                  const s = b[j][1];
                  if (r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5) out.push(`${g}: #${i} overlaps #${j}`);
                }
              }
            }
            return out;
        }");
        Assert.True(problems.Length == 0, string.Join("; ", problems));
        await DesktopApp.ScreenshotAsync(page, $"layout-{language}");
        await page.CloseAsync();
    }
}
