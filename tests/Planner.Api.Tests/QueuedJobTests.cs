using Microsoft.AspNetCore.Hosting;

namespace Planner.Api.Tests;

/// <summary>
/// Jobs on a web node that runs no workers (<c>Planner:Workers=0</c>): they wait queued, and DELETE cancels a
/// queued job at once. No worker means no race with a fast machine finishing the job first.
/// </summary>
public sealed class QueuedJobTests(QueuedJobTests.NoWorkerFixture api) : IClassFixture<QueuedJobTests.NoWorkerFixture>
{
    [Fact]
    public async Task JobOnANodeWithoutWorkers_StaysQueuedWithNoProgress()
    {
        using var client = api.Client("planner", "synth");
        var posted = await client.PostAsync("/regions/synth/coverage/jobs?minutes=12", null);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Task.Delay(300);
        var job = await client.GetFromJsonAsync<JsonElement>(posted.Headers.Location!.AbsolutePath);
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal(0, job.GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task Delete_CancelsAQueuedJob_AndItHasNoResult()
    {
        using var client = api.Client("planner", "synth");
        var posted = await client.PostAsync("/regions/synth/coverage/jobs?minutes=25&includePlanned=true", null);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var path = posted.Headers.Location!.AbsolutePath;

        var cancel = await client.DeleteAsync(path);
        Assert.True(cancel.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"DELETE gave {cancel.StatusCode}");
        var cancelled = await client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(cancelled.TryGetProperty("result", out _));

        // Cancelling again leaves it cancelled.
        await client.DeleteAsync(path);
        var again = await client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("cancelled", again.GetProperty("status").GetString());
    }

    /// <summary>The API fixture with its job workers off.</summary>
    public sealed class NoWorkerFixture : ApiFixture
    {
        /// <inheritdoc />
        protected override void ConfigureStore(IWebHostBuilder builder)
        {
            base.ConfigureStore(builder);
            builder.UseSetting("Planner:Workers", "0");
        }
    }
}
