namespace Planner.Api.Tests;

/// <summary>Jobs: 202 + Location, progress, result, cancel, and scope.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobsTests(ApiFixture api)
{
    [Fact]
    public async Task CoverageJob_Succeeds_WithTheSameReportAsGet()
    {
        using var client = api.Client("planner", "synth");
        var start = await client.PostAsync("/regions/synth/coverage/jobs?minutes=12", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!;
        Assert.Matches("/jobs/[0-9a-f]{32}$", location.ToString());
        var job = await WaitFinished(client, location);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("progress").GetDouble());
        var report = await client.GetFromJsonAsync<JsonElement>("/regions/synth/coverage?minutes=12");
        Assert.True(JsonElement.DeepEquals(report, job.GetProperty("result")), "the job's result differs from GET coverage");
        Assert.Equal(report.GetProperty("units").GetArrayLength(), job.GetProperty("result").GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Job_IsInvisibleToOtherCounty_AndToViewers()
    {
        using var client = api.Client("planner", "synth");
        var start = await client.PostAsync("/regions/synth/coverage/jobs?minutes=11", null);
        var path = start.Headers.Location!.AbsolutePath;
        using var other = api.Client("planner", "tiny");
        await Problems.AssertProblem(await other.GetAsync(path), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await other.DeleteAsync(path), HttpStatusCode.NotFound);
        using var otherAdmin = api.Client("admin", "tiny");
        await Problems.AssertProblem(await otherAdmin.GetAsync(path), HttpStatusCode.NotFound);
        using var viewer = api.Client("viewer", "synth");
        await Problems.AssertProblem(await viewer.GetAsync(path), HttpStatusCode.Forbidden);
        await WaitFinished(client, start.Headers.Location!);
    }

    [Fact]
    public async Task JobList_ShowsTheKeysJobsNewestFirst_AndNotOtherCounties()
    {
        using var client = api.Client("planner", "synth");
        var older = await client.PostAsync("/regions/synth/coverage/jobs?minutes=9", null);
        var newer = await client.PostAsync("/regions/synth/coverage/jobs?minutes=8", null);
        Assert.Equal(TimeSpan.FromSeconds(1), newer.Headers.RetryAfter?.Delta);
        string Id(HttpResponseMessage r) => r.Headers.Location!.AbsolutePath.Split('/')[^1];

        var page = await client.GetFromJsonAsync<JsonElement>("/jobs?size=2");
        Assert.Equal([Id(newer), Id(older)], page.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        var all = await client.GetFromJsonAsync<JsonElement>("/jobs?size=100");
        Assert.All(all.GetProperty("items").EnumerateArray(), j => Assert.Equal("synth", j.GetProperty("region").GetString()));

        using var other = api.Client("planner", "tiny");
        var theirs = await other.GetFromJsonAsync<JsonElement>("/jobs?size=100");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetString() == Id(newer));
        await Problems.AssertProblem(await client.GetAsync("/jobs?size=0"), HttpStatusCode.BadRequest, "size");
        await WaitFinished(client, older.Headers.Location!);
        await WaitFinished(client, newer.Headers.Location!);
    }

    [Fact]
    public async Task UnknownJob_Is404()
    {
        using var client = api.Client("planner", "tiny");
        await Problems.AssertProblem(await client.GetAsync("/jobs/0123456789abcdef0123456789abcdef"), HttpStatusCode.NotFound);
        await Problems.AssertProblem(await client.DeleteAsync("/jobs/nope"), HttpStatusCode.NotFound);
    }

    /// <summary>Polls a job until it ends (the condition, not a fixed sleep), for at most a minute.</summary>
    internal static async Task<JsonElement> WaitFinished(HttpClient client, Uri location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location.AbsolutePath);
            var status = job.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled")
            {
                return job;
            }

            var progress = job.GetProperty("progress").GetDouble();
            Assert.InRange(progress, 0, 1);
            Assert.True(DateTime.UtcNow < deadline, $"job still {status} after a minute");
            await Task.Delay(20);
        }
    }
}
