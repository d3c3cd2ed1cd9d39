using System.Globalization;
using Planner.Core.Visits;

namespace Planner.Api.Tests;

/// <summary>
/// Home-visit plans over the Guixi sample and its illustrative cases: a planner's job gives the routes; a viewer
/// gets counts per unit and stations' hours, is refused the case layer (403), and never sees a case's location.
/// </summary>
[Collection(GuixiCollection.Name)]
public sealed class VisitPlanTests(GuixiApiFixture api)
{
    private static readonly IReadOnlyList<VisitCase> Sample =
        [.. CaseTableReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "guixi", "cases.csv")).Cases.Take(40)];

    private static object Body(IEnumerable<VisitCase> cases) => new
    {
        month = "2027-03",
        secondsPerStation = 0.2,
        cases = cases.Select(c => new
        {
            id = c.Id, lon = c.Location?.Lon, lat = c.Location?.Lat, unit = c.UnitCode, category = c.Category,
            visitsPerMonth = c.VisitsPerMonth, minutesPerVisit = c.MinutesPerVisit, window = c.Window?.ToString(), kind = c.Kind,
        }),
    };

    private async Task<(string PlanId, JsonElement Result)> PlanAsync()
    {
        using var planner = api.Client("planner", "guixi");
        var start = await planner.PostAsJsonAsync("/regions/guixi/visit-plans", Body(Sample));
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = await JobsTests.WaitFinished(planner, start.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("progress").GetDouble());
        var result = job.GetProperty("result");
        return (result.GetProperty("planId").GetString()!, result);
    }

    [Fact]
    public async Task VisitPlan_Planner_GetsRoutesAndEveryVisitIsPlannedOrUnmet()
    {
        var (_, result) = await PlanAsync();

        int asked = Sample.Sum(c => c.VisitsPerMonth);
        Assert.Equal(asked, result.GetProperty("visitsPlanned").GetInt32() + result.GetProperty("visitsUnmet").GetInt32());
        Assert.NotEmpty(result.GetProperty("days").EnumerateArray());
        var busy = result.GetProperty("stations").EnumerateArray().Where(s => s.GetProperty("cases").GetInt32() > 0).ToList();
        Assert.NotEmpty(busy);
        Assert.All(busy, s => Assert.True(s.GetProperty("workersNeeded").GetInt32() >= 1));
    }

    [Fact]
    public async Task VisitPlan_Viewer_NeverSeesACaseLocationOrId()
    {
        var (id, _) = await PlanAsync();
        using var viewer = api.Client("viewer", "guixi");
        using var planner = api.Client("planner", "guixi");

        var counts = await viewer.GetAsync($"/regions/guixi/visit-plans/{id}/units");
        var cases = await viewer.GetAsync($"/regions/guixi/visit-plans/{id}/cases");
        var routes = await viewer.GetAsync($"/regions/guixi/visit-plans/{id}/routes");
        var post = await viewer.PostAsJsonAsync("/regions/guixi/visit-plans", Body(Sample));
        Assert.Equal(HttpStatusCode.OK, counts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, routes.StatusCode);
        Assert.Contains(api.Logs, l => l.Contains("Refused routes", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var units = await counts.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Sample.Count, units.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("cases").GetInt32()));

        var seen = new List<string> { await counts.Content.ReadAsStringAsync(), await cases.Content.ReadAsStringAsync(), await routes.Content.ReadAsStringAsync(), await post.Content.ReadAsStringAsync() };
        foreach (var path in new[] { "/regions", "/regions/guixi", "/regions/guixi/coverage", "/regions/guixi/collections" })
        {
            seen.Add(await viewer.GetStringAsync(path));
        }

        foreach (var layer in new[] { "units", "demand", "stations", "teams", "needs" })
        {
            seen.Add(await (await viewer.GetAsync($"/regions/guixi/collections/{layer}/items?limit=10000")).Content.ReadAsStringAsync());
        }

        // The same case locations as a planner sees them: the check would find them if they leaked.
        var planned = await planner.GetStringAsync($"/regions/guixi/visit-plans/{id}/cases");
        var plannedRoutes = await planner.GetStringAsync($"/regions/guixi/visit-plans/{id}/routes");
        var visited = JsonDocument.Parse(plannedRoutes).RootElement.GetProperty("features").EnumerateArray()
            .SelectMany(f => f.GetProperty("properties").GetProperty("cases").GetString()!.Split(';')).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(visited);
        foreach (var c in Sample)
        {
            var lon = (Math.Truncate(c.Location!.Value.Lon * 1e4) / 1e4).ToString("0.0000", CultureInfo.InvariantCulture);
            var lat = (Math.Truncate(c.Location!.Value.Lat * 1e4) / 1e4).ToString("0.0000", CultureInfo.InvariantCulture);
            Assert.Contains(c.Id, planned);
            if (visited.Contains(c.Id))
            {
                // A visited home is a vertex of its route: the planner's routes hold it, so the check below would see it.
                Assert.True(CaseNear(plannedRoutes, lon, lat), $"case {c.Id} not on its route");
            }

            Assert.All(seen, text => Assert.False(text.Contains(c.Id, StringComparison.Ordinal) || (text.Contains(lon, StringComparison.Ordinal) && text.Contains(lat, StringComparison.Ordinal) && CaseNear(text, lon, lat)), $"case {c.Id} leaked"));
        }
    }

    /// <summary>Whether the text holds a coordinate pair starting with the case's lon and lat to 4 decimals (about 10 m).</summary>
    private static bool CaseNear(string text, string lon, string lat) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"{System.Text.RegularExpressions.Regex.Escape(lon)}\d*\s*,\s*{System.Text.RegularExpressions.Regex.Escape(lat)}");

    [Fact]
    public async Task VisitPlan_RoutesForOneWorkerDay_AlongTheRoadsWithThePlansMinutes()
    {
        var (id, result) = await PlanAsync();
        var day = result.GetProperty("days").EnumerateArray().First();
        using var planner = api.Client("planner", "guixi");

        var text = await planner.GetStringAsync(
            $"/regions/guixi/visit-plans/{id}/routes?station={Uri.EscapeDataString(day.GetProperty("station").GetString()!)}&worker={Uri.EscapeDataString(day.GetProperty("worker").GetString()!)}&day={day.GetProperty("date").GetString()}");

        var feature = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("features").EnumerateArray());
        var stops = day.GetProperty("stops").GetArrayLength();
        Assert.Equal("LineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(feature.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > stops + 2, "along the roads, not stop to stop");
        Assert.Equal(day.GetProperty("travelMinutes").GetDouble(), feature.GetProperty("properties").GetProperty("minutes").GetDouble(), 0);
        await Problems.AssertProblem(await planner.GetAsync($"/regions/guixi/visit-plans/{id}/routes?day=March"), HttpStatusCode.BadRequest, "day");
    }

    [Fact]
    public async Task VisitPlan_BadCase_422NamingTheField()
    {
        using var planner = api.Client("planner", "guixi");
        var bad = Sample.Take(3).Select((c, i) => i == 2 ? c with { Category = "nobody" } : c);

        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/guixi/visit-plans", Body(bad)), HttpStatusCode.UnprocessableEntity, "cases[2].category");
        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/guixi/visit-plans", new { month = "2027-3x", cases = Array.Empty<object>() }), HttpStatusCode.UnprocessableEntity, "month");
    }
}
