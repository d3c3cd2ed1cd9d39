using NetTopologySuite.Geometries;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>The type of a GIS attribute column.</summary>
internal enum GisFieldType
{
    Text,
    Integer,
    Real,
}

/// <summary>An attribute column: its name (at most 10 characters, so a .dbf keeps it whole) and type.</summary>
internal sealed record GisField(string Name, GisFieldType Type, string Title);

/// <summary>One feature: geometry (WGS84 / CGCS2000 lon-lat) and one value per field.</summary>
internal sealed record GisFeature(Geometry Geometry, object?[] Values);

/// <summary>One layer of the GIS export.</summary>
/// <param name="Name">Table or file name (units, stations, gaps, circles).</param>
/// <param name="Polygons">True for (multi)polygons, false for points.</param>
/// <param name="Description">What the layer holds, in the report's language.</param>
/// <param name="Fields">Attribute columns.</param>
/// <param name="Features">Its features, values in <paramref name="Fields"/> order.</param>
internal sealed record GisLayer(string Name, bool Polygons, string Description, IReadOnlyList<GisField> Fields, IReadOnlyList<GisFeature> Features);

/// <summary>
/// The report as GIS layers, shared by the GeoPackage and Shapefile writers: townships and villages with
/// their people, covered people and covered share (%) per group; stations; gaps; service circles. Field names
/// are short (<c>shr_total</c>, <c>pop_elderl</c>) because a .dbf keeps ten characters; each field's title says
/// it in full.
/// </summary>
internal static class GisLayers
{
    /// <summary>The layers of a report; features without a geometry are left out.</summary>
    public static IReadOnlyList<GisLayer> From(ReportDocument r)
    {
        var t = r.Text;
        var units = new List<GisField> { new("code", GisFieldType.Text, t.Code), new("name", GisFieldType.Text, t.Name), new("level", GisFieldType.Text, t.Level), new("parent", GisFieldType.Text, t.Township) };
        foreach (var g in r.Groups)
        {
            units.Add(new(Short("pop_", g.Key), GisFieldType.Real, t.GroupHeader(g, t.Population)));
            units.Add(new(Short("cov_", g.Key), GisFieldType.Real, t.GroupHeader(g, t.Covered)));
            units.Add(new(Short("shr_", g.Key), GisFieldType.Real, t.GroupHeader(g, t.SharePercent)));
        }

        var unitRows = r.Townships.SelectMany(s => s.Villages.Prepend(s.Township)).Where(u => u.Boundary is not null);
        var unitFeatures = unitRows.Select(u => new GisFeature(u.Boundary!, [u.Code, u.Name, t.Term(u.Level), u.ParentName,
            .. u.Figures.SelectMany(f => new object?[] { Math.Round(f.Population, 2), Math.Round(f.Covered, 2), Math.Round(f.Share * 100, 2) })])).ToList();

        var stations = new List<GisField> { new("id", GisFieldType.Text, "ID"), new("name", GisFieldType.Text, t.Name), new("level", GisFieldType.Text, t.Level), new("status", GisFieldType.Text, t.Status), new("township", GisFieldType.Text, t.Township), new("workers", GisFieldType.Integer, t.SocialWorkers) };
        stations.AddRange(r.Groups.Select(g => new GisField(Short("cat_", g.Key), GisFieldType.Real, t.GroupHeader(g, t.Catchment))));
        stations.Add(new("area_km2", GisFieldType.Real, t.AreaKm2));
        var factory = new GeometryFactory();
        var stationFeatures = r.Stations.Where(s => !double.IsNaN(s.Lon)).Select(s => new GisFeature(factory.CreatePoint(new Coordinate(s.Lon, s.Lat)),
            [s.Id, s.Name, s.LevelLabel, s.StatusLabel, s.TownshipName, (long)s.SocialWorkers, .. s.Catchment.Select(c => (object?)Math.Round(c, 2)), Math.Round(s.AreaKm2, 4)])).ToList();
        var circleFeatures = r.Stations.Where(s => s.Circle is { IsEmpty: false }).Select(s => new GisFeature(s.Circle!,
            [s.Id, s.Name, s.LevelLabel, s.StatusLabel, s.TownshipName, (long)s.SocialWorkers, .. s.Catchment.Select(c => (object?)Math.Round(c, 2)), Math.Round(s.AreaKm2, 4)])).ToList();

        var gaps = new List<GisField> { new("id", GisFieldType.Text, "ID"), new("village", GisFieldType.Text, t.Village), new("township", GisFieldType.Text, t.Township), new("points", GisFieldType.Integer, t.Points) };
        gaps.AddRange(r.Groups.Select(g => new GisField(Short("ppl_", g.Key), GisFieldType.Real, t.GroupHeader(g, t.People))));
        gaps.Add(new("near_stn", GisFieldType.Text, t.NearestStation));
        gaps.Add(new("near_m", GisFieldType.Real, t.DistanceMeters));
        var gapFeatures = r.Gaps.Select(g => new GisFeature(g.Outline is { IsEmpty: false } o ? o : factory.CreatePoint(new Coordinate(g.Lon, g.Lat)).Buffer(0.0005),
            [g.Id, g.VillageName, g.TownshipName, (long)g.Points, .. g.People.Select(p => (object?)Math.Round(p, 2)), g.NearestStationName, g.NearestStationMeters is { } m ? Math.Round(m, 1) : null])).ToList();

        return
        [
            new GisLayer("units", true, $"{t.Townships} / {t.Villages}", Unique(units), unitFeatures),
            new GisLayer("stations", false, t.Stations, Unique(stations), stationFeatures),
            new GisLayer("gaps", true, t.Gaps, Unique(gaps), gapFeatures),
            new GisLayer("circles", true, t.Circle, Unique(stations), circleFeatures),
        ];
    }

    /// <summary>A prefix and a group key cut to ten characters.</summary>
    private static string Short(string prefix, string key) => (prefix + key).Length <= 10 ? prefix + key : (prefix + key)[..10];

    /// <summary>Names made unique after cutting (a digit replaces the last character of a repeat).</summary>
    private static List<GisField> Unique(List<GisField> fields)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<GisField>(fields.Count);
        foreach (var f in fields)
        {
            var name = f.Name;
            for (int i = 1; !seen.Add(name); i++)
            {
                name = f.Name[..Math.Min(f.Name.Length, 9)] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(f with { Name = name });
        }

        return result;
    }
}
