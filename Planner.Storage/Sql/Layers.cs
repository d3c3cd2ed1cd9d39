namespace Planner.Storage.Sql;

/// <summary>The SQL type of a feature-table column, mapped to each store's own type.</summary>
internal enum ColumnType
{
    Text,
    Integer,
    Real,
    Json,
    Geometry,
}

/// <summary>A column of a feature table.</summary>
internal sealed record Column(string Name, ColumnType Type);

/// <summary>
/// A feature table (a layer QGIS shows). Region layers hold the features of every region, told apart by
/// the <c>region</c> column and kept in file order by <c>seq</c>; the geometry column is <c>geom</c>, WGS84.
/// </summary>
internal sealed record Layer(string Table, string GeometryType, string Description, params Column[] Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>The feature tables shared by both stores.</summary>
internal static class Layers
{
    private static readonly Column Region = new("region", ColumnType.Text);
    private static readonly Column Seq = new("seq", ColumnType.Integer);
    private static readonly Column Geom = new("geom", ColumnType.Geometry);

    public static readonly Layer Units = new("units", "GEOMETRY", "Administrative units (county, township, village, grid)",
        Region, Seq, new("code", ColumnType.Text), new("name", ColumnType.Text), new("level", ColumnType.Text),
        new("parent", ColumnType.Text), new("modelled", ColumnType.Integer), Geom);

    public static readonly Layer Roads = new("roads", "LINESTRING", "Roads with OSM tags",
        Region, Seq, new("road_id", ColumnType.Text), new("highway", ColumnType.Text), new("tags", ColumnType.Json), Geom);

    public static readonly Layer Demand = new("demand", "POINT", "Demand points; counts in the order of the region's groups",
        Region, Seq, new("point_id", ColumnType.Text), new("unit", ColumnType.Text), new("total", ColumnType.Real),
        new("counts", ColumnType.Json), Geom);

    public static readonly Layer Stations = new("stations", "POINT", "Social-work stations and service points",
        Region, Seq, new("station_id", ColumnType.Text), new("name", ColumnType.Text), new("level", ColumnType.Text),
        new("status", ColumnType.Text), new("social_workers", ColumnType.Integer), new("unit", ColumnType.Text),
        new("supervisors", ColumnType.Integer), Geom);

    public static readonly Layer Teams = new("teams", "POINT", "Volunteer teams",
        Region, Seq, new("team_id", ColumnType.Text), new("name", ColumnType.Text), new("members", ColumnType.Integer),
        new("active_members", ColumnType.Integer), new("skills", ColumnType.Json), new("weekly_hours", ColumnType.Real),
        new("unit", ColumnType.Text), new("registered_members", ColumnType.Integer), Geom);

    public static readonly Layer Needs = new("needs", "POINT", "Needs from the need list",
        Region, Seq, new("need_id", ColumnType.Text), new("kind", ColumnType.Text), new("population_group", ColumnType.Text),
        new("hours_per_week", ColumnType.Real), new("unit", ColumnType.Text), Geom);

    public static readonly Layer Candidates = new("candidates", "POINT", "Candidate sites for new stations",
        Region, Seq, new("candidate_id", ColumnType.Text), new("name", ColumnType.Text), new("cost", ColumnType.Real), Geom);

    public static readonly Layer PublicBuildings = new("public_buildings", "POINT", "Existing public buildings (town halls, community centres, schools, clinics, ...)",
        Region, Seq, new("building_id", ColumnType.Text), new("name", ColumnType.Text), new("kind", ColumnType.Text), new("source", ColumnType.Text), Geom);

    public static readonly Layer Circles = new("circles", "GEOMETRY", "Service circles of saved scenario results",
        Region, new("scenario", ColumnType.Text), new("result", ColumnType.Text), Seq, new("station_id", ColumnType.Text),
        new("limit_minutes", ColumnType.Real), Geom);

    /// <summary>The layers of a region, in the order they are written.</summary>
    public static readonly IReadOnlyList<Layer> RegionLayers = [Units, Roads, Demand, Stations, Teams, Needs, Candidates, PublicBuildings];

    /// <summary>Every feature table.</summary>
    public static readonly IReadOnlyList<Layer> All = [.. RegionLayers, Circles];
}
