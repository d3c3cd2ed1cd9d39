namespace Planner.Api.Tests;

/// <summary>Volunteer matching as a job, against the tiny region's one need and one team.</summary>
[Collection(ApiCollection.Name)]
public sealed class MatchingTests(ApiFixture api)
{
    // n1 (haircut, 2 h) and team t1's base (which offers haircuts) both join road 101 (lat 28.285): t1 22.2 m off it,
    // n1 33.4 m off it, 0.0005 degrees of longitude (49.0 m) apart along it: 104.6 m at 80 m/min = 1.31 minutes.
    // Within 30 minutes it is matched; within half a minute it is not.
    [Theory]
    [InlineData(30, 1, 0)]
    [InlineData(0.5, 0, 1)]
    public async Task Match_AssignsTheNeedWithinTheLimit(double limit, int matched, int unmatched)
    {
        using var planner = api.Client("planner", "tiny");
        var start = await planner.PostAsJsonAsync("/regions/tiny/matching", new { limitMinutes = limit });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = await JobsTests.WaitFinished(planner, start.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var result = job.GetProperty("result");
        Assert.Equal(matched, result.GetProperty("matched").GetInt32());
        Assert.Equal(unmatched, result.GetProperty("unmatched").GetInt32());
        if (matched == 1)
        {
            var a = result.GetProperty("assignments")[0];
            Assert.Equal(("n1", "t1", 2.0), (a.GetProperty("needId").GetString(), a.GetProperty("teamId").GetString(), a.GetProperty("hours").GetDouble()));
            Assert.InRange(a.GetProperty("minutes").GetDouble(), 1.28, 1.33);
        }
    }

    [Fact]
    public async Task Match_BadLimit_And_Roles()
    {
        using var planner = api.Client("planner", "tiny");
        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/tiny/matching", new { limitMinutes = -1 }), HttpStatusCode.UnprocessableEntity, "limitMinutes");
        await Problems.AssertProblem(await planner.PostAsJsonAsync("/regions/tiny/matching", new { mode = "boat" }), HttpStatusCode.UnprocessableEntity, "mode");
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.PostAsJsonAsync("/regions/tiny/matching", new { }), HttpStatusCode.Forbidden);
        using var other = api.Client("planner", "synth");
        await Problems.AssertProblem(await other.PostAsJsonAsync("/regions/tiny/matching", new { }), HttpStatusCode.NotFound);
    }
}
