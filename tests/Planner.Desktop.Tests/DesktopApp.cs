using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Synthetic;

namespace Planner.Desktop.Tests;

/// <summary>
/// The desktop app started in-process on a free loopback port over a data folder of its own (the standards
/// and one region), with Debian's Chromium driven by Playwright (never a downloaded browser). The region is a
/// seeded synthetic county with the optional data the generator does not make (see
/// <see cref="WithSupervisorsAndPublicBuildings"/>), or the region folder named by <c>PLANNER_DESKTOP_REGION</c>
/// (used to measure the sample county).
/// </summary>
public sealed class DesktopApp : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "planner-desktop-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string? _regionFolder;
    private IPlaywright? _playwright;

    /// <summary>The app over the synthetic county, or the region folder named by <c>PLANNER_DESKTOP_REGION</c>.</summary>
    public DesktopApp()
        : this(Environment.GetEnvironmentVariable("PLANNER_DESKTOP_REGION"))
    {
    }

    /// <summary>The app over a region folder of the repository, or the synthetic county when null or empty.</summary>
    internal DesktopApp(string? regionFolder) => _regionFolder = regionFolder;

    /// <summary>The running app.</summary>
    public DesktopHost Host { get; private set; } = null!;

    /// <summary>Headless Chromium.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client for the app's API with the app's key.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The region's URL name.</summary>
    public string RegionName { get; private set; } = "synthetic";

    /// <summary>The folder the app reads the region from; tests read its files as the independent answer.</summary>
    public string RegionFolder => Path.Combine(_folder, "data", RegionName);

    /// <summary>The region as the app loaded it, read again independently from its folder.</summary>
    public Region Region { get; private set; } = null!;

    /// <summary>Where screenshots and measurements go (kept after the run).</summary>
    public static string ArtifactFolder { get; } = CreateArtifactFolder();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(Path.Combine(data, "standards"));
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards")))
        {
            File.Copy(f, Path.Combine(data, "standards", Path.GetFileName(f)));
        }

        var chosen = _regionFolder;
        if (!string.IsNullOrEmpty(chosen))
        {
            RegionName = Path.GetFileName(Path.GetFullPath(chosen).TrimEnd(Path.DirectorySeparatorChar));
            CopyFolder(chosen, Path.Combine(data, RegionName));
        }
        else
        {
            var synthetic = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(Edges: 500, DemandPoints: 300, Stations: 5, Seed: 11));
            synthetic = WithMarkupInNames(WithSupervisorsAndPublicBuildings(synthetic with { Info = synthetic.Info with { Name = "合成县 <示例> & 测试" } }));
            RegionFolderWriter.Write(synthetic, Path.Combine(data, RegionName));
        }

        var loaded = RegionFolderReader.Read(Path.Combine(data, RegionName));
        Region = loaded.Region ?? throw new InvalidOperationException("test region does not load: " + string.Join("; ", loaded.Problems));

        Host = await DesktopHost.StartAsync([$"--Planner:DataPath={data}", $"--Planner:Workspace={Path.Combine(_folder, "workspace.gpkg")}", $"--Planner:KeysFile={Path.Combine(_folder, "keys.json")}"]);
        Api = new HttpClient { BaseAddress = Host.BaseAddress };
        Api.DefaultRequestHeaders.Add("X-Api-Key", Host.ApiKey);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page at 1280x800 on the map, once the map has loaded every layer and the coverage.</summary>
    /// <param name="language">The page's language, <c>en</c> or <c>zh</c>.</param>
    /// <param name="prepare">Runs on the page before it loads (e.g. to route a request).</param>
    public async Task<IPage> OpenMapAsync(string? language = "en", Func<IPage, Task>? prepare = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        if (prepare is not null)
        {
            await prepare(page);
        }

        await page.GotoAsync($"{Host.MapUrl}&lang={language}");
        try
        {
            await page.WaitForFunctionAsync("() => window.__planner && window.__planner.ready && window.__planner.counts.stations > 0", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var error = await page.EvaluateAsync<string?>("() => window.__planner && window.__planner.error");
            throw new InvalidOperationException($"map did not become ready: {error}; page errors: {string.Join(" | ", errors)}");
        }

        return page;
    }

    /// <summary>Waits until the page has drawn a newer what-if answer (figures and circles) than <paramref name="before"/>.</summary>
    public static async Task WaitForWhatIfAsync(IPage page, int before)
    {
        // Fails at once with the page's error rather than waiting out the timeout.
        await page.WaitForFunctionAsync("n => (window.__planner.circlesCount > n && window.__planner.busy === 0) || window.__planner.error", before, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var error = await page.EvaluateAsync<string?>("() => window.__planner.error");
        Assert.True(error is null, "the page reports: " + error);
    }

    /// <summary>GET as JSON.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) =>
        JsonNode.Parse(await Api.GetStringAsync(new Uri(path, UriKind.Relative)))!;

    /// <summary>POST /whatif with a station list as the page sends it before any edit sets the minutes or mode (the API's default circle).</summary>
    public Task<JsonNode> WhatIfAsync(JsonArray stations) => WhatIfAsync(new JsonObject { ["stations"] = stations });

    /// <summary>POST /whatif with a station list and an ad-hoc circle of minutes and mode.</summary>
    public Task<JsonNode> WhatIfAsync(JsonArray stations, double minutes, string mode) =>
        WhatIfAsync(new JsonObject { ["minutes"] = minutes, ["mode"] = mode, ["stations"] = stations });

    /// <summary>
    /// The core's options for the circle the page shows: the API's default life circle (GB 50180's 15-minute walk
    /// capped at 1,000 m) until the page's edits set the minutes or the mode, then that ad-hoc circle.
    /// </summary>
    public static Planner.Core.Coverage.CoverageOptions OptionsInForce(bool paramsEdited, double minutes, string mode)
    {
        var options = new Planner.Core.Coverage.CoverageOptions { Minutes = minutes, Mode = mode, BuildCircles = false };
        return paramsEdited ? options
            : Planner.Core.Circles.CircleChoice.Resolve(options, Planner.Core.Circles.LifeCircleCatalog.Builtin(), [], adHoc: false, noCap: false).Runs[0];
    }

    /// <summary>The options of <see cref="OptionsInForce(bool, double, string)"/> for the page's own state.</summary>
    public static async Task<Planner.Core.Coverage.CoverageOptions> OptionsInForceAsync(IPage page)
    {
        bool edited = await page.EvaluateAsync<bool>("() => window.__planner.edits.some(e => e.kind === 'set_minutes' || e.kind === 'set_mode')");
        return OptionsInForce(edited, await page.EvaluateAsync<double>("() => window.__planner.minutes"), await page.EvaluateAsync<string>("() => window.__planner.mode"));
    }

    /// <summary>The options of <see cref="OptionsInForce(bool, double, string)"/> for an applied scenario's edits.</summary>
    public static Planner.Core.Coverage.CoverageOptions OptionsInForce(IEnumerable<Planner.Core.Scenarios.ScenarioEdit> edits, Planner.Core.Scenarios.TravelParameters parameters) =>
        OptionsInForce(edits.Any(e => e is Planner.Core.Scenarios.SetMinutesEdit or Planner.Core.Scenarios.SetModeEdit), parameters.LimitMinutes, parameters.Mode);

    private async Task<JsonNode> WhatIfAsync(JsonObject body)
    {
        using var response = await Api.PostAsJsonAsync(new Uri($"regions/{RegionName}/whatif", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Saves a screenshot under <see cref="ArtifactFolder"/>; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The synthetic region with supervisors recorded at every station that is not planned (0, 1, 2, 0, ... by
    /// index, so a recorded zero shows too) and none at planned ones, so that the county's supervision ratio can
    /// be measured and the map shows both a count and "not recorded"; and five public buildings at township
    /// centres, one of a kind the page has no label for and one whose name needs escaping.
    /// </summary>
    internal static Region WithSupervisorsAndPublicBuildings(Region region)
    {
        (string Township, string Name, string Kind)[] buildings =
        [
            ("360000006", "第一街道办事处", "townhall"), ("360000007", "实验小学", "school"),
            ("360000010", "幸福里社区服务中心 <A&B>", "community_centre"), ("360000011", "卫生服务站", "clinic"),
            ("360000001", "消防站", "fire_station"),
        ];
        return region with
        {
            Stations = [.. region.Stations.Select((s, i) => s with { Supervisors = s.Status == StationStatus.Planned ? null : i % 3 })],
            PublicBuildings = [.. buildings.Select((b, i) =>
            {
                var centre = region.Units.Single(u => u.Code == b.Township).Boundary.Centroid;
                return new PublicBuilding($"fixture:{i + 1}", b.Name, b.Kind, new Planner.Core.Geo.GeoPoint(centre.X, centre.Y), "fixture");
            })],
        };
    }

    /// <summary>A station name that would inject an image (and run its onerror) if the page parsed names as markup.</summary>
    internal const string MarkupStationName = "站 <img src=x onerror=\"window.__injected='station'\"> <b>粗</b> & \"引\"";

    /// <summary>A township name that would inject an image and bold text if parsed.</summary>
    internal const string MarkupTownshipName = "乡<img src=x onerror=\"window.__injected='township'\"><b>镇</b>";

    /// <summary>A county name that would inject a script element and bold text if parsed.</summary>
    internal const string MarkupCountyName = "<b>合成县</b><script>window.__injected='county'</script>";

    /// <summary>
    /// The region with names that are markup: the station farthest from any other (so a click hits it alone),
    /// the first township by code and the county. Names are data; the page must show them as they are.
    /// </summary>
    internal static Region WithMarkupInNames(Region region)
    {
        static double Gap(Station s, Station o) => Math.Abs(s.Location.Lon - o.Location.Lon) + Math.Abs(s.Location.Lat - o.Location.Lat);
        var clearest = region.Stations.MaxBy(s => region.Stations.Where(o => o != s).Select(o => Gap(s, o)).DefaultIfEmpty(double.MaxValue).Min())!;
        var township = region.Units.Where(u => u.Level == AdminLevel.Township).MinBy(u => u.Code, StringComparer.Ordinal)!;
        return region with
        {
            Stations = [.. region.Stations.Select(s => s == clearest ? s with { Name = MarkupStationName } : s)],
            Units = [.. region.Units.Select(u => u == township ? u with { Name = MarkupTownshipName } : u.Level == AdminLevel.County ? u with { Name = MarkupCountyName } : u)],
        };
    }

    /// <summary>A folder of the repository (such as <c>data/porto-alegre</c>), found upwards from the test binaries.</summary>
    internal static string RepositoryFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    private static string CreateArtifactFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "desktop");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
    }

    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

/// <summary>One app and browser for all desktop tests (each test opens its own page).</summary>
[CollectionDefinition(Name)]
public sealed class DesktopCollection : ICollectionFixture<DesktopApp>
{
    /// <summary>The collection name.</summary>
    public const string Name = "desktop";
}
