using NetTopologySuite.Geometries;
using Planner.Core.Model;

namespace Planner.Api.Tests.Tiles;

/// <summary>
/// <c>GET /regions/{r}/tiles/{z}/{x}/{y}.mvt</c> on the Guixi sample, each tile read back by GDAL's MVT driver
/// (<see cref="OgrTile"/>) and compared with the stored region, with the tile grid worked out here from the
/// published Web Mercator formulas (OSM "slippy map" tile names), not from the API's code.
/// </summary>
[Collection(GuixiCollection.Name)]
public sealed class BasemapTileTests(GuixiApiFixture api)
{
    private const string Huayuan = "360681001";
    private const double R = 6378137;
    private const double Buffer = 64.0 / 4096;

    [Fact]
    public async Task Tiles_Zoom14_HoldEveryStationUnitAndRoadOfTheRegion()
    {
        var region = await api.StoredRegionAsync("guixi");
        using var client = api.Client(ApiFixture.AdminKey);
        var features = await ReadCoveringTiles(client, region, 14);

        Assert.Equal(region.Stations.Select(s => s.Id).Order(), Ids(features, "stations", "id"));
        Assert.Equal(region.Units.Select(u => u.Code).Order(), Ids(features, "units", "code"));
        Assert.Equal(region.Roads.Select(r => r.Id).Order(), Ids(features, "roads", "id"));
        Assert.Equal(region.Units.Select(u => u.Code).Order(), Ids(features.Where(f => f.Attributes.GetValueOrDefault("kind") != "public_building"), "labels", "code"));

        // Each station where the source puts it, within the writer's rounding to a whole tile unit (0.6 m here).
        double unit = 2 * Math.PI * R / (1 << 14) / 4096;
        foreach (var s in region.Stations)
        {
            var (mx, my) = Mercator(s.Location.Lon, s.Location.Lat);
            var decoded = features.Where(f => f.Layer == "stations" && f.Attributes["id"] == s.Id).Select(f => f.Geometry.Coordinate);
            Assert.All(decoded, c => Assert.True(Math.Abs(c.X - mx) <= 1.5 * unit && Math.Abs(c.Y - my) <= 1.5 * unit, $"{s.Id}: tile ({c.X}, {c.Y}), source ({mx}, {my})"));
            Assert.Equal(s.Name, features.First(f => f.Layer == "stations" && f.Attributes["id"] == s.Id).Attributes["name"]);
        }

        // Roads carry their class: a secondary road is "secondary", a residential one "minor".
        var classes = features.Where(f => f.Layer == "roads").GroupBy(f => f.Attributes["id"]).ToDictionary(g => g.Key, g => g.First().Attributes["class"]);
        Assert.All(region.Roads.Where(r => r.Highway == "secondary"), r => Assert.Equal("secondary", classes[r.Id]));
        Assert.All(region.Roads.Where(r => r.Highway == "residential"), r => Assert.Equal("minor", classes[r.Id]));
    }

    [Fact]
    public async Task Tile_Zoom16_RoadsAreClippedToTheTileAndItsBuffer()
    {
        var region = await api.StoredRegionAsync("guixi");
        var centre = region.Stations.First(s => s.UnitCode!.StartsWith(Huayuan, StringComparison.Ordinal)).Location;
        var (z, x, y) = (16, TileX(centre.Lon, 16), TileY(centre.Lat, 16));
        using var client = api.Client(ApiFixture.AdminKey);
        var bytes = await client.GetByteArrayAsync($"/regions/guixi/tiles/{z}/{x}/{y}.mvt");
        var roads = OgrTile.Read(bytes, z, x, y).Where(f => f.Layer == "roads").ToList();

        // The buffered tile in Mercator metres, and the source roads that cross it (segments against the box).
        double size = 2 * Math.PI * R / (1 << z);
        var box = new Envelope((-Math.PI * R) + (x * size) - (Buffer * size), (-Math.PI * R) + ((x + 1) * size) + (Buffer * size),
            (Math.PI * R) - ((y + 1) * size) - (Buffer * size), (Math.PI * R) - (y * size) + (Buffer * size));
        var boxGeometry = new GeometryFactory().ToGeometry(box);
        var crossing = region.Roads.Where(r => Projected(r.Line).Intersects(boxGeometry)).ToList();
        Assert.NotEmpty(crossing);
        Assert.Contains(crossing, r => !box.Contains(Projected(r.Line).EnvelopeInternal));
        Assert.Equal(crossing.Select(r => r.Id).Order(), roads.Select(f => f.Attributes["id"]).Distinct().Order());

        // Every vertex sent lies inside the buffered tile (the writer rounds down to whole tile units: 1.5 allowed).
        double slackMeters = 1.5 * size / 4096;
        var slack = new Envelope(box.MinX - slackMeters, box.MaxX + slackMeters, box.MinY - slackMeters, box.MaxY + slackMeters);
        Assert.All(roads.SelectMany(f => f.Geometry.Coordinates), c => Assert.True(slack.Contains(c), $"vertex ({c.X}, {c.Y}) outside {slack}"));
    }

