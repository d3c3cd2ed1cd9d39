using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Planner.Core.Geo;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Stations from a county office's table (.xlsx or CSV): each row keeps its own id, name, level, status, social
/// workers and supervisors, with the columns found by a <see cref="ColumnMapping"/> and Chinese values understood
/// (<see cref="DomainValues"/>). Coordinates are converted from the file's <see cref="SourceCrs"/> to WGS84. A station
/// is given the unit of its own level that covers it (a township station its township), else the lowest unit.
/// Every bad row is reported (file, row, column, reason); the caller decides whether any bad row stops the import.
/// </summary>
public static class StationTableImporter
{
    /// <summary>The usual header names of each field, Chinese and English.</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> UsualNames = new Dictionary<string, ImmutableArray<string>>
    {
        ["id"] = ["id", "编号", "站点编号", "编码", "代码", "序号"],
        ["name"] = ["name", "名称", "站点名称", "站名", "社工站名称"],
        ["lon"] = ["lon", "lng", "longitude", "经度", "x"],
        ["lat"] = ["lat", "latitude", "纬度", "y"],
        ["level"] = ["level", "级别", "等级", "层级", "站点级别"],
        ["status"] = ["status", "状态", "建设状态", "运营状态"],
        ["workers"] = ["social_workers", "workers", "staff", "社工人数", "社工数", "社会工作者人数", "驻站社工"],
        ["supervisors"] = ["supervisors", "督导人数", "督导数", "督导"],
    }.ToImmutableDictionary();

    /// <summary>Options of one import.</summary>
    /// <param name="Crs">The coordinate system of the lon/lat (or x/y) columns.</param>
    /// <param name="Columns">Which header holds which field.</param>
    /// <param name="DefaultLevel">Level of rows without a level column or with an empty cell.</param>
    /// <param name="DefaultStatus">Status of rows without a status column or with an empty cell.</param>
    /// <param name="DefaultSocialWorkers">Social workers of rows without a workers column or with an empty cell.</param>
    public sealed record Options(SourceCrs Crs, ColumnMapping Columns, StationLevel DefaultLevel, StationStatus DefaultStatus, int DefaultSocialWorkers);

    /// <summary>The stations of the good rows and the problems of the bad ones.</summary>
    /// <param name="Table">The table as read.</param>
    /// <param name="Stations">One station per good row, in row order.</param>
    /// <param name="Refused">One problem per bad row (the first found in it), or per missing column (row "header").</param>
    public sealed record Result(Table Table, ImmutableArray<Station> Stations, ImmutableArray<RowProblem> Refused);

    /// <summary>
    /// The region with the stations of <paramref name="result"/> in place of its own and the table recorded in its
    /// sources: what the CLI's <c>import stations --table</c> and the API's layer upload both store.
    /// </summary>
    /// <param name="region">The region the table was read for.</param>
    /// <param name="result">The rows read (refused rows, if any, are left out and said so).</param>
    /// <param name="crs">The CRS the coordinates were read in.</param>
    /// <param name="licence">Licence of the table (null: the data holder's, not stated).</param>
    /// <param name="refusedFile">Where the refused rows were written, or null.</param>
    public static Region Replace(Region region, Result result, SourceCrs crs, string? licence, string? refusedFile)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(crs);
        var name = result.Table.FileName;
        var note = $"{result.Stations.Length} stations, one per row of {name} ({result.Table.Encoding}; coordinates read as {crs.Name}, stored as WGS84)";
        if (!result.Refused.IsEmpty)
        {
            note += $"; {result.Refused.Length} bad rows refused" + (refusedFile is null ? string.Empty : $", listed in {refusedFile}");
        }

