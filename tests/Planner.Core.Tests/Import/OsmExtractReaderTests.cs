using System.Globalization;
using NetTopologySuite.Geometries;
using OsmSharp;
using OsmSharp.Streams;
using Planner.Core.Geo;
using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class OsmExtractReaderTests
{
    [Fact]
    public void Read_GuixiXmlCut_KeepsEveryHighwayWayWithItsTags()
    {
        var xml = ImportFixtures.GuixiSmallXml();
        var expected = xml.Root!.Elements("way")
            .Where(w => w.Elements("tag").Any(t => (string?)t.Attribute("k") == "highway"))
            .ToDictionary(w => (string)w.Attribute("id")!, w => w.Elements("tag").ToDictionary(t => (string)t.Attribute("k")!, t => (string)t.Attribute("v")!));

        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));

        Assert.Equal(expected.Keys.Order(), extract.Roads.Select(r => r.Id).Order());
        foreach (var road in extract.Roads)
        {
            Assert.Equal(expected[road.Id].OrderBy(t => t.Key), road.Tags.OrderBy(t => t.Key));
            Assert.True(road.Line.NumPoints >= 2);
        }
    }

    [Fact]
    public void Read_GuixiXmlCut_KeepsPlaceNodesWithChineseNamesAndBounds()
    {
        var xml = ImportFixtures.GuixiSmallXml();
        string[] kinds = ["town", "suburb", "quarter", "village", "neighbourhood"];
        var expected = xml.Root!.Elements("node")
            .Select(n => (Id: (string)n.Attribute("id")!, Tags: n.Elements("tag").ToDictionary(t => (string)t.Attribute("k")!, t => (string)t.Attribute("v")!)))
            .Where(n => n.Tags.TryGetValue("place", out var p) && kinds.Contains(p))
            .ToDictionary(n => long.Parse(n.Id, CultureInfo.InvariantCulture), n => n.Tags["name"]);
        var bounds = xml.Root.Element("bounds")!;

        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));

        Assert.Equal(expected.OrderBy(e => e.Key), extract.Places.Select(p => new KeyValuePair<long, string>(p.Id, p.Name)));
        Assert.Contains(extract.Places, p => p.Name == "东门街道" && p.NameEn == "Dongmen" && p.IsTownshipSeed);
        Assert.Equal((double)bounds.Attribute("minlon")!, extract.Extent.MinLon);
        Assert.Equal((double)bounds.Attribute("maxlat")!, extract.Extent.MaxLat);
    }

    [Fact]
    public void Read_CompleteBoundaryRelation_AssemblesPolygonThroughEveryMemberNode()
    {
        var xml = ImportFixtures.GuixiSmallXml();
        var nodes = xml.Root!.Elements("node").ToDictionary(n => (string)n.Attribute("id")!, n => new Coordinate((double)n.Attribute("lon")!, (double)n.Attribute("lat")!));
        var ways = xml.Root.Elements("way").ToDictionary(w => (string)w.Attribute("id")!);
        var relation = xml.Root.Elements("relation").Single(r => (string)r.Attribute("id")! == "6662718");
        var memberCoords = relation.Elements("member").Where(m => (string)m.Attribute("type")! == "way")
            .SelectMany(m => ways[(string)m.Attribute("ref")!].Elements("nd")).Select(nd => nodes[(string)nd.Attribute("ref")!])
            .Select(c => (c.X, c.Y)).ToHashSet();

        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));

        var dongmen = Assert.Single(extract.Boundaries);
        Assert.Equal("东门街道", dongmen.Name);
        Assert.True(dongmen.Area.IsValid);
        Assert.IsType<Polygon>(dongmen.Area);
        Assert.Equal(memberCoords, dongmen.Area.Coordinates.Select(c => (c.X, c.Y)).ToHashSet());
        var seat = extract.Places.Single(p => p.Name == "东门街道").Location;
        Assert.True(dongmen.Area.Covers(ImportFixtures.Wgs84.CreatePoint(new Coordinate(seat.Lon, seat.Lat))));
    }

    [Fact]
    public void Read_IncompleteBoundaryRelation_IsLeftOutWithANote()
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));

        Assert.DoesNotContain(extract.Boundaries, b => b.Name == "雄石街道");
        Assert.Contains(extract.Notes, n => n.Contains("6662717", StringComparison.Ordinal) && n.Contains("雄石街道", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PortoAlegrePbf_KeepsEveryHighwayWayWhoseNodesArePresent()
    {
        var path = ImportFixtures.Path("poa_osm.pbf");
        var nodeIds = new HashSet<long>();
        var highwayWays = new List<Way>();
        using (var stream = File.OpenRead(path))
        {
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                if (geo is Node { Id: long id })
                {
                    nodeIds.Add(id);
                }
                else if (geo is Way w && w.Tags?.ContainsKey("highway") == true)
                {
                    highwayWays.Add(w);
                }
            }
        }

        int expected = highwayWays.Count(w => w.Nodes.Where(nodeIds.Contains).Distinct().Count() >= 2);

        var extract = OsmExtractReader.Read(path);

        Assert.Equal(expected, extract.Roads.Length);
        Assert.True(expected > 15_000, $"{expected} highway ways");
        Assert.All(extract.Roads, r => Assert.False(string.IsNullOrEmpty(r.Highway)));
        Assert.InRange(extract.Extent.MinLon, -51.4, -51.0);
        Assert.InRange(extract.Extent.MinLat, -30.2, -29.9);
    }

    [Fact]
    public void Read_HandWrittenExtract_KeepsTaggedNodesAndClosedWaysInsideTheExtent()
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("public_buildings.osm"));

        // Node 2 and closed way 103 are amenity=parking only; node 4 (a clinic) lies east of maxlon 117.24; way 102 is not closed.
        Assert.Equal(["osm:node:1", "osm:node:3", "osm:node:5", "osm:way:101"], extract.PublicBuildings.Select(b => b.Id));
        Assert.All(extract.PublicBuildings, b => Assert.Equal("osm", b.Source));
        var townhall = extract.PublicBuildings[0];
        Assert.Equal(("测试镇人民政府", "townhall", new GeoPoint(117.225, 28.295)), (townhall.Name, townhall.Kind, townhall.Location));
        Assert.Equal(("government osm:node:3", "government"), (extract.PublicBuildings[1].Name, extract.PublicBuildings[1].Kind));
        Assert.Equal(("阳光之家", "social_facility"), (extract.PublicBuildings[2].Name, extract.PublicBuildings[2].Kind));

        // Way 101 is a trapezoid: base 117.230..117.234 at lat 28.300, top 117.231..117.233 at 28.302. Its area centroid
        // lies on the axis of symmetry, h/3 * (a + 2b) / (a + b) above the base (a = 0.004, b = 0.002, h = 0.002), not at
        // the corners' mean latitude 28.301.
        var school = extract.PublicBuildings[3];
        Assert.Equal(("测试小学", "school"), (school.Name, school.Kind));
        Assert.Equal(117.232, school.Location.Lon, 9);
        Assert.Equal(28.300 + (0.002 / 3 * (0.004 + (2 * 0.002)) / (0.004 + 0.002)), school.Location.Lat, 9);

        Assert.Contains("way 102 (school): public building skipped: not a closed outline", extract.Notes);
        Assert.Contains(extract.Notes, n => n.StartsWith("1 of 5 public buildings lie outside the extent", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GuixiXmlCut_HasNoPublicBuildings()
    {
        Assert.Empty(OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm")).PublicBuildings);
    }

    [Fact]
    public void Read_NotOsm_ThrowsInvalidDataNamingTheFile()
    {
        var folder = ImportFixtures.TempFolder();
        var bad = Path.Combine(folder, "bad.osm");
        File.WriteAllText(bad, "<osm><node id='1' lat='x' lon='2'/>");

        var ex = Assert.ThrowsAny<Exception>(() => OsmExtractReader.Read(bad));

        Assert.True(ex is InvalidDataException, ex.ToString());
        Assert.Contains("bad.osm", ex.Message, StringComparison.Ordinal);
    }
}
