using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Tests;

/// <summary>
/// Builds small test regions in metres around an origin in Guixi (UTM zone 50N): (x, y) are metres east and
/// north of the origin, converted to WGS84 through the same projection the region will use, so lengths come
/// back exact. The same (x, y) always gives the same coordinate, so roads sharing a point share a node.
/// </summary>
internal static class TestRegions
{
    public static readonly GeoPoint Origin = new(117.2, 28.2);
    public static readonly LocalProjection Projection = LocalProjection.ForCenter(Origin);
    private static readonly ProjectedPoint O = Projection.Project(Origin);
    private static readonly GeometryFactory Factory = new();

    public static readonly PopulationGroups Groups = new(["total", "elderly"]);

    public static GeoPoint At(double x, double y) => Projection.Unproject(new ProjectedPoint(O.X + x, O.Y + y));

    public static ProjectedPoint Metres(double x, double y) => new(O.X + x, O.Y + y);

    public static Road Road(string id, string highway, params (double X, double Y)[] points) =>
        Road(id, ImmutableDictionary<string, string>.Empty.Add("highway", highway), points);

    public static Road Road(string id, ImmutableDictionary<string, string> tags, params (double X, double Y)[] points) =>
        new(id, Factory.CreateLineString([.. points.Select(p => At(p.X, p.Y)).Select(g => new Coordinate(g.Lon, g.Lat))]), tags);

    public static ImmutableDictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToImmutableDictionary(t => t.Key, t => t.Value);

    public static DemandPoint Point(string id, double x, double y, double total = 100, double elderly = 20, string? unit = null) =>
        new(id, At(x, y), unit, [total, elderly]);

    public static Station Station(string id, double x, double y, StationStatus status = StationStatus.Operating, int workers = 3) =>
        new(id, id, At(x, y), StationLevel.TownshipStation, status, workers, null);

    public static Polygon Box(double x0, double y0, double x1, double y1)
    {
        var ring = new[] { At(x0, y0), At(x1, y0), At(x1, y1), At(x0, y1), At(x0, y0) };
        return Factory.CreatePolygon([.. ring.Select(g => new Coordinate(g.Lon, g.Lat))]);
    }

    public static Region Region(IEnumerable<Road> roads, IEnumerable<DemandPoint> demand, IEnumerable<Station> stations, IEnumerable<AdminUnit>? units = null) =>
        new()
        {
            Info = new RegionInfo("test", "360681", InputCrs.Wgs84, Groups, 15, "walk", []),
            Roads = [.. roads],
            Demand = [.. demand],
            Stations = [.. stations],
            Units = [.. units ?? []],
        };

    /// <summary>A straight east-west line through the given x positions (metres), one road per piece.</summary>
    public static IEnumerable<Road> Line(params double[] xs) =>
        xs.Zip(xs.Skip(1), (a, b) => Road($"r{a}-{b}", "residential", (a, 0), (b, 0)));

    /// <summary>A walking speed of 4.8 km/h in metres per second.</summary>
    public const double WalkMetresPerSecond = 4.8 / 3.6;
}
