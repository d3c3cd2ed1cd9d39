using System.Globalization;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.IO;

namespace Planner.Core.Import;

/// <summary>
/// The two extra files <c>planner import osm</c> leaves in a region folder for the unit-modelling step:
/// <c>places.geojson</c> (place nodes: id, place, name, name_en) and <c>boundaries.geojson</c> (complete
/// admin boundary relations: id, name, admin_level). The region reader ignores both; QGIS opens them.
/// </summary>
public static class SeedFiles
{
    /// <summary>File name of the place seeds.</summary>
    public const string Places = "places.geojson";

    /// <summary>File name of the real boundaries.</summary>
    public const string Boundaries = "boundaries.geojson";

    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    /// <summary>Writes both files into <paramref name="folder"/>.</summary>
    public static void Write(string folder, IEnumerable<OsmPlace> places, IEnumerable<OsmBoundary> boundaries)
    {
        GeoJsonWriter.Write(Path.Combine(folder, Places), places.Select(p => ((Geometry)Factory.CreatePoint(new Coordinate(p.Location.Lon, p.Location.Lat)), Props(
            ("id", p.Id.ToString(CultureInfo.InvariantCulture)), ("place", p.Place), ("name", p.Name), ("name_en", p.NameEn)))));
        GeoJsonWriter.Write(Path.Combine(folder, Boundaries), boundaries.Select(b => (b.Area, Props(
            ("id", b.RelationId.ToString(CultureInfo.InvariantCulture)), ("name", b.Name), ("admin_level", b.AdminLevel)))));
    }

    /// <summary>Reads <c>places.geojson</c>; a missing file is no places.</summary>
    /// <exception cref="ImportException">A feature is malformed.</exception>
    public static IReadOnlyList<OsmPlace> ReadPlaces(string folder)
    {
        var path = Path.Combine(folder, Places);
        var result = new List<OsmPlace>();
        var problems = new List<string>();
        foreach (var f in Features(path))
        {
            var id = f.Label("id");
            if (!long.TryParse(f.GetString("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var osmId))
            {
                problems.Add(ImportException.Line(path, id, "id", "is not an OSM node id"));
            }
            else if (f.Geometry is not Point p)
            {
                problems.Add(ImportException.Line(path, id, "geometry", f.GeometryError ?? "is not a Point"));
            }
            else if (string.IsNullOrWhiteSpace(f.GetString("place")) || string.IsNullOrWhiteSpace(f.GetString("name")))
            {
                problems.Add(ImportException.Line(path, id, "place/name", "is missing"));
            }
            else
            {
                result.Add(new OsmPlace(osmId, f.GetString("place")!, f.GetString("name")!, f.GetString("name_en"), new GeoPoint(p.X, p.Y)));
            }
        }

        return problems.Count > 0 ? throw new ImportException(problems) : result;
    }

    /// <summary>Reads <c>boundaries.geojson</c>; a missing file is no boundaries.</summary>
    /// <exception cref="ImportException">A feature is malformed.</exception>
    public static IReadOnlyList<OsmBoundary> ReadBoundaries(string folder)
    {
        var path = Path.Combine(folder, Boundaries);
        var result = new List<OsmBoundary>();
        var problems = new List<string>();
        foreach (var f in Features(path))
        {
            var id = f.Label("id");
            if (!long.TryParse(f.GetString("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var relId))
            {
                problems.Add(ImportException.Line(path, id, "id", "is not an OSM relation id"));
            }
            else if (f.Geometry is not (Polygon or MultiPolygon) || !f.Geometry.IsValid)
            {
                problems.Add(ImportException.Line(path, id, "geometry", f.GeometryError ?? "is not a valid Polygon or MultiPolygon"));
            }
            else
            {
                var level = f.GetNumber("admin_level", 8, out _) ?? 8;
                result.Add(new OsmBoundary(relId, f.GetString("name") ?? id, (int)level, f.Geometry));
            }
        }

        return problems.Count > 0 ? throw new ImportException(problems) : result;
    }

    private static List<GeoJsonFeature> Features(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return GeoJsonFeatureReader.Read(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, ex.Message), ex);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Props(params (string Key, object? Value)[] props) =>
        props.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value));
}
