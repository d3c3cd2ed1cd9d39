using Microsoft.Playwright;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>
/// Names are data: a station, township or county whose name is markup (the fixture's
/// <see cref="DesktopApp.WithMarkupInNames"/>) shows as the characters it is, and nothing is injected.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class NamesAsTextTests(DesktopApp app, ITestOutputHelper output)
{
    /// <summary>Elements that only markup in a name could have put there: the page itself has no image, one script and no bold in these panels.</summary>
    private const string Injected = "() => JSON.stringify({ images: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length, bold: document.querySelectorAll('#inspect b, #zoom-unit b, #summary b:not(#covered-people), #legend b').length, ran: window.__injected ?? null })";

    [Fact]
    public async Task MarkupInStationAndUnitNames_InspectAndUnitChooser_ShowTheNamesLiterally_AndInjectNothing()
    {
        var station = app.Region.Stations.SingleOrDefault(s => s.Name == DesktopApp.MarkupStationName);
        var township = app.Region.Units.SingleOrDefault(u => u.Name == DesktopApp.MarkupTownshipName);
        var county = app.Region.Units.SingleOrDefault(u => u.Name == DesktopApp.MarkupCountyName);
        Assert.True(station is not null && township is not null && county is not null, "the fixture region lacks the names with markup");
        var page = await app.OpenMapAsync("en");

        // The station's inspect panel: its name in the title, its county's name in the supervision line.
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", station!.Id);
        await page.Mouse.ClickAsync((float)xy[0], (float)xy[1]);
        await page.WaitForFunctionAsync("id => window.__planner.selection && window.__planner.selection.id === id", station.Id);
        Assert.Equal($"Station: {station.Name}", await page.Locator("#inspect-title").TextContentAsync());
        var supervision = await page.Locator("#inspect .inspect-supervision").AllTextContentsAsync();
        Assert.Contains(supervision, line => line.StartsWith($"Supervision ratio ({county!.Name}): ", StringComparison.Ordinal));
        await AssertNothingInjectedAsync(page);

        // The unit chooser lists the names as they are; choosing the township shows its name in the title.
        Assert.Equal(township!.Name, await page.Locator($"#zoom-unit option[value='{township.Code}']").TextContentAsync());
        Assert.Equal(county!.Name, await page.Locator($"#zoom-unit option[value='{county.Code}']").TextContentAsync());
        await page.Locator("#zoom-unit").SelectOptionAsync(township.Code);
        await page.WaitForFunctionAsync("code => window.__planner.selection && window.__planner.selection.id === code", township.Code);
        Assert.Equal($"Unit: {township.Name} (township)", await page.Locator("#inspect-title").TextContentAsync());
        await AssertNothingInjectedAsync(page);

        // Chinese labels around the same names.
        await page.Locator("#language").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__planner.language === 'zh'");
        Assert.StartsWith($"单元: {township.Name} (", await page.Locator("#inspect-title").TextContentAsync(), StringComparison.Ordinal);
        await AssertNothingInjectedAsync(page);
        output.WriteLine($"station {station.Id}, township {township.Code}, county {county.Code}: names shown as text");
        await page.CloseAsync();
    }

    [Fact]
    public async Task MarkupInStationName_MovedInTheWhatIf_SentAndShownAsItIs()
    {
        var station = app.Region.Stations.SingleOrDefault(s => s.Name == DesktopApp.MarkupStationName);
        Assert.True(station is not null, "the fixture region lacks the station named with markup");
        var page = await app.OpenMapAsync("en");
        var from = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", station!.Id);
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");

        var sent = await page.RunAndWaitForRequestAsync(async () =>
        {
            await page.Mouse.MoveAsync((float)from[0], (float)from[1]);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync((float)from[0] + 30, (float)from[1] + 20, new MouseMoveOptions { Steps = 6 });
            await page.Mouse.UpAsync();
        }, r => r.Url.EndsWith("/whatif", StringComparison.Ordinal) && r.Method == "POST");
        await DesktopApp.WaitForWhatIfAsync(page, count);

        // The what-if request carries the name unchanged, and the panel (the moved station stays selected) shows it.
        var stations = System.Text.Json.Nodes.JsonNode.Parse(sent.PostData!)!["stations"]!.AsArray();
        Assert.Equal(station.Name, stations.Single(s => s!["id"]!.GetValue<string>() == station.Id)!["name"]!.GetValue<string>());
        Assert.Equal($"Station: {station.Name}", await page.Locator("#inspect-title").TextContentAsync());
        await AssertNothingInjectedAsync(page);
        await page.CloseAsync();
    }

    private static async Task AssertNothingInjectedAsync(IPage page)
    {
        Assert.Equal("""{"images":0,"scripts":1,"bold":0,"ran":null}""", await page.EvaluateAsync<string>(Injected));
    }
}
