using Microsoft.Playwright;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>
/// The online basemaps in real Chromium over Guixi, with every request outside loopback answered here by a
/// 1×1 PNG and recorded: Tianditu asks for the WMTS tiles of the view with the user's key, Amap draws the
/// stations where GCJ-02 (the published formula, worked out here) puts them and the offline choice puts them
/// back, and nothing outside loopback is asked for while the offline basemap is chosen.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class OnlineBasemapTests(GuixiApp guixi, ITestOutputHelper output) : IClassFixture<GuixiApp>
{
    /// <summary>A 1×1 opaque PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly string[] TiandituHosts = [.. Enumerable.Range(0, 8).Select(i => $"t{i}.tianditu.gov.cn")];

    [Fact]
    public async Task Tianditu_WithKey_RequestsTheViewsWmtsTilesCarryingTheKey()
    {
        var (page, outside) = await OpenAsync();
        var station = guixi.App.Region.Stations.First();
        const int zoom = 14;
        await BasemapTests.HitsAt(page, station.Location.Lon, station.Location.Lat, zoom);
        Assert.Empty(Snapshot(outside));

        const string key = "test-tk-0123456789abcdef";
        await page.Locator("#tianditu-tk").FillAsync(key);
        await page.Locator("#tianditu-tk").DispatchEventAsync("change");
        await page.Locator("#basemap-choice").SelectOptionAsync("tdt_vec");
        await BasemapTests.HitsAt(page, station.Location.Lon, station.Location.Lat, zoom);

        var (col, row) = SlippyTile(station.Location.Lon, station.Location.Lat, zoom);
        var requests = Snapshot(outside).Select(u => new Uri(u)).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, u => Assert.Contains(u.Host, TiandituHosts));
        foreach (var layer in new[] { "vec", "cva" })
        {
            var tiles = requests.Where(u => u.AbsolutePath == $"/{layer}_w/wmts").Select(Query).ToList();
            Assert.All(tiles, q => Assert.Equal(key, q["tk"]));
            Assert.All(tiles, q => Assert.Equal(("GetTile", "w", layer), (q["REQUEST"], q["TILEMATRIXSET"], q["LAYER"])));
            Assert.Contains(tiles, q => q["TILEMATRIX"] == $"{zoom}" && q["TILEROW"] == $"{row}" && q["TILECOL"] == $"{col}");
        }

        // The key is kept in the page's local storage for the next visit.
        Assert.Equal(key, await page.EvaluateAsync<string>("() => localStorage.getItem('planner.tiandituTk')"));
        Assert.Contains("Tianditu", await page.Locator("#basemap-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#basemap-gcj-note").IsHiddenAsync());
        var shot = await DesktopApp.ScreenshotAsync(page, "basemap-tianditu");
        output.WriteLine($"{requests.Count} Tianditu requests; centre tile z{zoom} row {row} col {col}; screenshot {shot}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Amap_Chosen_DrawsStationsShiftedToGcj02_AndOfflineRestoresThem()
    {
        var (page, outside) = await OpenAsync();
        var station = guixi.App.Region.Stations.First(s => s.Status != StationStatus.Planned);
        var (lon, lat) = (station.Location.Lon, station.Location.Lat);
        var (gLon, gLat) = Gcj02(lon, lat);
        const int zoom = 17;
        bool IsStation(BasemapTests.Hit h) => h.Layer == "stations" && h.Id == station.Id;

        Assert.Contains(await BasemapTests.HitsAt(page, lon, lat, zoom), IsStation);
        Assert.DoesNotContain(await BasemapTests.HitsAt(page, gLon, gLat, zoom), IsStation);
        Assert.Empty(Snapshot(outside));
        Assert.True(await page.Locator("#basemap-note").IsHiddenAsync());

        await page.Locator("#basemap-choice").SelectOptionAsync("amap");
        Assert.Contains(await BasemapTests.HitsAt(page, gLon, gLat, zoom), IsStation);
        Assert.DoesNotContain(await BasemapTests.HitsAt(page, lon, lat, zoom), IsStation);
        Assert.True(await page.Locator("#basemap-gcj-note").IsVisibleAsync());
        Assert.Contains("GCJ-02", await page.Locator("#basemap-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Snapshot(outside), u => new Uri(u).Host.EndsWith(".is.autonavi.com", StringComparison.Ordinal));
        var shot = await DesktopApp.ScreenshotAsync(page, "basemap-amap");

        await page.Locator("#basemap-choice").SelectOptionAsync("offline");
        lock (outside)
        {
            outside.Clear();
        }

        Assert.Contains(await BasemapTests.HitsAt(page, lon, lat, zoom), IsStation);
        Assert.DoesNotContain(await BasemapTests.HitsAt(page, gLon, gLat, zoom), IsStation);
        // A view not seen before: tiles are asked for, none from outside.
        await BasemapTests.HitsAt(page, lon, lat, zoom - 3);
        Assert.Empty(Snapshot(outside));
        Assert.True(await page.Locator("#basemap-note").IsHiddenAsync());
        var metres = Math.Sqrt(Math.Pow((gLon - lon) * Math.Cos(lat * Math.PI / 180), 2) + Math.Pow(gLat - lat, 2)) * Math.PI / 180 * 6378137;
        output.WriteLine($"station {station.Id}: WGS84 {lon}, {lat} → GCJ-02 {gLon}, {gLat} ({metres:F0} m); screenshot {shot}");
        await page.CloseAsync();
    }

    /// <summary>Opens the map with outside requests answered by a PNG and recorded.</summary>
    private async Task<(IPage Page, List<string> Outside)> OpenAsync()
    {
        var outside = new List<string>();
        var page = await guixi.App.OpenMapAsync(prepare: p => p.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost" or "[::1]")
            {
                await route.ContinueAsync();
                return;
            }

            lock (outside)
            {
                outside.Add(route.Request.Url);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = Png });
        }));
        return (page, outside);
    }

    private static List<string> Snapshot(List<string> outside)
    {
        lock (outside)
        {
            return [.. outside];
        }
    }

    private static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?').Split('&')
        .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    /// <summary>The Web Mercator tile (column, row from the top) holding a point: the OSM slippy-map formula.</summary>
    private static (long Col, long Row) SlippyTile(double lon, double lat, int zoom)
    {
        var n = Math.Pow(2, zoom);
        var phi = lat * Math.PI / 180;
        return ((long)Math.Floor((lon + 180) / 360 * n), (long)Math.Floor((1 - Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI) / 2 * n));
    }

    /// <summary>WGS84 to GCJ-02 by the published (leaked) formula on the Krasovsky ellipsoid.</summary>
    private static (double Lon, double Lat) Gcj02(double lon, double lat)
    {
        const double a = 6378245.0;
        const double ee = 0.00669342162296594323;
        double x = lon - 105, y = lat - 35;
        var dLat = -100 + (2 * x) + (3 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)))
            + ((20 * Math.Sin(6 * x * Math.PI)) + (20 * Math.Sin(2 * x * Math.PI))) * 2 / 3
            + ((20 * Math.Sin(y * Math.PI)) + (40 * Math.Sin(y / 3 * Math.PI))) * 2 / 3
            + ((160 * Math.Sin(y / 12 * Math.PI)) + (320 * Math.Sin(y * Math.PI / 30))) * 2 / 3;
        var dLon = 300 + x + (2 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)))
            + ((20 * Math.Sin(6 * x * Math.PI)) + (20 * Math.Sin(2 * x * Math.PI))) * 2 / 3
            + ((20 * Math.Sin(x * Math.PI)) + (40 * Math.Sin(x / 3 * Math.PI))) * 2 / 3
            + ((150 * Math.Sin(x / 12 * Math.PI)) + (300 * Math.Sin(x / 30 * Math.PI))) * 2 / 3;
        var radLat = lat / 180 * Math.PI;
        var magic = 1 - (ee * Math.Sin(radLat) * Math.Sin(radLat));
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180 / (a * (1 - ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180 / (a / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (lon + dLon, lat + dLat);
    }
}
