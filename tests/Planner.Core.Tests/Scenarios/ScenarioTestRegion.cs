using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Tests.Scenarios;

/// <summary>
/// A small region with hand-checkable numbers: township A (360681001) with village A1 (360681001001),
/// township B (360681101), six demand points (some placed by unit code, some only by position, one with an
/// unknown code), two stations and one team.
/// </summary>
internal static class ScenarioTestRegion
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static Region Create() => new()
    {
        Info = new RegionInfo("测试县", "360681", InputCrs.Wgs84, new PopulationGroups(["total", "elderly", "children"]), 15, "walk", []),
        Units =
        [
            new AdminUnit("360681", "测试县", AdminLevel.County, null, Box(117.0, 28.0, 117.2, 28.1)),
            new AdminUnit("360681001", "甲街道", AdminLevel.Township, "360681", Box(117.0, 28.0, 117.1, 28.1)),
            new AdminUnit("360681001001", "甲一社区", AdminLevel.Village, "360681001", Box(117.0, 28.0, 117.05, 28.1)),
            new AdminUnit("360681101", "乙镇", AdminLevel.Township, "360681", Box(117.1, 28.0, 117.2, 28.1)),
        ],
        Demand =
        [
            Point("p1", 117.01, 28.01, "360681001001", 100, 30, 10),
            Point("p2", 117.07, 28.07, "360681001", 200, 50, 20),
            Point("p3", 117.15, 28.02, "360681101", 300, 60, 40),
            Point("p4", 117.08, 28.05, null, 50, 10, 5),
            Point("p5", 117.15, 28.05, null, 70, 20, 7),
            Point("p6", 117.02, 28.02, "999", 10, 4, 1),
        ],
        Stations =
        [
            new Station("S1", "甲街道社工站", new GeoPoint(117.05, 28.05), StationLevel.TownshipStation, StationStatus.Operating, 3, "360681001"),
            new Station("S2", "乙镇社工站", new GeoPoint(117.15, 28.05), StationLevel.TownshipStation, StationStatus.Planned, 2, "360681101"),
        ],
        Teams = [new VolunteerTeam("T1", "甲义剪队", new GeoPoint(117.06, 28.06), 10, 8, ["haircut"], 20, "360681001")],
    };

    public static double[] Counts(Region region, string id) => [.. region.Demand.Single(d => d.Id == id).Counts];

    private static DemandPoint Point(string id, double lon, double lat, string? unit, params double[] counts) =>
        new(id, new GeoPoint(lon, lat), unit, [.. counts]);

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);
}
