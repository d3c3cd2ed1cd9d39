using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Planner.Api.Tests;

/// <summary>
/// Readiness against a frozen PostGIS (issue 16 item 7): a server that accepts connections and never answers.
/// Readiness must say "unavailable" within its 2 s budget, with Retry-After, and tell an anonymous caller nothing
/// about the store (host, port, database, user).
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly TcpListener _frozen = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-ready-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private Task _accepting = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _frozen.Start();
        _accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await _frozen.AcceptTcpClientAsync();
                    lock (_held)
                    {
                        _held.Add(client); // held open, never read, never answered
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
        });

        int port = ((IPEndPoint)_frozen.LocalEndpoint).Port;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Planner:DataPath", _dir);
            b.UseSetting("Planner:KeysFile", Path.Combine(_dir, "keys.json"));
            b.UseSetting("Planner:AdminKey", ApiFixture.AdminKey);
            b.UseSetting("Planner:Store", "postgis");
            b.UseSetting("Planner:PostGis", $"Host=127.0.0.1;Port={port};Database=frozen_db;Username=frozen_user;Password=secret;Timeout=60;Command Timeout=60");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _frozen.Stop();
        await _accepting;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Ready_FrozenStore_Is503WithinItsBudget_WithRetryAfter_AndNoStoreDetails()
    {
        using var client = _factory.CreateClient();

        // A first probe warms the host (JIT, options, first-request work), so the clock below times the probe alone.
        using (await client.GetAsync("/health/ready"))
        {
        }

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/health/ready");
        clock.Stop();

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        // The store's own timeouts are 60 s; readiness gives up after 2 s. 10 s tells the two apart on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"readiness took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
        Assert.Equal("unavailable", JsonDocument.Parse(text).RootElement.GetProperty("status").GetString());
        foreach (var secret in new[] { "127.0.0.1", ((IPEndPoint)_frozen.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "frozen_db", "frozen_user" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
