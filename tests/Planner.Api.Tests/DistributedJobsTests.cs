using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Batches;
using Planner.Core.Synthetic;

namespace Planner.Api.Tests;

/// <summary>
/// Jobs over PostgreSQL job storage with real processes: a job outlives the API that queued it, two
/// <c>planner worker</c> processes share one batch and store each county once, and a worker killed with SIGKILL
/// mid-county leaves its county to the other. Each test gets its own schema (regions) and job schema.
/// </summary>
public sealed class DistributedJobsTests : IAsyncLifetime
{
    private readonly string _schema = $"jobs_{Guid.NewGuid():N}";
    private readonly List<Process> _workers = [];

    private string Store => new NpgsqlConnectionStringBuilder(PostGisApiFixture.ConnectionString) { SearchPath = $"{_schema}, public" }.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (PostGisApiFixture.ConnectionString is not null)
        {
            await ExecuteAsync($"CREATE SCHEMA \"{_schema}\"");
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            if (!worker.HasExited)
            {
                worker.Kill();
                await worker.WaitForExitAsync();
            }

            worker.Dispose();
        }

        if (PostGisApiFixture.ConnectionString is not null)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE; DROP SCHEMA IF EXISTS \"{JobsSetup.JobSchema(Store)}\" CASCADE");
        }
    }

    [PostGisFact]
    public async Task Job_QueuedBeforeAnApiRestart_FinishesOnTheNextApi()
    {
        string location;
        var first = new SchemaApi(Store, workers: 0);
        await first.InitializeAsync();
        try
        {
            using var client = first.Client("planner", "synth");
            var posted = await client.PostAsync("/regions/synth/coverage/jobs?minutes=12", null);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), posted.Headers.RetryAfter?.Delta);
            location = posted.Headers.Location!.AbsolutePath;
            Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString());
        }
        finally
        {
            await first.DisposeAsync();
        }

        // A new API process on the same database, this time with a worker: the job queued by the first one runs.
        var second = new SchemaApi(Store, workers: 1);
        await second.InitializeAsync();
        try
        {
            using var client = second.Client("planner", "synth");
            var job = await JobsTests.WaitFinished(client, new Uri(client.BaseAddress!, location));
            Assert.Equal("succeeded", job.GetProperty("status").GetString());
            var report = await client.GetFromJsonAsync<JsonElement>("/regions/synth/coverage?minutes=12");
            Assert.True(JsonElement.DeepEquals(report, job.GetProperty("result")), "the restarted job's result differs from GET coverage");
            using var other = second.Client("planner", "tiny");
            await Problems.AssertProblem(await other.GetAsync(location), HttpStatusCode.NotFound);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [PostGisFact]
    public async Task Batch_OverTheApi_ByAProvinceKey_SummarisesEveryCounty_AsJsonAndCsv()
    {
        var api = new SchemaApi(Store, workers: 1);
        await api.InitializeAsync();
        try
        {
            using var admin = api.Client(ApiFixture.AdminKey);
            var created = await (await admin.PostAsJsonAsync("/keys", new { role = "planner", scope = "36", label = "Jiangxi" })).Content.ReadFromJsonAsync<JsonElement>();
            using var province = api.Client(created.GetProperty("key").GetString());
            using var county = api.Client("planner", "synth");
            await Problems.AssertProblem(await county.PostAsJsonAsync("/batches", new { regions = "36*" }), HttpStatusCode.Forbidden);
            await Problems.AssertProblem(await province.PostAsJsonAsync("/batches", new { regions = "36*", all = true }), HttpStatusCode.UnprocessableEntity, "regions");
            await Problems.AssertProblem(await province.PostAsJsonAsync("/batches", new { regions = "44*" }), HttpStatusCode.UnprocessableEntity, "regions");

            var posted = await province.PostAsJsonAsync("/batches", new { regions = "36*" });
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var path = posted.Headers.Location!.AbsolutePath;
            JsonElement batch;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await Task.Delay(200);
                batch = await province.GetFromJsonAsync<JsonElement>(path);
                Assert.True(DateTime.UtcNow < deadline, "batch not finished after a minute");
            }
            while (batch.GetProperty("left").GetInt32() > 0);

            Assert.Equal((2, 2, 0), (batch.GetProperty("counties").GetInt32(), batch.GetProperty("done").GetInt32(), batch.GetProperty("failed").GetInt32()));
            var synth = batch.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "synth");
            var coverage = await county.GetFromJsonAsync<JsonElement>("/regions/synth/coverage");
            Assert.Equal(coverage.GetProperty("groups").GetProperty("total").GetProperty("share").GetDouble(), synth.GetProperty("groups").GetProperty("total").GetDouble(), 12);

            var csv = (await province.GetStringAsync(path + "?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, csv.Length);
            Assert.Contains("covered_share_total", csv[0]);
            Assert.StartsWith("tiny,360681,1,succeeded,", csv[1]);

            // The county key's scope (3611) does not cover the province batch: it is not there for it.
            await Problems.AssertProblem(await county.GetAsync(path), HttpStatusCode.NotFound);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [PostGisFact]
    public async Task TwoWorkerProcesses_ShareOneBatch_AndStoreEachCountyOnce()
    {
        var counties = await SeedCountiesAsync(8, edges: 1500, points: 600);
        using var host = WorkerHost.Build(Store, 0);
        await host.StartAsync();
        StartWorker();
        StartWorker();
        await WaitUntilAsync(() => Servers(host) >= 2, TimeSpan.FromSeconds(40), "two worker processes to register");

        var batches = host.Services.GetRequiredService<BatchService>();
        var (batch, queued, problem) = await batches.CreateAsync("", "36*", false, new BatchParameters(null, null), CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal(counties.Count, queued);
        var report = await WaitForBatchAsync(batches, batch!.Id, TimeSpan.FromSeconds(80));
        Assert.Equal((counties.Count, 0), (report.Done + report.Failed, report.Left));

        var workers = new List<string>();
        foreach (var county in counties)
        {
            Assert.Equal(1, await batches.Store.ResultCountAsync(county, CancellationToken.None));
            workers.Add(await ScalarAsync<string>($"SELECT worker FROM \"{_schema}\".planner_county_results WHERE region = '{county}'"));
        }

        Assert.True(workers.Distinct().Count() == 2, $"both workers should have computed counties, got {string.Join(", ", workers)}");

        // The same counties again (a duplicated batch): every county is already stored for these parameters, so
        // the batch is done at once from the stored results, and nothing is stored twice.
        var (again, _, _) = await batches.CreateAsync("", "36*", false, new BatchParameters(null, null), CancellationToken.None);
        var second = await WaitForBatchAsync(batches, again!.Id, TimeSpan.FromSeconds(40));
        Assert.Equal(report.Results.Select(r => (r.Region, r.Status, r.Groups.GetValueOrDefault("total"))), second.Results.Select(r => (r.Region, r.Status, r.Groups.GetValueOrDefault("total"))));
        Assert.Equal(counties.Count, await ScalarAsync<long>($"SELECT count(*) FROM \"{_schema}\".planner_county_results"));
    }

    [PostGisFact]
    public async Task WorkerKilledMidCounty_LeavesItsCountyToAnotherWorker()
    {
        var counties = await SeedCountiesAsync(2, edges: 6_000, points: 2_000);
        using var host = WorkerHost.Build(Store, 0);
        await host.StartAsync();
        var doomed = StartWorker(threads: 1);
        await WaitUntilAsync(() => Servers(host) >= 1, TimeSpan.FromSeconds(40), "the first worker to register");

        var batches = host.Services.GetRequiredService<BatchService>();
        var (batch, _, _) = await batches.CreateAsync("", "36*", false, new BatchParameters(null, null), CancellationToken.None);
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await WaitUntilAsync(() => monitoring.ProcessingCount() >= 1, TimeSpan.FromSeconds(40), "the first worker to start a county");
        var held = (string)monitoring.ProcessingJobs(0, 1)[0].Value.Job.Args[1];
        doomed.Kill(); // SIGKILL: no shutdown; the county it holds stays fetched until the invisibility timeout
        await doomed.WaitForExitAsync();

        StartWorker(threads: 2);
        var report = await WaitForBatchAsync(batches, batch!.Id, TimeSpan.FromSeconds(75));
        Assert.Equal(counties.Count, report.Done + report.Failed);
        foreach (var county in counties)
        {
            Assert.Equal(1, await batches.Store.ResultCountAsync(county, CancellationToken.None));
        }

        // The county the killed worker held was computed by the other one, not lost and not stored by the dead one.
        var by = await ScalarAsync<string>($"SELECT worker FROM \"{_schema}\".planner_county_results WHERE region = '{held}'");
        Assert.NotEqual($"{Environment.MachineName}:{doomed.Id}", by);
    }

    private static int Servers(IHost host) => host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count;

    private static async Task<BatchReport> WaitForBatchAsync(BatchService batches, string id, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var report = (await batches.ReportAsync(id, "", CancellationToken.None))!;
            if (report.Left == 0)
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"batch still has {report.Left} of {report.Counties} counties left after {limit.TotalSeconds} s");
            await Task.Delay(250);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {limit.TotalSeconds} s for {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>A real <c>planner worker</c> process (the CLI built beside the tests) with a 10 s invisibility timeout.</summary>
    private Process StartWorker(int threads = 1)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "planner.dll"), "worker", "--store", Store, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Planner__JobInvisibilitySeconds"] = "10";
        var worker = Process.Start(start) ?? throw new InvalidOperationException("cannot start planner worker");
        worker.OutputDataReceived += (_, _) => { };
        worker.ErrorDataReceived += (_, _) => { };
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Stores generated counties (codes 36xx01, fixed seeds) and returns their keys.</summary>
    private async Task<IReadOnlyList<string>> SeedCountiesAsync(int count, int edges, int points)
    {
        await using var store = Planner.Storage.StoreFactory.Open(Store);
        var keys = new List<string>();
        for (int i = 1; i <= count; i++)
        {
            var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(edges, points, Stations: 8, Seed: 40 + i));
            region = region with { Info = region.Info with { Code = $"36{i:D2}01", Name = $"county {i}" } };
            var key = $"county-{i:D2}";
            await store.SaveRegionAsync(key, region, null, CancellationToken.None);
            keys.Add(key);
        }

        return keys;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostGisApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(PostGisApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The API over a given PostGIS schema with a given number of job workers.</summary>
    private sealed class SchemaApi(string store, int workers) : ApiFixture
    {
        protected override void ConfigureStore(IWebHostBuilder builder)
        {
            builder.UseSetting("Planner:Store", "postgis");
            builder.UseSetting("Planner:PostGis", store);
            builder.UseSetting("Planner:Workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
