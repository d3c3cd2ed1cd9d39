extern alias PlannerApi;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Planner.Core.IO;
using Planner.Core.Model;
using ApiProgram = PlannerApi::Program;

namespace Planner.Benchmarks;

/// <summary>
/// <c>POST /regions/porto-alegre/whatif</c> for a one-station move (figures only, <c>circles: false</c>), warm:
/// the API in this process through its real HTTP pipeline (WebApplicationFactory over Program, the in-memory
/// TestServer: routing, API-key authentication, body parsing, the handler, JSON writing) on the GeoPackage
/// workspace seeded from <c>data/porto-alegre</c>. Each call drags the same station to the next of 64 places
/// within about 1 km, so every request differs from the previous one by one move (issue 10 target &lt; 10 ms).
/// <c>-- whatif</c> (<see cref="WhatIfProbe"/>) adds the handler's own time and the CPU time per request.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private const string AdminKey = "bench-admin-key";
    private readonly List<double> _handlerMs = [];
    private string _folder = string.Empty;
    private WebApplicationFactory<ApiProgram> _factory = null!;
    private HttpClient _client = null!;
    private byte[][] _bodies = [];
    private int _next;

    /// <summary>Seeds a temporary workspace from data/porto-alegre, starts the API and makes the engine warm.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string data = FindData();
        _folder = Path.Combine(Path.GetTempPath(), "planner-bench-whatif-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(data, "porto-alegre"), Path.Combine(_folder, "porto-alegre"));
        Copy(Path.Combine(data, "standards"), Path.Combine(_folder, "standards"));
        var region = PortoAlegre();

        _factory = new WebApplicationFactory<ApiProgram>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Planner:DataPath", _folder);
            b.UseSetting("Planner:Workspace", Path.Combine(_folder, "workspace.gpkg"));
            b.UseSetting("Planner:KeysFile", Path.Combine(_folder, "keys.json"));
            b.UseSetting("Planner:AdminKey", AdminKey);
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

        _bodies = [.. Drags(region).Select(list => Body(list, region.Info.DefaultMinutes))];

        // Warm: the first request builds the engine (the full run), the next ones are moves.
        for (int i = 0; i < 8; i++)
        {
            Post();
        }

        _handlerMs.Clear();
    }

    /// <summary>The handler's own <c>elapsedMs</c> of every request since the setup (engine, checks, layers; not parsing or writing).</summary>
    internal IReadOnlyList<double> HandlerMs => _handlerMs;

    /// <summary>Stops the API and removes the workspace.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One what-if request for a one-station move; returns the response's length.</summary>
    [Benchmark]
    public int MoveOneStation() => Post();

    private int Post()
    {
        using var content = new ByteArrayContent(_bodies[_next++ % _bodies.Length]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = _client.PostAsync("/regions/porto-alegre/whatif", content).GetAwaiter().GetResult();
        string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        _handlerMs.Add(json.RootElement.GetProperty("elapsedMs").GetDouble());
        return text.Length;
    }

    /// <summary>The station lists of the drag: one station (the middle one) at 64 places up to about 500 m from its own in each direction.</summary>
    internal static IReadOnlyList<System.Collections.Immutable.ImmutableArray<Station>> Drags(Region region)
    {
        var random = new Random(10);
        var stations = region.Stations;
        int moved = stations.Length / 2;
        var from = stations[moved].Location;
        return [.. Enumerable.Range(0, 64).Select(_ =>
        {
            var to = new Planner.Core.Geo.GeoPoint(from.Lon + ((random.NextDouble() - 0.5) * 0.01), from.Lat + ((random.NextDouble() - 0.5) * 0.01));
            return stations.SetItem(moved, stations[moved] with { Location = to });
        })];
    }

    /// <summary>The region the benchmark serves, read from the repository's data folder.</summary>
    internal static Region PortoAlegre() =>
        RegionFolderReader.Read(Path.Combine(FindData(), "porto-alegre")).Region ?? throw new InvalidDataException("data/porto-alegre does not load");

    private static byte[] Body(IEnumerable<Station> stations, double minutes) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["minutes"] = minutes,
        ["circles"] = false,
        ["stations"] = new JsonArray([.. stations.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id, ["name"] = s.Name, ["lon"] = s.Location.Lon, ["lat"] = s.Location.Lat,
            ["level"] = DomainNames.Of(s.Level), ["status"] = DomainNames.Of(s.Status), ["socialWorkers"] = s.SocialWorkers,
            ["unitCode"] = s.UnitCode, ["supervisors"] = s.Supervisors,
        })]),
    }.ToJsonString());

    /// <summary>The repository's data folder, found upwards from the running assembly.</summary>
    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "porto-alegre")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("data/porto-alegre not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>ShortRun (3 warm-ups, 3 iterations) in this process, so the API's content root and dependencies resolve as built, with the median.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median);
        }
    }
}
