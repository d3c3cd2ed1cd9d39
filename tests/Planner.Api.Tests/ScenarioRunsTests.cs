namespace Planner.Api.Tests;

/// <summary>Scenario runs (jobs) and comparisons against hand-worked figures of the tiny region.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScenarioRunsTests(ApiFixture api)
{
    // A new operating station on d3 (50 people, 5 elderly) covers d3; the base covers 200 of 250 people and
    // 10 of 35 elderly (see CoverageTests), so the scenario covers 250 and 15.
    private static readonly object AddAtD3 = new { kind = "add_station", id = "n1", name = "新站", lon = 117.2352, lat = 28.296, level = "village_point", status = "operating", social_workers = 1 };

    [Fact]
    public async Task Run_IsAJob_WhoseCoverageIncludesTheNewStation()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "run-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { AddAtD3 } })).StatusCode);
        var start = await planner.PostAsync($"/regions/tiny/scenarios/{name}/run", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = await JobsTests.WaitFinished(planner, start.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var groups = job.GetProperty("result").GetProperty("groups");
        Assert.Equal(250, groups.GetProperty("total").GetProperty("covered").GetDouble());
        Assert.Equal(15, groups.GetProperty("elderly").GetProperty("covered").GetDouble());
        Assert.Contains(job.GetProperty("result").GetProperty("stations").EnumerateArray(), s => s.GetProperty("id").GetString() == "n1");
    }

    [Fact]
    public async Task Compare_BaseWithScenario_GivesTheGain()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "cmp-" + Guid.NewGuid().ToString("N")[..8];
        await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { AddAtD3 } });
        using var viewer = api.Client("viewer", "tiny");
        var diff = await viewer.GetFromJsonAsync<JsonElement>($"/regions/tiny/scenario-comparison?a=base&b={name}");
        var total = diff.GetProperty("groups").GetProperty("total");
        Assert.Equal(0.8, total.GetProperty("a").GetDouble(), 6);
        Assert.Equal(1.0, total.GetProperty("b").GetDouble(), 6);
        Assert.Equal(50, total.GetProperty("coveredDelta").GetDouble());
        Assert.Equal(5, diff.GetProperty("groups").GetProperty("elderly").GetProperty("coveredDelta").GetDouble());
        // The largest change is in 东门街道 (360681001): d1 (120) and d3 (50) live there; 120 of 170 before, all after.
        var top = diff.GetProperty("units")[0];
        Assert.Equal("360681001", top.GetProperty("code").GetString());
        Assert.Equal(50.0 / 170, top.GetProperty("total").GetProperty("delta").GetDouble(), 5);
    }

    [Fact]
    public async Task Compare_UnknownScenario_NamesTheParameter()
    {
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.GetAsync("/regions/tiny/scenario-comparison?a=base&b=nope"), HttpStatusCode.NotFound, "b");
        await Problems.AssertProblem(await viewer.GetAsync("/regions/tiny/scenario-comparison?b=base"), HttpStatusCode.BadRequest, "a");
        using var other = api.Client("viewer", "synth");
        await Problems.AssertProblem(await other.GetAsync("/regions/tiny/scenario-comparison?a=base&b=base"), HttpStatusCode.NotFound);
        using var viewerRun = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewerRun.PostAsync("/regions/tiny/scenarios/x/run", null), HttpStatusCode.Forbidden);
    }
}
