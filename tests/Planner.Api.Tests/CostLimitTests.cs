using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Planner.Api.Tests;

/// <summary>
/// The cost budget (issue 16 item 2): a flood of what-if requests with circles from two keys is held to the
/// per-key and global concurrency limits, the rest refused at once with 429, problem+json and Retry-After, and a
/// cheap read (<c>GET /regions</c>) stays fast meanwhile.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CostLimitTests(ApiFixture api, Xunit.Abstractions.ITestOutputHelper log)
{
    private async Task<string> WhatIfBodyAsync(string region)
    {
        // 50 stations (the fixture's MaxFeatures) spread over the region's box: each what-if builds 50 circles.
        var stored = await api.StoredRegionAsync(region);
        var b = stored.Bounds;
        var random = new Random(16);
        var stations = Enumerable.Range(0, 50).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":\"f{i}\",\"name\":\"f{i}\",\"lon\":{b.MinLon + (random.NextDouble() * (b.MaxLon - b.MinLon))},\"lat\":{b.MinLat + (random.NextDouble() * (b.MaxLat - b.MinLat))},\"level\":\"township_station\",\"status\":\"operating\",\"socialWorkers\":3}}"));
        return $"{{\"minutes\":15,\"stations\":[{string.Join(",", stations)}],\"circles\":true}}";
    }

    [Fact]
    public async Task WhatIfFlood_IsRefusedWith429_AndCheapReadsStayUnder200MsAtP95()
    {
        using var synth = api.Client("planner", "synth");
        using var tiny = api.Client("planner", "tiny");
        using var viewer = api.Client("viewer", "synth");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/regions")).StatusCode); // seeds the workspace on first use
        string synthBody = await WhatIfBodyAsync("synth"), tinyBody = await WhatIfBodyAsync("tiny");

        using var stop = new CancellationTokenSource();
        int ok = 0, refused = 0;
        var refusals = new System.Collections.Concurrent.ConcurrentBag<HttpResponseMessage>();
        async Task Flood(HttpClient client, string region, string body)
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsync($"/regions/{region}/whatif", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref refused);
                    if (refusals.Count < 3)
                    {
                        refusals.Add(response);
                    }
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Interlocked.Increment(ref ok);
                }
            }
        }

        var flood = Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0 ? Flood(synth, "synth", synthBody) : Flood(tiny, "tiny", tinyBody))).ToList();
        var latencies = new List<double>();
        await Task.Delay(200);
        for (int i = 0; i < 40; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = await viewer.GetAsync("/regions");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(25);
        }

        await stop.CancelAsync();
        await Task.WhenAll(flood);

        latencies.Sort();
        double p95 = latencies[(int)Math.Ceiling(0.95 * latencies.Count) - 1];
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /regions under the flood: p50 {latencies[latencies.Count / 2]:0.0} ms, p95 {p95:0.0} ms, max {latencies[^1]:0.0} ms; what-if served {ok}, refused {refused}"));
        Assert.True(ok > 0, "no what-if got through");
        Assert.True(refused > 0, $"no what-if was refused ({ok} served)");
        Assert.True(p95 < 200, $"GET /regions p95 {p95:0.0} ms under the flood ({ok} served, {refused} refused)");
        var first = refusals.First();
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        Assert.True(first.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
        using var problem = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task CheapEndpoints_AreNotLimited()
    {
        using var viewer = api.Client("viewer", "tiny");
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => viewer.GetAsync("/regions/tiny/collections/stations/items")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
