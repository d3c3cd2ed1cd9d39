using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Storage.Sql;

/// <summary>
/// Maps a <see cref="Region"/> to the rows of its feature tables and back, losslessly: every field, the
/// feature order (<c>seq</c>) and full double precision are kept, so region → store → region folder gives
/// the same bytes as writing the region directly.
/// </summary>
internal static class RegionRows
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    public static IEnumerable<object?[]> Rows(Region region, Layer layer)
    {
        var r = region.Info.Name;
        return layer.Table switch
        {
            "units" => region.Units.Select((u, i) => Row(r, i, u.Code, u.Name, DomainNames.Of(u.Level), u.ParentCode, u.Modelled ? 1L : 0L, Wgs84(u.Boundary))),
            "roads" => region.Roads.Select((x, i) => Row(r, i, x.Id, x.Tag("highway"), Json(x.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary()), Wgs84(x.Line))),
            "demand" => region.Demand.Select((d, i) => Row(r, i, d.Id, d.UnitCode, d.Counts.Length > 0 ? d.Counts[0] : 0d, Json(d.Counts), Point(d.Location))),
            "stations" => region.Stations.Select((s, i) => Row(r, i, s.Id, s.Name, DomainNames.Of(s.Level), DomainNames.Of(s.Status), (long)s.SocialWorkers, s.UnitCode, (long?)s.Supervisors, Point(s.Location))),
            "teams" => region.Teams.Select((t, i) => Row(r, i, t.Id, t.Name, (long)t.Members, (long)t.ActiveMembers, Json(t.Skills), t.WeeklyHours, t.UnitCode, (long?)t.RegisteredMembers, Point(t.Base))),
            "needs" => region.Needs.Select((n, i) => Row(r, i, n.Id, n.Kind, n.Group, n.HoursPerWeek, n.UnitCode, Point(n.Location))),
            "candidates" => region.Candidates.Select((c, i) => Row(r, i, c.Id, c.Name, c.Cost, Point(c.Location))),
            "public_buildings" => region.PublicBuildings.Select((b, i) => Row(r, i, b.Id, b.Name, b.Kind, b.Source, Point(b.Location))),
            _ => throw new ArgumentException($"{layer.Table} is not a region layer", nameof(layer)),
        };
    }

    /// <summary>Rebuilds a region from its info and its layers' rows (each row in <see cref="Layer.Columns"/> order, without region and seq).</summary>
    public static Region ToRegion(Planner.Core.Model.RegionInfo info, Func<Layer, IReadOnlyList<object?[]>> rows) => new()
    {
        Info = info,
        Units = [.. rows(Layers.Units).Select(v => new AdminUnit(S(v[0]), S(v[1]), Level(v[2]), N(v[3]), (Geometry)v[5]!, L(v[4]) != 0))],
        Roads = [.. rows(Layers.Roads).Select(v => new Road(S(v[0]), (LineString)v[3]!, JsonSerializer.Deserialize<Dictionary<string, string>>(S(v[2]))!.ToImmutableDictionary(StringComparer.Ordinal)))],
        Demand = [.. rows(Layers.Demand).Select(v => new DemandPoint(S(v[0]), At(v[4]), N(v[1]), JsonSerializer.Deserialize<ImmutableArray<double>>(S(v[3]))))],
        Stations = [.. rows(Layers.Stations).Select(v => new Station(S(v[0]), S(v[1]), At(v[7]), StationLevel(v[2]), Status(v[3]), (int)L(v[4]), N(v[5]), v[6] is null ? null : (int)L(v[6])))],
        Teams = [.. rows(Layers.Teams).Select(v => new VolunteerTeam(S(v[0]), S(v[1]), At(v[8]), (int)L(v[2]), (int)L(v[3]), JsonSerializer.Deserialize<ImmutableArray<string>>(S(v[4])), D(v[5]), N(v[6]), v[7] is null ? null : (int)L(v[7])))],
        Needs = [.. rows(Layers.Needs).Select(v => new Need(S(v[0]), At(v[5]), S(v[1]), S(v[2]), D(v[3]), N(v[4])))],
        Candidates = [.. rows(Layers.Candidates).Select(v => new Candidate(S(v[0]), S(v[1]), At(v[3]), D(v[2])))],
        PublicBuildings = [.. rows(Layers.PublicBuildings).Select(v => new PublicBuilding(S(v[0]), S(v[1]), S(v[2]), At(v[4]), N(v[3])))],
    };

    /// <summary>The columns read back for a region layer: all but region and seq.</summary>
    public static IReadOnlyList<Column> ReadColumns(Layer layer) => [.. layer.Columns.Skip(2)];

    public static Geometry Wgs84(Geometry g)
    {
        if (g.SRID == 4326)
        {
            return g;
        }

        var copy = g.Copy();
        copy.SRID = 4326;
        return copy;
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static object?[] Row(string region, int seq, params object?[] values) => [region, (long)seq, .. values];

    private static Point Point(GeoPoint p) => Factory.CreatePoint(new Coordinate(p.Lon, p.Lat));

    private static GeoPoint At(object? v) => v is Point p ? new GeoPoint(p.X, p.Y) : throw new InvalidDataException($"expected a point, found {v}");

    private static string S(object? v) => v as string ?? throw new InvalidDataException("expected text, found null");

    private static string? N(object? v) => v as string;

    private static long L(object? v) => Convert.ToInt64(v, CultureInfo.InvariantCulture);

    private static double D(object? v) => Convert.ToDouble(v, CultureInfo.InvariantCulture);

    private static AdminLevel Level(object? v) => DomainNames.TryParseAdminLevel(N(v), out var l) ? l.Value : throw new InvalidDataException($"unknown level {v}");

    private static StationLevel StationLevel(object? v) => DomainNames.TryParseStationLevel(N(v), out var l) ? l.Value : throw new InvalidDataException($"unknown station level {v}");

    private static StationStatus Status(object? v) => DomainNames.TryParseStationStatus(N(v), out var s) ? s.Value : throw new InvalidDataException($"unknown status {v}");
}
