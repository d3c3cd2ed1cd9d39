using System.Globalization;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Desktop.Tests;

/// <summary>A station's supervisors and its county's supervision ratio in the inspect panel, against the region's files and the core's checker.</summary>
[Collection(DesktopCollection.Name)]
public sealed class StationSupervisionTests(DesktopApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ClickStation_ShowsItsSupervisorsOrNotRecorded_AndItsCountysSupervisionCheck_InBothLanguages()
    {
        // The clearest station (farthest from any other) with supervisors recorded, and likewise one without.
        var stations = app.Region.Stations;
        Station? Clearest(Func<Station, bool> which) => stations.Where(which)
            .OrderByDescending(s => stations.Where(o => o != s).Select(o => Distance(s, o)).DefaultIfEmpty(double.MaxValue).Min()).FirstOrDefault();
        var chosen = new[] { Clearest(s => s.Supervisors > 0), Clearest(s => s.Supervisors is null) }.OfType<Station>().ToList();
        Assert.True(chosen.Count > 0, "no station to check");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLANNER_DESKTOP_REGION")))
        {
            Assert.True(chosen.Count == 2, "the synthetic fixture should have stations with and without supervisors");
        }

        var rules = RuleSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));
        var supervision = StandardsChecker.Check(app.Region, rules).Where(c => c.RuleId == "staffing.supervision").ToList();
        var page = await app.OpenMapAsync("en");
        foreach (var s in chosen)
        {
            await ClickAsync(page, s.Id);
            var expected = s.Supervisors is { } n ? $"Supervisors: {n}" : "Supervisors: not recorded";
            Assert.Equal(expected, await page.Locator("#inspect-supervisors").InnerTextAsync());

            var lines = await page.Locator("#inspect .inspect-supervision").AllInnerTextsAsync();
            var county = supervision.Where(c => app.Region.Units.Single(u => u.Code == c.SubjectId).Boundary.Contains(new Point(s.Location.Lon, s.Location.Lat))).ToList();
            Assert.Equal(county.Count, lines.Count);
            foreach (var (check, line) in county.Zip(lines))
            {
                var figure = check.Measured is { } m
                    ? string.Create(CultureInfo.InvariantCulture, $"{m} / required {check.Required} — {(check.Passed ? "meets the rule" : "below the rule")}")
                    : "not measured";
                Assert.StartsWith($"Supervision ratio ({check.SubjectName}): {figure}", line, StringComparison.Ordinal);
                output.WriteLine($"{s.Id} ({s.Supervisors?.ToString(CultureInfo.InvariantCulture) ?? "not recorded"}): {line}");
            }
        }

        await DesktopApp.ScreenshotAsync(page, "station-supervisors");
        await page.Locator("#language").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__planner.language === 'zh'");
        foreach (var s in chosen)
        {
            await ClickAsync(page, s.Id);
            Assert.Equal(s.Supervisors is { } n ? $"督导：{n} 名" : "督导：未登记", await page.Locator("#inspect-supervisors").InnerTextAsync());
        }

        await DesktopApp.ScreenshotAsync(page, "station-supervisors-zh");
        await page.CloseAsync();
    }

    private static async Task ClickAsync(IPage page, string id)
    {
        var xy = await page.EvaluateAsync<double[]>("id => window.__planner.pixelOf(id)", id);
        await page.Mouse.ClickAsync((float)xy[0], (float)xy[1]);
        await page.WaitForFunctionAsync("id => window.__planner.selection && window.__planner.selection.id === id", id);
    }

    private static double Distance(Station a, Station b) =>
        Math.Sqrt(Math.Pow(a.Location.Lon - b.Location.Lon, 2) + Math.Pow(a.Location.Lat - b.Location.Lat, 2));
}