    [Fact]
    public async Task Tiles_TownshipKey_HoldOnlyItsUnitsAndStations()
    {
        var region = await api.StoredRegionAsync("guixi");
        using var county = api.Client(ApiFixture.AdminKey);
        using var township = api.Client("viewer", "huayuan");
        var features = await ReadCoveringTiles(township, region, 14);

        Assert.Equal(region.Units.Where(u => u.Code.StartsWith(Huayuan, StringComparison.Ordinal)).Select(u => u.Code).Order(), Ids(features, "units", "code"));
        Assert.Equal(region.Stations.Where(s => s.UnitCode!.StartsWith(Huayuan, StringComparison.Ordinal)).Select(s => s.Id).Order(), Ids(features, "stations", "id"));
        Assert.All(Ids(features.Where(f => f.Attributes.GetValueOrDefault("kind") != "public_building"), "labels", "code"), c => Assert.StartsWith(Huayuan, c));

        // Roads: those that meet the township's boundary, as its roads collection has them.
        var collection = await township.GetFromJsonAsync<JsonElement>("/regions/guixi/collections/roads/items?limit=10000");
        var expected = collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToList();
        Assert.True(expected.Count < region.Roads.Length, "the township sees fewer roads than the county");
        Assert.Equal(expected, Ids(features, "roads", "id"));
    }

    [Fact]
    public async Task Tile_Fetched_IsAVectorTileWithETagAndRevalidation()
    {
        var region = await api.StoredRegionAsync("guixi");
        var s = region.Stations[0].Location;
        var path = $"/regions/guixi/tiles/13/{TileX(s.Lon, 13)}/{TileY(s.Lat, 13)}.mvt";
        using var client = api.Client(ApiFixture.AdminKey);
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl.Private);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        // Another tile has another tag.
        using var other = await client.GetAsync($"/regions/guixi/tiles/14/{TileX(s.Lon, 14)}/{TileY(s.Lat, 14)}.mvt");
        Assert.NotEqual(tag, other.Headers.ETag);
    }

    [Fact]
    public async Task Tile_AwayFromTheRegion_IsNoContent()
    {
        using var client = api.Client(ApiFixture.AdminKey);

        // Zoom 10 over Beijing (116.4° E, 39.9° N): 400 km north of Guixi.
        using var response = await client.GetAsync($"/regions/guixi/tiles/10/{TileX(116.4, 10)}/{TileY(39.9, 10)}.mvt");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("23/0/0", "z")]
    [InlineData("a/0/0", "z")]
    [InlineData("3/8/0", "x")]
    [InlineData("3/-1/0", "x")]
    [InlineData("3/0/8", "y")]
    [InlineData("3/0/b", "y")]
    public async Task Tile_AddressOffTheGrid_ProblemNamesTheField(string address, string field)
    {
        using var client = api.Client(ApiFixture.AdminKey);
        using var response = await client.GetAsync($"/regions/guixi/tiles/{address}.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Tile_KeyOfAnotherCounty_IsNotFound()
    {
        using var client = api.Client("viewer", "elsewhere");
        using var response = await client.GetAsync("/regions/guixi/tiles/10/850/425.mvt");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Every tile at <paramref name="z"/> over the region's bounds, read back; 204 tiles add nothing.</summary>
    private static async Task<List<OgrFeature>> ReadCoveringTiles(HttpClient client, Region region, int z)
    {
        var b = region.Bounds;
        var features = new List<OgrFeature>();
        for (int x = TileX(b.MinLon, z); x <= TileX(b.MaxLon, z); x++)
        {
            for (int y = TileY(b.MaxLat, z); y <= TileY(b.MinLat, z); y++)
            {
                using var response = await client.GetAsync($"/regions/guixi/tiles/{z}/{x}/{y}.mvt");
                Assert.True(response.IsSuccessStatusCode, $"{z}/{x}/{y}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    features.AddRange(OgrTile.Read(await response.Content.ReadAsByteArrayAsync(), z, x, y));
                }
            }
        }

        return features;
    }

    private static List<string> Ids(IEnumerable<OgrFeature> features, string layer, string key) =>
        [.. features.Where(f => f.Layer == layer).Select(f => f.Attributes[key]).Distinct().Order()];

    private static int TileX(double lon, int z) => (int)Math.Floor((lon + 180) / 360 * (1 << z));

    private static int TileY(double lat, int z)
    {
        double phi = lat * Math.PI / 180;
        return (int)Math.Floor((1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2 * (1 << z));
    }

    private static (double X, double Y) Mercator(double lon, double lat) =>
        (R * lon * Math.PI / 180, R * Math.Log(Math.Tan((Math.PI / 4) + (lat * Math.PI / 360))));

    private static LineString Projected(LineString line) =>
        new GeometryFactory().CreateLineString([.. line.Coordinates.Select(c => { var (mx, my) = Mercator(c.X, c.Y); return new Coordinate(mx, my); })]);
}
