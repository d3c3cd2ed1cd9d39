using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Scenarios;

namespace Planner.Desktop.Tests;

/// <summary>
/// A station's panel edits its name, level, status, social workers and supervisors; new stations take the
/// toolbar's level and status; every change is one step of the edit list, and undo and redo over that list give
/// back the figures of each earlier state, each equal to the core's coverage of the core's application of the
/// page's edits.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class EditUndoTests(DesktopApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task StationPanelEdits_ThenUndoAndRedo_EveryStateShowsTheCoresFigures()
    {
        var page = await app.OpenMapAsync("en");
        static double Gap(Station s, Station o) => Math.Abs(s.Location.Lon - o.Location.Lon) + Math.Abs(s.Location.Lat - o.Location.Lat);
        var station = app.Region.Stations.MaxBy(s => app.Region.Stations.Where(o => o != s).Select(o => Gap(s, o)).DefaultIfEmpty(double.MaxValue).Min())!;
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", station.Id);
        await page.Mouse.ClickAsync((float)xy[0], (float)xy[1]);
        await page.Locator("#station-form").WaitForAsync();

        var states = new List<(int Edits, double Covered)> { (0, await CoveredAsync(page)) };
        async Task StepAsync(Func<Task> gesture)
        {
            await WhileWaitingAsync(page, gesture);
            states.Add((await EditCountAsync(page), await AssertCoreFiguresAsync(page)));
        }

        // Each field is set to a value it does not have (an unchanged field is no edit); the status goes and comes back.
        var status = DomainNames.Of(station.Status);
        var level = station.Level == StationLevel.VillagePoint ? "township_station" : "village_point";
        await StepAsync(() => page.Locator("#edit-status").SelectOptionAsync(status == "operating" ? "planned" : "operating"));
        await StepAsync(() => page.Locator("#edit-status").SelectOptionAsync(status));
        await StepAsync(() => FillAsync(page, "#edit-social-workers", (station.SocialWorkers + 2).ToString(CultureInfo.InvariantCulture)));
        await StepAsync(() => FillAsync(page, "#edit-supervisors", ((station.Supervisors ?? 0) + 3).ToString(CultureInfo.InvariantCulture)));
        await StepAsync(() => page.Locator("#edit-level").SelectOptionAsync(level));
        const string name = "改名站 <i>斜</i> & 1";
        await StepAsync(() => FillAsync(page, "#edit-name", name));
        Assert.Equal(["change_status", "change_status", "restaff_station", "set_supervisors", "change_level", "rename_station"], await KindsAsync(page));
        var shown = JsonNode.Parse(await page.EvaluateAsync<string>("id => JSON.stringify(window.__planner.stations.find(s => s.id === id))", station.Id))!;
        Assert.Equal((name, level, status, station.SocialWorkers + 2, (station.Supervisors ?? 0) + 3), (shown["name"]!.GetValue<string>(), shown["level"]!.GetValue<string>(), shown["status"]!.GetValue<string>(), shown["socialWorkers"]!.GetValue<int>(), shown["supervisors"]!.GetValue<int>()));
        Assert.Equal($"Station: {name}", await page.Locator("#inspect-title").TextContentAsync());

        // A new station takes the level and status chosen in the toolbar.
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        var gap = report["gaps"]!.AsArray()[0]!["centroid"]!.AsArray();
        await page.Locator("#tabs button[data-tab=whatif]").ClickAsync();
        // An area centre counts for GB 50180's 15-minute circle (the default); the toolbar's default level is a township station.
        await page.Locator("#new-level").SelectOptionAsync("area_center");
        await page.Locator("#new-status").SelectOptionAsync("operating");
        await page.Locator("input[name=tool][value=add]").CheckAsync();
        var at = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new[] { gap[0]!.GetValue<double>(), gap[1]!.GetValue<double>() });
        await StepAsync(() => page.Mouse.ClickAsync((float)at[0], (float)at[1]));
        await page.Locator("input[name=tool][value=select]").CheckAsync();
        var added = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits.at(-1))"))!;
        Assert.Equal(("add_station", "area_center", "operating"), (added["kind"]!.GetValue<string>(), added["level"]!.GetValue<string>(), added["status"]!.GetValue<string>()));
        Assert.True(states.Select(s => Math.Round(s.Covered, 6)).Distinct().Count() >= 2, "the edits change the figures");
        await DesktopApp.ScreenshotAsync(page, "station-edited");

        // Undo back to the start, by the button and by Ctrl+Z; then redo to the end by Ctrl+Shift+Z and the button.
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        for (int i = states.Count - 2; i >= 0; i--)
        {
            await UndoRedoAsync(page, i % 2 == 0 ? () => page.Locator("#undo").ClickAsync() : () => page.Keyboard.PressAsync("Control+z"), states[i].Edits);
            Assert.Equal(states[i].Covered, await CoveredAsync(page), 6);
        }

        Assert.True(await page.Locator("#undo").IsDisabledAsync());
        for (int i = 1; i < states.Count; i++)
        {
            await UndoRedoAsync(page, i % 2 == 0 ? () => page.Locator("#redo").ClickAsync() : () => page.Keyboard.PressAsync("Control+Shift+z"), states[i].Edits);
            Assert.Equal(states[i].Covered, await AssertCoreFiguresAsync(page), 6);
        }

        Assert.True(await page.Locator("#redo").IsDisabledAsync());
        output.WriteLine("states: " + string.Join(", ", states.Select(s => $"{s.Edits} edits → {s.Covered}")));
        await page.CloseAsync();
    }

    /// <summary>Checks the stations and figures on the page against the core's application of the page's edits; returns the figure.</summary>
    private async Task<double> AssertCoreFiguresAsync(IPage page)
    {
        var edits = await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)");
        var (parsed, problems) = ScenarioEditJson.Parse(edits);
        Assert.Empty(problems);
        var applied = ScenarioApplier.Apply(app.Region, new Scenario("page", app.Region.Info.Name, parsed));
        var shown = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.stations)"))!.AsArray();
        Assert.Equal(
            applied.Region.Stations.Select(s => $"{s.Id}|{s.Name}|{DomainNames.Of(s.Level)}|{DomainNames.Of(s.Status)}|{s.SocialWorkers}|{s.Supervisors}").Order(StringComparer.Ordinal),
            shown.Select(s => $"{s!["id"]}|{s["name"]}|{s["level"]}|{s["status"]}|{s["socialWorkers"]}|{s["supervisors"]}").Order(StringComparer.Ordinal));
        var core = CoverageCalculator.Compute(applied.Region, DesktopApp.OptionsInForce(parsed, applied.Parameters));
        var covered = await CoveredAsync(page);
        Assert.Equal(core.Groups["total"].Covered, covered, 6);
        return covered;
    }

    private static Task<double> CoveredAsync(IPage page) => page.EvaluateAsync<double>("() => window.__planner.covered.total");

    private static Task<int> EditCountAsync(IPage page) => page.EvaluateAsync<int>("() => window.__planner.edits.length");

    private static async Task<List<string>> KindsAsync(IPage page) =>
        [.. JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"))!.AsArray().Select(e => e!["kind"]!.GetValue<string>())];

    private static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.Locator(selector).FillAsync(value);
        await page.Locator(selector).PressAsync("Tab");
    }

    private static async Task WhileWaitingAsync(IPage page, Func<Task> gesture)
    {
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await gesture();
        await DesktopApp.WaitForWhatIfAsync(page, count);
    }

    /// <summary>Undo or redo, then waits until the page shows that list's figures (no request when the list is empty).</summary>
    private static async Task UndoRedoAsync(IPage page, Func<Task> gesture, int edits)
    {
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await gesture();
        await page.WaitForFunctionAsync("([n, edits]) => window.__planner.edits.length === edits && window.__planner.busy === 0 && (edits === 0 || window.__planner.circlesCount > n)", new[] { count, edits }, new PageWaitForFunctionOptions { Timeout = 60_000 });
    }
}
