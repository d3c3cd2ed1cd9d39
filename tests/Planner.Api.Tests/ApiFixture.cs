using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planner.Core.IO;
using Planner.Core.Synthetic;

namespace Planner.Api.Tests;

/// <summary>
/// The API through its real pipeline and the real Kestrel server on a loopback port (WebApplicationFactory over
/// Program with UseKestrel) on a temporary data folder with two
/// counties: <c>tiny</c> (the hand-made fixture, code 360681) and <c>synth</c> (a generated county, code
/// 361100), the default standards, and keys of every role for each county made through <c>POST /keys</c>.
/// Every log line is captured so tests can check that no key leaks into logs.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    /// <summary>The admin key given through configuration (Planner:AdminKey).</summary>
    public const string AdminKey = "test-admin-key-6c1f0e2a9b";

    /// <summary>The temporary data folder.</summary>
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "planner-api-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every log message written while the fixture lived.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Keys by "role:county" (e.g. "viewer:tiny").</summary>
    public Dictionary<string, string> Keys { get; } = [];

    /// <summary>The host.</summary>
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>Path of the GeoPackage workspace the API serves (seeded from the data folder on first use).</summary>
    public string WorkspaceFile => Path.Combine(DataPath, "workspace.gpkg");

    /// <summary>
    /// A region as the API's store holds it, read through a second connection to the same GeoPackage file: the
    /// independent input for comparing the API's figures with the core's.
    /// </summary>
    public virtual async Task<Planner.Core.Model.Region> StoredRegionAsync(string name)
    {
        await using var store = new Planner.Storage.GeoPackage.GeoPackageStore(WorkspaceFile);
        var stored = await store.GetRegionAsync(name, CancellationToken.None);
        Assert.NotNull(stored);
        return stored.Value;
    }

    /// <summary>Path of the keys file.</summary>
    public string KeysFile => Path.Combine(DataPath, "keys.json");

    /// <summary>Points the API at its store: the GeoPackage workspace file.</summary>
    protected virtual void ConfigureStore(IWebHostBuilder builder) => builder.UseSetting("Planner:Workspace", WorkspaceFile);

    /// <summary>The counties (names in <see cref="Keys"/>) that get a key of every role, with the keys' scopes.</summary>
    protected virtual IReadOnlyList<(string County, string Scope)> Counties => [("tiny", "360681"), ("synth", "3611")];

    /// <summary>Writes the region folders the API is seeded from into <see cref="DataPath"/>: tiny and synth.</summary>
    protected virtual Task WriteRegionsAsync()
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny"), Path.Combine(DataPath, "tiny"));
        var synth = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 1500, DemandPoints: 800, Stations: 6, Seed: 7));
        synth = synth with { Info = synth.Info with { Name = "合成县 (synthetic county)", Code = "361100" } };
        RegionFolderWriter.Write(synth, Path.Combine(DataPath, "synth"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards"), Path.Combine(DataPath, "standards"));
        await WriteRegionsAsync();

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Planner:DataPath", DataPath);
            b.UseSetting("Planner:KeysFile", KeysFile);
            ConfigureStore(b);
            b.UseSetting("Planner:AdminKey", AdminKey);
            b.UseSetting("Planner:MaxBodyBytes", "65536");
            b.UseSetting("Planner:MaxFeatures", "50");
            b.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        });

        // The real Kestrel server on a loopback port chosen by the system, not the in-memory test server.
        Factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();

        using var admin = Client(AdminKey);
        foreach (var (county, scope) in Counties)
        {
            foreach (var role in new[] { "viewer", "planner", "admin" })
            {
                var response = await admin.PostAsJsonAsync("/keys", new { role, scope, label = $"{role} of {county}" });
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Keys[$"{role}:{county}"] = body.GetProperty("key").GetString()!;
            }
        }
    }

    /// <summary>A client sending <paramref name="key"/> (none when null).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A client with the key of <paramref name="role"/> for <paramref name="county"/>.</summary>
    public HttpClient Client(string role, string county) => Client(Keys[$"{role}:{county}"]);

    /// <summary>A client that asks for <paramref name="mediaType"/>.</summary>
    public static void Accept(HttpClient client, string mediaType) => client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }

    /// <summary>Copies the files of a folder (not its subfolders).</summary>
    protected static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>Shares one host among the API test classes.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "api";
}
