using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Planner.Api.Hosting;

namespace Planner.Desktop;

/// <summary>
/// The API and the map page in one process, listening on a free loopback port (127.0.0.1:0, the bound address
/// read back from the server). A fresh admin key is made for each run and handed to the page in the URL
/// fragment, which the browser never sends to a server.
/// </summary>
public sealed class DesktopHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DesktopHost(WebApplication app, Uri baseAddress, string apiKey)
    {
        _app = app;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    /// <summary>Where the API and the page are served, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>This run's admin key (send it as <c>X-Api-Key</c>).</summary>
    public string ApiKey { get; }

    /// <summary>The map page's address, the key in its fragment.</summary>
    public Uri MapUrl => new(BaseAddress, $"#key={Uri.EscapeDataString(ApiKey)}");

    /// <summary>
    /// Builds the API with <paramref name="args"/> (configuration such as <c>--Planner:DataPath=...</c>), adds the
    /// map page, and starts listening on a free loopback port.
    /// </summary>
    /// <param name="args">Command-line configuration passed to the web host.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<DesktopHost> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var key = "desktop-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?> { ["Planner:AdminKey"] = key };
        if (string.IsNullOrEmpty(builder.Configuration["Planner:Workspace"]))
        {
            settings["Planner:Workspace"] = Path.Combine(UserDataFolder(), "workspace.gpkg");
        }

        if (string.IsNullOrEmpty(builder.Configuration["Planner:KeysFile"]))
        {
            settings["Planner:KeysFile"] = Path.Combine(UserDataFolder(), "keys.json");
        }

        // One planner on loopback: the server's cost limits guard a shared server, not a drag that overlaps the
        // previous what-if still finishing.
        foreach (var limit in new[] { "Planner:ExpensivePerKey", "Planner:ExpensiveGlobal" })
        {
            if (string.IsNullOrEmpty(builder.Configuration[limit]))
            {
                settings[limit] = "1000";
            }
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var app = PlannerApi.Build(builder);
        var page = new PhysicalFileProvider(WebRoot());
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server did not report the address it bound.");
        var address = addresses.First();
        return new DesktopHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"), key);
    }

    /// <summary>Waits until the host is stopped (Ctrl+C or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The per-user folder of the desktop's workspace and keys.</summary>
    internal static string UserDataFolder()
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CoverageMap");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The page's folder: <c>wwwroot</c> next to the binaries (copied by the build), else the project's own.</summary>
    internal static string WebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(beside, "dist", "app.js")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Planner.Desktop", "wwwroot");
            if (File.Exists(Path.Combine(candidate, "dist", "app.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The map page was not built: wwwroot/dist/app.js is missing (build Planner.Desktop, which runs npm ci and esbuild).");
    }
}
