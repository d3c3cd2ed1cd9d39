using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>
/// The page's minutes limit and modes come from the API's <c>GET /travel-limits</c>; on a server without it
/// (404) the page checks nothing and shows the API's refusal. The tests hold before and after the endpoint
/// exists: the two cases route the endpoint, the third compares with whatever the server answers.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class TravelLimitsTests(DesktopApp app, ITestOutputHelper output)
{
    /// <summary>More than any limit the API has had (120 before the limits were one, 240 after).</summary>
    private const int TooMany = 300;

    [Fact]
    public async Task TravelLimits_EndpointMissing_PageSendsTheMinutes_ShowsTheApisProblem_AndUndoesTheChange()
    {
        var page = await app.OpenMapAsync("en", p => p.RouteAsync("**/travel-limits", r => r.FulfillAsync(new RouteFulfillOptions
        {
            Status = 404, ContentType = "application/problem+json", Body = """{"title":"Not Found","status":404}""",
        })));
        Assert.Equal("""{"minutes":null,"speedKmh":null,"modes":null}""", await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.limits)"));
        Assert.Null(await page.Locator("#minutes").GetAttributeAsync("max"));
        var minutes = await page.EvaluateAsync<double>("() => window.__planner.minutes");
        var mode = await page.EvaluateAsync<string>("() => window.__planner.mode");

        // The API's own answer to the same request, asked here.
        using var direct = await app.Api.PostAsJsonAsync(new Uri($"regions/{app.RegionName}/whatif", UriKind.Relative),
            new JsonObject { ["minutes"] = TooMany, ["mode"] = mode, ["stations"] = new JsonArray(), ["circles"] = false });
        Assert.True(direct.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"the API took {TooMany} minutes: {direct.StatusCode}");
        var detail = JsonNode.Parse(await direct.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();

        await page.Locator("#minutes").FillAsync(TooMany.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var sent = await page.RunAndWaitForRequestAsync(() => page.Locator("#minutes").DispatchEventAsync("change"), r => r.Url.EndsWith("/whatif", StringComparison.Ordinal) && r.Method == "POST");
        Assert.Equal(TooMany, JsonNode.Parse(sent.PostData!)!["minutes"]!.GetValue<double>());
        await page.WaitForFunctionAsync("() => window.__planner.refusal !== null && window.__planner.busy === 0");

        Assert.Equal(detail, await page.EvaluateAsync<string>("() => window.__planner.refusal"));
        Assert.Equal($"Not accepted: {detail}", await page.Locator("#status").TextContentAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__planner.error"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__planner.edits.length"));
        Assert.Equal(minutes, await page.EvaluateAsync<double>("() => window.__planner.minutes"));
        Assert.Equal(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#minutes").InputValueAsync());
        output.WriteLine($"refused: {detail}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TravelLimits_FromTheApi_RefuseMinutesAboveTheMaximumOnThePage_AndListOnlyTheModesGiven()
    {
        var page = await app.OpenMapAsync("en", p => p.RouteAsync("**/travel-limits", r => r.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "application/json",
            Body = """{"minutes":{"min":0,"max":30,"minExclusive":true},"speedKmh":{"min":0,"max":120,"minExclusive":true},"modes":["walk","drive"]}""",
        })));
        Assert.Equal(["walk", "drive"], await page.Locator("#mode option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal(["walk", "drive"], await page.Locator("#mode option").AllTextContentsAsync());
        Assert.Equal("30", await page.Locator("#minutes").GetAttributeAsync("max"));
        var minutes = await page.EvaluateAsync<double>("() => window.__planner.minutes");
        var whatIfs = 0;
        page.Request += (_, r) => { if (r.Url.EndsWith("/whatif", StringComparison.Ordinal)) { whatIfs++; } };

        await page.Locator("#minutes").FillAsync("45");
        await page.Locator("#minutes").DispatchEventAsync("change");
        await page.WaitForFunctionAsync("() => window.__planner.refusal !== null");
        Assert.Equal("Not accepted: Minutes: 45 — give more than 0 and at most 30", await page.Locator("#status").TextContentAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__planner.edits.length"));
        Assert.Equal(minutes, await page.EvaluateAsync<double>("() => window.__planner.minutes"));

        // A value inside the limits is taken: one edit, computed by the API, and the refusal is cleared.
        int count = await page.EvaluateAsync<int>("() => window.__planner.circlesCount");
        await page.Locator("#minutes").FillAsync("20");
        await page.Locator("#minutes").DispatchEventAsync("change");
        await DesktopApp.WaitForWhatIfAsync(page, count);
        Assert.Equal(20, await page.EvaluateAsync<double>("() => window.__planner.minutes"));
        Assert.Equal("""[{"kind":"set_minutes","minutes":20}]""", await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.edits)"));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__planner.refusal"));
        Assert.Equal("Ready", await page.Locator("#status").TextContentAsync());
        Assert.True(whatIfs >= 2, $"the page sent {whatIfs} what-if requests for 20 minutes (figures and circles expected)");

        await page.Locator("#language").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__planner.language === 'zh'");
        Assert.Equal(["步行", "驾车"], await page.Locator("#mode option").AllTextContentsAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task TravelLimits_AsTheServerAnswers_AreWhatThePageHolds()
    {
        using var response = await app.Api.GetAsync(new Uri("travel-limits", UriKind.Relative));
        var page = await app.OpenMapAsync("en");
        var held = JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.__planner.limits)"))!;
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Equal("""{"minutes":null,"speedKmh":null,"modes":null}""", held.ToJsonString());
            output.WriteLine("GET /travel-limits: 404; the page checks no limits");
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, $"GET /travel-limits: {response.StatusCode}");
            var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            foreach (var part in new[] { "minutes", "speedKmh" })
            {
                Assert.Equal(served[part]!["min"]!.GetValue<double>(), held[part]!["min"]!.GetValue<double>());
                Assert.Equal(served[part]!["max"]!.GetValue<double>(), held[part]!["max"]!.GetValue<double>());
                Assert.Equal(served[part]!["minExclusive"]?.GetValue<bool>() ?? false, held[part]!["minExclusive"]!.GetValue<bool>());
            }

            Assert.Equal(served["modes"]!.AsArray().Select(m => m!.GetValue<string>()), held["modes"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal(served["modes"]!.AsArray().Select(m => m!.GetValue<string>()), await page.Locator("#mode option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
            output.WriteLine($"GET /travel-limits: {served.ToJsonString()}");
        }

        await page.CloseAsync();
    }
}
