using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Api.Tests;

/// <summary>OGC API - Features layers: collections, paging, bbox and property filters against the region files.</summary>
[Collection(ApiCollection.Name)]
public sealed class LayersTests(ApiFixture api)
{
    [Fact]
    public async Task Collections_ListEveryLayerWithExtentAndItemsLink()
    {
        using var client = api.Client("viewer", "synth");
        var body = await client.GetFromJsonAsync<JsonElement>("/regions/synth/collections");
        var ids = body.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["units", "roads", "demand", "stations", "circles", "gaps", "teams", "needs", "candidates", "public_buildings"], ids);
        var units = body.GetProperty("collections")[0];
        Assert.EndsWith("/regions/synth/collections/units/items", units.GetProperty("links").EnumerateArray().First(l => l.GetProperty("rel").GetString() == "items").GetProperty("href").GetString());
        Assert.Equal(4, units.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].GetArrayLength());
    }

    [Fact]
    public async Task Items_PagedByNextLinks_GiveEveryDemandPointOnce()
    {
        var region = RegionFolderReader.Read(Path.Combine(api.DataPath, "synth")).Region!;
        using var client = api.Client("viewer", "synth");
        var seen = new List<string>();
        string? next = "/regions/synth/collections/demand/items?limit=300";
        int pages = 0;
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            Assert.Equal(region.Demand.Length, page.GetProperty("numberMatched").GetInt32());
            Assert.Equal(page.GetProperty("features").GetArrayLength(), page.GetProperty("numberReturned").GetInt32());
            seen.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
            if (pages++ > 0)
            {
                Assert.Contains(page.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "prev");
            }
        }

        Assert.Equal((region.Demand.Length + 299) / 300, pages);
        Assert.Equal(region.Demand.Select(d => d.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task Items_LevelFilter_MatchesUnitsFile()
    {
        var region = RegionFolderReader.Read(Path.Combine(api.DataPath, "synth")).Region!;
        using var client = api.Client("viewer", "synth");
        var page = await client.GetFromJsonAsync<JsonElement>("/regions/synth/collections/units/items?level=township&limit=10000");
        var expected = region.Units.Where(u => u.Level == AdminLevel.Township).Select(u => u.Code).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order());
        Assert.All(page.GetProperty("features").EnumerateArray(), f => Assert.Equal("township", f.GetProperty("properties").GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Items_Bbox_SelectsTheStationsInside()
    {
        var region = RegionFolderReader.Read(Path.Combine(api.DataPath, "synth")).Region!;
        var b = region.Bounds;
        var (minLon, minLat, maxLon, maxLat) = (b.MinLon, b.MinLat, (b.MinLon + b.MaxLon) / 2, (b.MinLat + b.MaxLat) / 2);
        var inside = region.Stations.Where(s => s.Location.Lon >= minLon && s.Location.Lon <= maxLon && s.Location.Lat >= minLat && s.Location.Lat <= maxLat).Select(s => s.Id).Order().ToList();
        using var client = api.Client("viewer", "synth");
        var q = string.Join(",", new[] { minLon, minLat, maxLon, maxLat }.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var page = await client.GetFromJsonAsync<JsonElement>($"/regions/synth/collections/stations/items?bbox={q}");
        Assert.Equal(inside, page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order());
        Assert.Equal(inside.Count, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task PublicBuildings_ItemsKindFilterAndItem_MatchTheStoredRegion()
    {
        var region = await api.StoredRegionAsync("tiny");
        Assert.Equal(2, region.PublicBuildings.Length);
        using var client = api.Client("viewer", "tiny");

        var collection = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/public_buildings");
        Assert.Equal("public_buildings", collection.GetProperty("id").GetString());
        var all = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/public_buildings/items");
        Assert.Equal(region.PublicBuildings.Select(b => b.Id), all.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var schools = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/public_buildings/items?kind=school");
        Assert.Equal(region.PublicBuildings.Where(b => b.Kind == "school").Select(b => b.Id), schools.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));

        var expected = region.PublicBuildings.Single(b => b.Id == "pb1");
        var item = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/public_buildings/items/pb1");
        var coordinates = item.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal((expected.Location.Lon, expected.Location.Lat), (coordinates[0].GetDouble(), coordinates[1].GetDouble()));
        var properties = item.GetProperty("properties");
        Assert.Equal((expected.Name, expected.Kind, expected.Source), (properties.GetProperty("name").GetString(), properties.GetProperty("kind").GetString(), properties.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Item_ById_And_Circles_FromCoverage()
    {
        using var client = api.Client("viewer", "tiny");
        var station = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/stations/items/s1");
        Assert.Equal("Point", station.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(117.2349, station.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 6);
        Assert.Equal("东门街道社工站", station.GetProperty("properties").GetProperty("name").GetString());

        var circles = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/circles/items");
        Assert.Equal(["s1"], circles.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var withPlanned = await client.GetFromJsonAsync<JsonElement>("/regions/tiny/collections/circles/items?includePlanned=true");
        Assert.Equal(2, withPlanned.GetProperty("numberMatched").GetInt32());
    }
}
