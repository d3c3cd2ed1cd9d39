using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Storage.Tests;

/// <summary>Builders for test regions: a small realistic county part (Chinese names, every layer) and a large synthetic one.</summary>
internal static class TestRegions
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static PopulationGroups Groups { get; } = new(["total", "elderly", "children", "disabled"]);

    /// <summary>
    /// Part of 贵溪市 (360681): the county, two townships, three villages and a grid; roads with OSM tags
    /// (one private, one footway, one with a name); demand in four groups; stations at every level and status;
    /// teams, needs, candidate sites and public buildings (one at full double precision, one without a source).
    /// </summary>
    public static Region Guixi(string name = "贵溪测试") => new()
    {
        Info = new RegionInfo(name, "360681", InputCrs.Wgs84, Groups, 15, "walk",
        [
            new DataSource("units", "测试边界", "CC-BY-4.0", true, "rectangles drawn for tests"),
            new DataSource("demand", "WorldPop 2020 (test extract)", "CC-BY-4.0", true, "spread from township totals", "https://www.worldpop.org"),
        ]),
        Units =
        [
            new AdminUnit("360681", "贵溪市", AdminLevel.County, null, Box(117.10, 28.20, 117.40, 28.40)),
            new AdminUnit("360681001", "雄石街道", AdminLevel.Township, "360681", Box(117.10, 28.20, 117.25, 28.40)),
            new AdminUnit("360681101", "志光镇", AdminLevel.Township, "360681", MultiBox((117.25, 28.20, 117.32, 28.40), (117.33, 28.20, 117.40, 28.30))),
            new AdminUnit("360681001001", "东门社区", AdminLevel.Village, "360681001", Box(117.10, 28.20, 117.25, 28.30)),
            new AdminUnit("360681001002", "西门社区", AdminLevel.Village, "360681001", BoxWithHole(117.10, 28.30, 117.25, 28.40)),
            new AdminUnit("360681101201", "志光村", AdminLevel.Village, "360681101", Box(117.25, 28.20, 117.32, 28.40), Modelled: true),
            new AdminUnit("360681001001-G01", "东门社区第一网格", AdminLevel.Grid, "360681001001", Box(117.10, 28.20, 117.15, 28.25), Modelled: true),
        ],
        Roads =
        [
            Road("w1001", [(117.11, 28.21), (117.15, 28.25), (117.2012345678, 28.2987654321)], ("highway", "residential"), ("name", "建设路"), ("oneway", "yes")),
            Road("w1002", [(117.15, 28.25), (117.26, 28.26)], ("highway", "tertiary"), ("name", "志光大道"), ("maxspeed", "40")),
            Road("w1003", [(117.20, 28.30), (117.21, 28.35)], ("highway", "footway"), ("foot", "yes")),
            Road("w1004/0", [(117.30, 28.22), (117.31, 28.23)], ("highway", "service"), ("access", "private")),
            Road("w1004/1", [(117.31, 28.23), (117.35, 28.25), (117.36, 28.26)], ("highway", "service"), ("access", "private")),
        ],
        Demand =
        [
            new DemandPoint("d1", new GeoPoint(117.12, 28.22), "360681001001", [1200, 310, 150, 22]),
            new DemandPoint("d2", new GeoPoint(117.14, 28.24), "360681001001-G01", [800.5, 201.25, 90, 7]),
            new DemandPoint("d3", new GeoPoint(117.2, 28.35), "360681001002", [1500, 420, 260, 31]),
            new DemandPoint("d4", new GeoPoint(117.28, 28.31), "360681101201", [640, 240, 55, 12]),
            new DemandPoint("d5", new GeoPoint(117.36, 28.25), null, [300, 120, 20, 5]),
            new DemandPoint("d,6", new GeoPoint(117.3123456, 28.2765432), "", [0, 0, 0, 0]),
        ],
        Stations =
        [
            new Station("S-county", "贵溪市社会工作服务总站", new GeoPoint(117.2, 28.3), StationLevel.CountyCenter, StationStatus.Operating, 6, "360681", Supervisors: 2),
            new Station("S-xs", "雄石街道社工站", new GeoPoint(117.15, 28.26), StationLevel.TownshipStation, StationStatus.Operating, 4, "360681001"),
            new Station("S-zg", "志光镇社工站", new GeoPoint(117.29, 28.28), StationLevel.TownshipStation, StationStatus.Built, 3, "360681101"),
            new Station("S-dm", "东门社区服务点", new GeoPoint(117.13, 28.23), StationLevel.VillagePoint, StationStatus.Planned, 1, null),
            new Station("S-area", "东片区中心站", new GeoPoint(117.25, 28.25), StationLevel.AreaCenter, StationStatus.Operating, 5, null),
        ],
        Teams =
        [
            new VolunteerTeam("T1", "雄石义剪队", new GeoPoint(117.16, 28.27), 24, 18, ["haircut", "patrol"], 32.5, "360681001", RegisteredMembers: 21),
            new VolunteerTeam("T2", "志光巡防队", new GeoPoint(117.3, 28.3), 12, 0, [], 0, null),
        ],
        Needs =
        [
            new Need("N1", new GeoPoint(117.121, 28.221), "haircut", "elderly", 1.5, "360681001001"),
            new Need("N2", new GeoPoint(117.281, 28.311), "tutoring", "children", 4, null),
        ],
        Candidates =
        [
            new Candidate("C1", "西门社区党群服务中心", new GeoPoint(117.18, 28.36), 1),
            new Candidate("C2", "志光村委会", new GeoPoint(117.285, 28.305), 2.75),
        ],
        PublicBuildings =
        [
            new PublicBuilding("osm:node:4459977799", "贵溪市人民政府", "townhall", new GeoPoint(117.2400747, 28.2958127), "osm"),
            new PublicBuilding("osm:way:1256740917", "贵溪市第九中学", "school", new GeoPoint(117.23472204949412, 28.284303394354048), "osm"),
            new PublicBuilding("B-3", "志光镇卫生院", "clinic", new GeoPoint(117.29, 28.285)),
        ],
    };

    /// <summary>A large synthetic region (grid of demand points and roads) for the kill test.</summary>
    public static Region Large(string name, int demandPoints)
    {
        var region = Guixi(name);
        var random = new Random(20261125);
        var demand = ImmutableArray.CreateBuilder<DemandPoint>(demandPoints);
        for (int i = 0; i < demandPoints; i++)
        {
            var p = new GeoPoint(117.1 + (random.NextDouble() * 0.3), 28.2 + (random.NextDouble() * 0.2));
            demand.Add(new DemandPoint($"L{i}", p, "360681001001", [random.Next(1, 500), random.Next(0, 100), random.Next(0, 80), random.Next(0, 10)]));
        }

        var roads = Enumerable.Range(0, demandPoints / 10).Select(i =>
            Road($"r{i}", [(117.1 + (i % 300 * 0.001), 28.2), (117.1 + (i % 300 * 0.001), 28.4)], ("highway", "residential")));
        return region with { Demand = demand.MoveToImmutable(), Roads = [.. region.Roads, .. roads] };
    }

    public static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static Polygon BoxWithHole(double x0, double y0, double x1, double y1)
    {
        var shell = Box(x0, y0, x1, y1).Shell;
        var hole = Box(x0 + 0.01, y0 + 0.01, x0 + 0.02, y0 + 0.02).Shell;
        return Factory.CreatePolygon(shell, [hole]);
    }

    private static MultiPolygon MultiBox(params (double, double, double, double)[] boxes) =>
        Factory.CreateMultiPolygon([.. boxes.Select(b => Box(b.Item1, b.Item2, b.Item3, b.Item4))]);

    private static Road Road(string id, (double X, double Y)[] points, params (string Key, string Value)[] tags) =>
        new(id, Factory.CreateLineString([.. points.Select(p => new Coordinate(p.X, p.Y))]), tags.ToImmutableDictionary(t => t.Key, t => t.Value));
}
