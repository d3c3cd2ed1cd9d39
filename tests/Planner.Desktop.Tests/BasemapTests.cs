using System.Text.Json;
using Microsoft.Playwright;
using Planner.Core.Model;

namespace Planner.Desktop.Tests;

/// <summary>
/// The offline basemap and the layer switcher in real Chromium: the map's basemap comes from the API's vector
/// tiles with every request outside loopback refused, and a hidden layer is not drawn (the map's own hit
/// detection over what it rendered finds nothing of it under a pixel where it was found before).
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class BasemapTests(DesktopApp app, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] DataLayers = ["units", "roads", "demand", "circles", "gaps", "public_buildings"];

    [Fact]
    public async Task Basemap_NoNetwork_DrawsStreetsAndNamesFromTheRegionsOwnTiles()
    {
        var outside = new List<string>();
        var page = await app.OpenMapAsync(prepare: p => p.RouteAsync("**/*", async route =>
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

            await route.AbortAsync();
        }));
        foreach (var layer in DataLayers)
        {
            await page.Locator($"#layer-{layer}").UncheckAsync();
        }

        // A street: a vertex in the middle of the longest road, at zoom 16, is drawn by the basemap's roads.
        var road = app.Region.Roads.MaxBy(r => r.Line.Length)!;
        var vertex = road.Line.GetCoordinateN(road.Line.NumPoints / 2);
        var hits = await HitsAt(page, vertex.X, vertex.Y, 16);
        Assert.Contains(hits, h => h.Layer == "basemap" && h.SourceLayer == "roads" && h.Id == road.Id);

        // A name: the township's label at a point inside it (NTS interior point of its boundary), at zoom 15 (room for every township name).
        var township = app.Region.Units.Where(u => u.Level == AdminLevel.Township).OrderBy(u => u.Code, StringComparer.Ordinal).Skip(1).First();
        var inside = township.Boundary.InteriorPoint;
        hits = await HitsAt(page, inside.X, inside.Y, 15);
        Assert.Contains(hits, h => h.Layer == "labels" && h.Name == township.Name);

        var stats = (await page.EvaluateAsync<JsonElement>("() => window.__planner.basemap")).Deserialize<TileStats>(Web)!;
        Assert.True(stats.Loaded > 0 && stats.Failed == 0, $"tiles: {stats.Loaded} loaded, {stats.Failed} failed");
        Assert.Empty(outside);
        var shot = await DesktopApp.ScreenshotAsync(page, "basemap-offline");
        output.WriteLine($"tiles requested {stats.Requested}, loaded {stats.Loaded}, empty {stats.Empty}; screenshot {shot}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task LayerSwitcher_HiddenLayer_IsNotDrawn_AndShowsAgain()
    {
        var page = await app.OpenMapAsync();
        var station = app.Region.Stations.First(s => s.Status != StationStatus.Planned);
        var road = app.Region.Roads.MaxBy(r => r.Line.Length)!;
        var vertex = road.Line.GetCoordinateN(road.Line.NumPoints / 2);

        // Under a counted station: the station, its service circle and its unit; under a road vertex: the basemap's road.
        await Toggles(page, "stations", station.Location.Lon, station.Location.Lat, 15, h => h.Layer == "stations" && h.Id == station.Id);
        await Toggles(page, "circles", station.Location.Lon, station.Location.Lat, 15, h => h.Layer == "circles" && h.Id == station.Id);
        await Toggles(page, "units", station.Location.Lon, station.Location.Lat, 15, h => h.Layer == "units");
        await Toggles(page, "basemap", vertex.X, vertex.Y, 16, h => h.Layer == "basemap" && h.Id == road.Id);
        var dot = app.Region.Demand.MaxBy(d => d.Counts[0])!;
        await Toggles(page, "demand", dot.Location.Lon, dot.Location.Lat, 15, h => h.Layer == "demand" && h.Id == dot.Id);
        await DesktopApp.ScreenshotAsync(page, "layer-switcher");
        await page.CloseAsync();
    }

    /// <summary>The row's layer is drawn at the point; unchecked, it is not; checked again, it is.</summary>
    private static async Task Toggles(IPage page, string row, double lon, double lat, int zoom, Func<Hit, bool> isIt)
    {
        Assert.True((await HitsAt(page, lon, lat, zoom)).Any(isIt), $"{row}: not drawn at {lon}, {lat} before hiding");
        await page.Locator($"#layer-{row}").UncheckAsync();
        var hidden = await HitsAt(page, lon, lat, zoom);
        Assert.False(hidden.Any(isIt), $"{row}: still drawn when hidden ({string.Join(", ", hidden)})");
        await page.Locator($"#layer-{row}").CheckAsync();
        Assert.True((await HitsAt(page, lon, lat, zoom)).Any(isIt), $"{row}: not drawn again when shown");
    }

    /// <summary>What the map has drawn at a WGS84 point, centred there at a zoom once every tile in view is drawn.</summary>
    internal static async Task<List<Hit>> HitsAt(IPage page, double lon, double lat, int zoom)
    {
        await page.EvaluateAsync("([lon, lat, z]) => window.__planner.centreOn(lon, lat, z)", new object[] { lon, lat, zoom });
        await page.EvaluateAsync("() => window.__planner.renderComplete()");
        var pixel = await page.EvaluateAsync<double[]>("([lon, lat]) => window.__planner.pixelAt(lon, lat)", new object[] { lon, lat });
        var hits = await page.EvaluateAsync<JsonElement>("([x, y]) => window.__planner.featuresAt(x, y)", new object[] { pixel[0], pixel[1] });
        return hits.Deserialize<List<Hit>>(Web)!;
    }

    /// <summary>A feature under a pixel: the map layer's id, the tile layer (basemap), its id and name.</summary>
    internal sealed record Hit(string? Layer, string? SourceLayer, string? Id, string? Name, string? Cls);

    private sealed record TileStats(int Requested, int Loaded, int Empty, int Failed, int Features, string? Region);
}
