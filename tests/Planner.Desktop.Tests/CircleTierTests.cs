using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Circles;
using Planner.Core.Coverage;

namespace Planner.Desktop.Tests;

/// <summary>The circle tier and population group switchers: the covered figure and the unit shading follow them.</summary>
[Collection(DesktopCollection.Name)]
public sealed class CircleTierTests(DesktopApp app)
{
    private const string FiveMinutes = "gb50180-5min";

    [Fact]
    public async Task TierAndGroup_Switched_FigureEqualsTheApiAndTheCore_AndUnitShadingFollows()
    {
        var page = await app.OpenMapAsync();
        var standard = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var five = await app.GetJsonAsync($"regions/{app.RegionName}/coverage?circle={FiveMinutes}");

        // A township whose total share differs between the two tiers by more than the shading's 1 % steps.
        static double Share(JsonNode report, string code, string group) =>
            report["units"]!.AsArray().Single(u => u!["code"]!.GetValue<string>() == code)!["groups"]![group]!["share"]!.GetValue<double>();
        var township = standard["units"]!.AsArray().Select(u => u!).Where(u => u["level"]!.GetValue<string>() == "township")
            .Select(u => u["code"]!.GetValue<string>()).First(c => Math.Abs(Share(standard, c, "total") - Share(five, c, "total")) > 0.02);
        var fillBefore = await UnitFillAsync(page, township);

        await page.Locator("#circle").SelectOptionAsync(FiveMinutes);
        await page.WaitForFunctionAsync($"() => window.__planner.tierShown() === '{FiveMinutes}' && window.__planner.busy === 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        double covered = five["groups"]!["total"]!["covered"]!.GetValue<double>();
        Assert.Equal(covered, await page.EvaluateAsync<double>("() => window.__planner.covered.total"), 6);
        Assert.Equal(Shown(covered), await page.Locator("#covered-people").InnerTextAsync());
        // The API's figure is the core's for the 5-minute circle (300 m cap) on the region read from its folder.
        var options = CircleChoice.Resolve(new CoverageOptions { BuildCircles = false }, LifeCircleCatalog.Builtin(), [FiveMinutes], adHoc: false, noCap: false).Runs[0];
        var core = CoverageCalculator.Compute(app.Region, options);
        Assert.Equal(core.Groups["total"].Covered, covered, 6);
        Assert.True(covered < standard["groups"]!["total"]!["covered"]!.GetValue<double>(), "the 5-minute tier should cover fewer people than the 15-minute one");
        Assert.NotEqual(fillBefore, await UnitFillAsync(page, township));

        await page.Locator("#group").SelectOptionAsync("elderly");
        await page.WaitForFunctionAsync("() => window.__planner.group === 'elderly' && window.__planner.busy === 0");
        double elderly = five["groups"]!["elderly"]!["covered"]!.GetValue<double>();
        Assert.Equal(core.Groups["elderly"].Covered, elderly, 6);
        Assert.NotEqual(Shown(covered), Shown(elderly));
        Assert.Equal(Shown(elderly), await page.Locator("#covered-people").InnerTextAsync());
        await DesktopApp.ScreenshotAsync(page, "circle-tier-5min-elderly");

        // Hovering the tier's largest gap shows its elderly people.
        var gap = five["gaps"]!.AsArray().Select(g => g!).MaxBy(g => g["points"]!.GetValue<int>())!;
        var centroid = gap["centroid"]!.AsArray();
        var over = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { centroid[0]!.GetValue<double>(), centroid[1]!.GetValue<double>() });
        await page.Mouse.MoveAsync((float)over[0], (float)over[1]);
        var people = Math.Round(gap["groups"]!["elderly"]!.GetValue<double>()).ToString("#,0", CultureInfo.InvariantCulture);
        Assert.NotEqual("0", people);
        await page.WaitForFunctionAsync("p => document.getElementById('map').title.includes(`: ${p} `)", people, new PageWaitForFunctionOptions { Timeout = 5_000 });

        // An edit under the tier: what-if is asked for the same circle.
        var removed = app.Region.Stations.Single(s => s.Name == DesktopApp.MarkupStationName);
        var at = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", removed.Id);
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        await page.Locator("input[name=tool][value=remove]").CheckAsync();
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
        await DesktopApp.WaitForWhatIfAsync(page, count);
        var edited = CoverageCalculator.Compute(app.Region with { Stations = [.. app.Region.Stations.Where(s => s.Id != removed.Id)] }, options);
        Assert.Equal(edited.Groups["elderly"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.elderly"), 6);
        Assert.Equal(FiveMinutes, await page.EvaluateAsync<string>("() => window.__planner.tierShown()"));

        // Back to the region's default: the standard's figures for the edited stations.
        await page.Locator("#circle").SelectOptionAsync(string.Empty);
        await page.WaitForFunctionAsync("t => window.__planner.tierShown() === t && window.__planner.busy === 0", standard["circle"]!.GetValue<string>());
        var back = CoverageCalculator.Compute(app.Region with { Stations = [.. app.Region.Stations.Where(s => s.Id != removed.Id)] }, DesktopApp.OptionsInForce(false, 15, "walk"));
        Assert.Equal(back.Groups["elderly"].Covered, await page.EvaluateAsync<double>("() => window.__planner.covered.elderly"), 6);
        await page.CloseAsync();
    }

    /// <summary>The covered people as the summary writes them (rounded, grouped as en-US).</summary>
    private static string Shown(double people) => Math.Round(people).ToString("#,0", CultureInfo.InvariantCulture);

    private static Task<string?> UnitFillAsync(IPage page, string code) =>
        page.EvaluateAsync<string?>("code => { const c = window.__planner.unitFill(code); return c === null ? null : String(c); }", code);
}
