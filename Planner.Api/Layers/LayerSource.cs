using Planner.Core.Geo;
using NetTopologySuite.Geometries;
using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Core.Model;

namespace Planner.Api.Layers;

/// <summary>A feature of a layer before paging: id, WGS84 geometry, ordered attributes.</summary>
internal sealed record LayerFeature(string Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Properties);

/// <summary>One layer a region offers: its id, titles and how its features are made.</summary>
/// <param name="Id">Collection id.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleZh">Chinese title.</param>
/// <param name="Description">What the features are.</param>
/// <param name="Queryables">Property names usable as filters.</param>
/// <param name="NeedsCoverage">True for circles and gaps, which come from a coverage run.</param>
internal sealed record LayerDefinition(string Id, string TitleEn, string TitleZh, string Description, IReadOnlyList<string> Queryables, bool NeedsCoverage);

/// <summary>The layers of a region as GeoJSON-ready features, made from the region and, for circles and gaps, its coverage.</summary>
internal sealed class LayerSource
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    /// <summary>Every layer, in display order.</summary>
    public static readonly IReadOnlyList<LayerDefinition> Layers =
    [
        new("units", "Administrative units", "行政区划", "Counties, townships/streets, villages/communities and grids (filter with level=township).", ["code", "name", "level", "parent_code", "modelled"], false),
        new("roads", "Roads", "道路", "Road lines with their OSM highway class.", ["id", "highway", "name"], false),
        new("demand", "Demand points", "需求点", "Where people live, with counts per population group.", ["id", "unit_code"], false),
        new("stations", "Stations", "社工站点", "Social-work stations and service points with level, status and staff.", ["id", "name", "level", "status", "unit_code"], false),
        new("circles", "Service circles", "服务圈", "The area each counted station reaches within the limit (coverage parameters apply).", ["station_id", "status"], true),
        new("gaps", "Coverage gaps", "服务空白", "Clusters of people outside every service circle (coverage parameters apply).", ["id"], true),
        new("teams", "Volunteer teams", "志愿服务队", "Volunteer teams at their home base.", ["id", "name", "unit_code"], false),
        new("needs", "Needs", "需求清单", "Needs from the need list, with kind, group and hours.", ["id", "kind", "group", "unit_code"], false),
        new("candidates", "Candidate sites", "候选站址", "Sites where a new station could open.", ["id", "name"], false),
        new("public_buildings", "Public buildings", "公共建筑", "Existing town halls, community centres, schools, clinics and other public buildings (generated candidate sites include each one).", ["id", "name", "kind"], false),
    ];

    /// <summary>The layer's features.</summary>
    public IReadOnlyList<LayerFeature> Features(LayerDefinition layer, CatalogRegion catalog, CoverageResult? coverage)
    {
        var r = catalog.Region;
        return layer.Id switch
        {
            "units" => [.. r.Units.Select(u => F(u.Code, u.Boundary, ("code", u.Code), ("name", u.Name), ("level", DomainNames.Of(u.Level)), ("parent_code", u.ParentCode), ("modelled", u.Modelled)))],
            "roads" => [.. r.Roads.Select(x => F(x.Id, x.Line, ("id", x.Id), ("highway", x.Highway), ("name", x.Tag("name"))))],
            "demand" => [.. r.Demand.Select(d => F(d.Id, Point(d.Location), [("id", d.Id), ("unit_code", d.UnitCode), .. r.Groups.Names.Select((g, i) => (g, (object?)d.Counts[i]))]))],
            "stations" => [.. r.Stations.Select(s => F(s.Id, Point(s.Location), ("id", s.Id), ("name", s.Name), ("level", DomainNames.Of(s.Level)), ("status", DomainNames.Of(s.Status)), ("social_workers", s.SocialWorkers), ("supervisors", s.Supervisors), ("unit_code", s.UnitCode)))],
            "teams" => [.. r.Teams.Select(t => F(t.Id, Point(t.Base), ("id", t.Id), ("name", t.Name), ("members", t.Members), ("active_members", t.ActiveMembers), ("skills", string.Join(";", t.Skills)), ("weekly_hours", t.WeeklyHours), ("unit_code", t.UnitCode)))],
            "needs" => [.. r.Needs.Select(n => F(n.Id, Point(n.Location), ("id", n.Id), ("kind", n.Kind), ("group", n.Group), ("hours_per_week", n.HoursPerWeek), ("unit_code", n.UnitCode)))],
            "candidates" => [.. r.Candidates.Select(c => F(c.Id, Point(c.Location), ("id", c.Id), ("name", c.Name), ("cost", c.Cost)))],
            "public_buildings" => [.. r.PublicBuildings.Select(b => F(b.Id, Point(b.Location), ("id", b.Id), ("name", b.Name), ("kind", b.Kind), ("source", b.Source)))],
            "circles" => Circles(coverage!),
            "gaps" => Gaps(coverage!),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Id, "unknown layer"),
        };
    }

    /// <summary>Service circles of a coverage result.</summary>
    public static IReadOnlyList<LayerFeature> Circles(CoverageResult coverage) =>
        [.. coverage.Report.Stations.Where(s => s.Circle is { IsEmpty: false }).Select(s => F(s.Id, s.Circle!,
            ("station_id", s.Id), ("name", s.Name), ("status", s.Status), ("minutes", coverage.Report.Minutes), ("mode", coverage.Report.Mode), ("area_km2", s.AreaKm2)))];

    /// <summary>Gap outlines of a coverage result, with people per group.</summary>
    public static IReadOnlyList<LayerFeature> Gaps(CoverageResult coverage) =>
        [.. coverage.Report.Gaps.Select(g => F(g.Id, g.Outline ?? Point(new Core.Geo.GeoPoint(g.Centroid[0], g.Centroid[1])),
            [("id", g.Id), ("points", g.Points), .. g.Groups.Select(kv => (kv.Key, (object?)kv.Value))]))];

    private static Point Point(Core.Geo.GeoPoint p) => Factory.CreatePoint(new Coordinate(p.Lon, p.Lat));

    private static LayerFeature F(string id, Geometry geometry, params (string Key, object? Value)[] properties)
    {
        var dict = new Dictionary<string, object?>(properties.Length, StringComparer.Ordinal);
        foreach (var (k, v) in properties)
        {
            if (v is not null)
            {
                dict[k] = v;
            }
        }

        return new LayerFeature(id, geometry, dict);
    }
}
