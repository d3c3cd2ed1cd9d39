using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Coverage;
using Planner.Core.Scenarios;

namespace Planner.Desktop.Tests;

/// <summary>
/// Saved scenarios from the page: saved, listed, reopened with their edits and figures, renamed (the API has no
/// rename: the page saves under the new name and deletes the old) and deleted; the API is asked independently.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class SavedScenariosTests(DesktopApp app)
{
    [Fact]
    public async Task SaveResetReopenRenameDelete_ReopenedEditsAndFiguresAreTheSaved_AndTheApiAgrees()
    {
        var page = await app.OpenMapAsync("en");
        string? promptAnswer = null;
        page.Dialog += async (_, d) => await (d.Type == "prompt" ? d.AcceptAsync(promptAnswer) : d.AcceptAsync());
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var gap = report["gaps"]!.AsArray()[0]!["centroid"]!.AsArray();
        var baseline = await CoveredAsync(page);

        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        await page.Locator("input[name=tool][value=add]").CheckAsync();
        var at = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { gap[0]!.GetValue<double>(), gap[1]!.GetValue<double>() });
        await WhileWaitingAsync(page, () => page.Mouse.ClickAsync((float)at[0], (float)at[1]));
        await page.Locator("input[name=tool][value=select]").CheckAsync();
        await page.Locator("#minutes").FillAsync("20");
        await WhileWaitingAsync(page, () => page.Locator("#minutes").DispatchEventAsync("change"));
        var edits = await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)");
        var covered = await CoveredAsync(page);
        Assert.NotEqual(baseline, covered);

        const string name = "reopen-test-a";
        await page.Locator("#scenario-name").FillAsync(name);
        await page.Locator("#save-scenario").ClickAsync();
        await page.WaitForFunctionAsync("n => (window.__planner.savedList || []).some(s => s.name === n)", name);
        Assert.Equal(2, (await app.GetJsonAsync($"regions/{app.RegionName}/scenarios/{name}"))["edits"]!.AsArray().Count);

        await page.Locator("#reset-edits").ClickAsync();
        Assert.Equal(baseline, await CoveredAsync(page), 6);

        // Reopened: the saved edits are the page's edit list again, with the saved figures, which are the core's.
        await WhileWaitingAsync(page, () => page.Locator($"#scenario-list li[data-name='{name}'] .scenario-open").ClickAsync());
        Assert.Equal(Kinds(edits), Kinds(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)")));
        Assert.Equal(covered, await CoveredAsync(page), 6);
        var (parsed, problems) = ScenarioEditJson.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"));
        Assert.Empty(problems);
        var applied = ScenarioApplier.Apply(app.Region, new Scenario(name, app.Region.Info.Name, parsed));
        var core = CoverageCalculator.Compute(applied.Region, DesktopApp.OptionsInForce(parsed, applied.Parameters));
        Assert.Equal(core.Groups["total"].Covered, covered, 6);
        Assert.Equal(20, await page.EvaluateAsync<double>("() => window.__planner.minutes"));
        await DesktopApp.ScreenshotAsync(page, "scenario-reopened");

        const string renamed = "reopen-test-b";
        promptAnswer = renamed;
        await page.Locator($"#scenario-list li[data-name='{name}'] .scenario-rename").ClickAsync();
        await page.WaitForFunctionAsync("([a, b]) => { const l = window.__planner.savedList || []; return l.some(s => s.name === b) && !l.some(s => s.name === a); }", new[] { name, renamed });
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api.GetAsync(new Uri($"regions/{app.RegionName}/scenarios/{name}", UriKind.Relative))).StatusCode);
        Assert.Equal(Kinds(edits), Kinds((await app.GetJsonAsync($"regions/{app.RegionName}/scenarios/{renamed}"))["edits"]!.ToJsonString()));

        await page.Locator($"#scenario-list li[data-name='{renamed}'] .scenario-delete").ClickAsync();
        await page.WaitForFunctionAsync("b => !(window.__planner.savedList || []).some(s => s.name === b)", renamed);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api.GetAsync(new Uri($"regions/{app.RegionName}/scenarios/{renamed}", UriKind.Relative))).StatusCode);
        await page.CloseAsync();
    }

    private static List<string> Kinds(string edits) => [.. JsonNode.Parse(edits)!.AsArray().Select(e => e!["kind"]!.GetValue<string>())];

    private static Task<double> CoveredAsync(IPage page) => page.EvaluateAsync<double>("() => window.__planner.covered.total");

    private static async Task WhileWaitingAsync(IPage page, Func<Task> gesture)
    {
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await gesture();
        await DesktopApp.WaitForWhatIfAsync(page, count);
    }
}