        return (region with { Stations = result.Stations }).WithSource(new DataSource("stations", name, licence ?? "not stated (the data holder's)", false, note));
    }

    /// <summary>Reads the stations of <paramref name="table"/> for <paramref name="region"/>.</summary>
    public static Result Read(Region region, Table table, Options options)
    {
        var file = table.FileName;
        var header = new List<RowProblem>();
        string? Column(string field, bool required)
        {
            var h = options.Columns.Find(table, field, UsualNames[field], out var error);
            if (error is not null || (h is null && required))
            {
                header.Add(new RowProblem(file, "header", field, error ?? $"no column for {field}: name it with --columns {field}=<header> (headers: {string.Join(", ", table.Headers)})"));
            }

            return h;
        }

        var cols = new Columns(Column("id", false), Column("name", true)!, Column("lon", true)!, Column("lat", true)!,
            Column("level", false), Column("status", false), Column("workers", false), Column("supervisors", false));
        if (header.Count > 0)
        {
            return new Result(table, [], [.. header]);
        }

        // The stations being replaced do not bound the region: in a region without units they would refuse a new list that reaches further.
        var locator = new UnitLocator(region with { Stations = [] });
        var stations = ImmutableArray.CreateBuilder<Station>();
        var refused = ImmutableArray.CreateBuilder<RowProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var problem = Station(row, cols, options, locator, out var station);
            if (problem is null && !ids.Add(station!.Id))
            {
                problem = (cols.Id ?? "id", $"id '{station.Id}' is used by an earlier row");
            }

            if (problem is { } p)
            {
                refused.Add(new RowProblem(file, $"row {row.Number}", p.Column, p.Reason, row));
            }
            else
            {
                stations.Add(station!);
            }
        }

        return new Result(table, stations.ToImmutable(), refused.ToImmutable());
    }

    private static (string Column, string Reason)? Station(TableRow row, Columns c, Options o, UnitLocator locator, out Station? station)
    {
        station = null;
        var name = row[c.Name];
        if (name.Length == 0)
        {
            return (c.Name, "name is empty");
        }

        if (!double.TryParse(row[c.Lon], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
        {
            return (c.Lon, $"'{row[c.Lon]}' is not a number");
        }

        if (!double.TryParse(row[c.Lat], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || !double.IsFinite(y))
        {
            return (c.Lat, $"'{row[c.Lat]}' is not a number");
        }

        if (!o.Crs.IsProjected && (Math.Abs(x) > 180 || Math.Abs(y) > 90))
        {
            return Math.Abs(y) <= 180 && Math.Abs(x) <= 90 ? (c.Lon, $"longitude {x} and latitude {y} look swapped") : (c.Lon, $"({x}, {y}) is not a longitude/latitude in {o.Crs.Name}: give --crs");
        }

        var location = o.Crs.ToWgs84(x, y);
        StationLevel level = o.DefaultLevel;
        if (c.Level is not null && row[c.Level].Length > 0)
        {
            if (!DomainValues.TryParseStationLevel(row[c.Level], out var lv))
            {
                return (c.Level, $"unknown level '{row[c.Level]}': use 县级, 片区, 乡镇(街道) or 村(社区) (county_center, area_center, township_station, village_point)");
            }

            level = lv.Value;
        }

        StationStatus status = o.DefaultStatus;
        if (c.Status is not null && row[c.Status].Length > 0)
        {
            if (!DomainValues.TryParseStationStatus(row[c.Status], out var st))
            {
                return (c.Status, $"unknown status '{row[c.Status]}': use 规划中, 已建成 or 运营中 (planned, built, operating)");
            }

            status = st.Value;
        }

        int workers = o.DefaultSocialWorkers;
        if (c.Workers is not null && row[c.Workers].Length > 0 && !TryCount(row[c.Workers], out workers))
        {
            return (c.Workers, $"'{row[c.Workers]}' is not a whole number of people");
        }

        int? supervisors = null;
        if (c.Supervisors is not null && row[c.Supervisors].Length > 0)
        {
            if (!TryCount(row[c.Supervisors], out var s))
            {
                return (c.Supervisors, $"'{row[c.Supervisors]}' is not a whole number of people");
            }

            supervisors = s;
        }

        var id = c.Id is not null && row[c.Id].Length > 0 ? row[c.Id] : $"row{row.Number}";
        var unit = locator.UnitOf(location, level, out var inside);
        if (!inside)
        {
            return (c.Lon, $"({location.Lon:0.######}, {location.Lat:0.######}) in WGS84 is outside the region (check --crs: the file's coordinates were read as {o.Crs.Name})");
        }

        station = new Station(id, name, location, level, status, workers, unit, supervisors);
        return null;
    }

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d == Math.Floor(d) && d < int.MaxValue && (value = (int)d) >= 0);

    private sealed record Columns(string? Id, string Name, string Lon, string Lat, string? Level, string? Status, string? Workers, string? Supervisors);

    /// <summary>The units covering a point, to give a station the unit of its level and to tell it is inside the region.</summary>
    private sealed class UnitLocator(Region region)
    {
        private readonly IPreparedGeometry _extent = PreparedGeometryFactory.Prepare(OsmRegionImporter.TopLevelExtent(region));
        private readonly (AdminUnit Unit, IPreparedGeometry Shape)[] _units = [.. region.Units.Select(u => (u, PreparedGeometryFactory.Prepare(u.Boundary)))];

        public string? UnitOf(GeoPoint p, StationLevel level, out bool inside)
        {
            var pt = GeometryFactories.Wgs84.CreatePoint(new Coordinate(p.Lon, p.Lat));
            inside = _extent.Covers(pt);
            var covering = _units.Where(u => u.Unit.Boundary.EnvelopeInternal.Covers(pt.Coordinate) && u.Shape.Covers(pt)).Select(u => u.Unit).ToList();
            var own = level switch
            {
                StationLevel.CountyCenter => AdminLevel.County,
                StationLevel.AreaCenter or StationLevel.TownshipStation => AdminLevel.Township,
                _ => AdminLevel.Village,
            };
            return covering.Where(u => u.Level == own).Select(u => u.Code).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? covering.OrderByDescending(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Code).FirstOrDefault();
        }
    }
}
