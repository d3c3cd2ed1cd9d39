using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using NetTopologySuite.Geometries;
using OsmSharp;
using OsmSharp.Streams;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Reads an OpenStreetMap extract (<c>.osm</c> XML or <c>.osm.pbf</c>, through OsmSharp) into roads, place
/// seeds, complete admin boundaries and public buildings. Coordinates are WGS84 as OSM stores them. A public
/// building (<see cref="OsmPublicBuildings"/>) is a tagged node at its position or a tagged closed way at the
/// centroid of its outline (area centroid in lon/lat, which over a building's size differs from the projected
/// one by far less than a metre); relations (multipolygon outlines) are not read. Buildings outside the
/// extent are left out.
/// </summary>
public static class OsmExtractReader
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    /// <summary>Reads the file at <paramref name="path"/>; PBF when the name ends in <c>.pbf</c>, else XML.</summary>
    /// <param name="path">The extract.</param>
    /// <param name="boundaryAdminLevel">The <c>admin_level</c> of boundary relations to assemble (8: township/street).</param>
    /// <exception cref="InvalidDataException">The file cannot be parsed.</exception>
    public static OsmExtract Read(string path, int boundaryAdminLevel = 8)
    {
        bool pbf = path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase);
        GeoBounds? declared = pbf ? null : ReadXmlBounds(path);
        using var stream = File.OpenRead(path);
        try
        {
            using OsmStreamSource source = pbf ? new PBFOsmStreamSource(stream) : new XmlOsmStreamSource(stream);
            return Read(source, declared, boundaryAdminLevel);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or FormatException or IOException or ProtoBuf.ProtoException)
        {
            throw new InvalidDataException($"{path}: not a readable OSM {(pbf ? "PBF" : "XML")} file: {ex.Message}", ex);
        }
    }

    private static OsmExtract Read(OsmStreamSource source, GeoBounds? declared, int boundaryAdminLevel)
    {
        var coords = new Dictionary<long, Coordinate>();
        var ways = new Dictionary<long, Way>();
        var relations = new List<Relation>();
        var places = new List<OsmPlace>();
        var nodeBuildings = new List<(long Id, PublicBuilding Building)>();
        foreach (var geo in source)
        {
            switch (geo)
            {
                case Node { Id: long id, Latitude: double lat, Longitude: double lon } node:
                    coords[id] = new Coordinate(lon, lat);
                    if (node.Tags is { } tags && tags.TryGetValue("place", out var place)
                        && (OsmPlace.TownshipKinds.Contains(place) || OsmPlace.VillageKinds.Contains(place)))
                    {
                        var name = tags.TryGetValue("name", out var n) && !string.IsNullOrWhiteSpace(n) ? n : id.ToString(CultureInfo.InvariantCulture);
                        places.Add(new OsmPlace(id, place, name, tags.TryGetValue("name:en", out var en) ? en : null, new GeoPoint(lon, lat)));
                    }

                    if (node.Tags is { Count: > 0 } nodeTags && OsmPublicBuildings.KindOf(k => nodeTags.TryGetValue(k, out var v) ? v : null) is { } kind)
                    {
                        nodeBuildings.Add((id, OsmPublicBuildings.Create("node", id, kind, nodeTags.TryGetValue("name", out var n) ? n : null, new GeoPoint(lon, lat))));
                    }

                    break;
                case Way { Id: long id } way:
                    ways[id] = way;
                    break;
                case Relation relation:
                    relations.Add(relation);
                    break;
            }
        }

        var notes = new List<string>();
        var roads = new List<Road>();
        foreach (var (id, way) in ways.OrderBy(w => w.Key))
        {
            if (way.Tags is null || !way.Tags.ContainsKey("highway"))
            {
                continue;
            }

            var line = Line(way, coords);
            if (line is null)
            {
                notes.Add($"way {id}: highway skipped: fewer than 2 of its nodes are in the extract");
                continue;
            }

            var tags = way.Tags.ToImmutableDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            roads.Add(new Road(id.ToString(CultureInfo.InvariantCulture), line, tags));
        }

        var boundaries = Boundaries(relations, ways, coords, boundaryAdminLevel, notes);
        places.Sort((a, b) => a.Id.CompareTo(b.Id));
        var extent = declared ?? Box(roads, places);
        var buildings = nodeBuildings.OrderBy(b => b.Id).Select(b => b.Building).Concat(BuildingOutlines(ways, coords, notes)).ToList();
        var inside = buildings.Where(b => extent.Contains(b.Location)).ToList();
        if (inside.Count < buildings.Count)
        {
            notes.Add($"{buildings.Count - inside.Count} of {buildings.Count} public buildings lie outside the extent {extent} and are left out");
        }

        return new OsmExtract([.. roads], [.. places], [.. boundaries], extent, [.. notes], [.. inside]);
    }

    /// <summary>Closed ways tagged as public buildings, at the centroid of their outline, by way id.</summary>
    private static List<PublicBuilding> BuildingOutlines(Dictionary<long, Way> ways, Dictionary<long, Coordinate> coords, List<string> notes)
    {
        var result = new List<PublicBuilding>();
        foreach (var (id, way) in ways.OrderBy(w => w.Key))
        {
            if (way.Tags is not { Count: > 0 } tags || OsmPublicBuildings.KindOf(k => tags.TryGetValue(k, out var v) ? v : null) is not { } kind)
            {
                continue;
            }

            var nodes = way.Nodes ?? [];
            if (nodes.Length < 4 || nodes[0] != nodes[^1])
            {
                notes.Add($"way {id} ({kind}): public building skipped: not a closed outline");
                continue;
            }

            if (Line(way, coords, requireAll: true) is not { } line || line.NumPoints < 4 || !line.IsClosed)
            {
                notes.Add($"way {id} ({kind}): public building skipped: its outline is not complete in the extract or has fewer than 3 corners");
                continue;
            }

            var centroid = Factory.CreatePolygon(line.Coordinates).Centroid;
            result.Add(OsmPublicBuildings.Create("way", id, kind, tags.TryGetValue("name", out var n) ? n : null, new GeoPoint(centroid.X, centroid.Y)));
        }

        return result;
    }

    private static List<OsmBoundary> Boundaries(List<Relation> relations, Dictionary<long, Way> ways, Dictionary<long, Coordinate> coords, int level, List<string> notes)
    {
        var result = new List<OsmBoundary>();
        foreach (var rel in relations.Where(r => r.Id is not null).OrderBy(r => r.Id))
        {
            if (rel.Tags is null || !rel.Tags.TryGetValue("boundary", out var b) || b != "administrative"
                || !rel.Tags.TryGetValue("admin_level", out var lv) || lv != level.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }

            var name = rel.Tags.TryGetValue("name", out var n) ? n : rel.Id!.Value.ToString(CultureInfo.InvariantCulture);
            var members = (rel.Members ?? []).Where(m => m.Type == OsmGeoType.Way && m.Role is "outer" or "" or null).ToList();
            var lines = new List<LineString>();
            foreach (var m in members)
            {
                if (ways.TryGetValue(m.Id, out var w) && Line(w, coords, requireAll: true) is { } line)
                {
                    lines.Add(line);
                }
            }

            Geometry? area = lines.Count == members.Count ? OsmRingAssembler.Assemble(lines, Factory) : null;
            if (area is null)
            {
                notes.Add($"relation {rel.Id} ({name}): boundary not assembled: {lines.Count} of {members.Count} outer ways complete in the extract{(lines.Count == members.Count ? ", but they do not close into rings" : string.Empty)}");
                continue;
            }

            result.Add(new OsmBoundary(rel.Id!.Value, name, level, area));
        }

        return result;
    }

    private static LineString? Line(Way way, Dictionary<long, Coordinate> coords, bool requireAll = false)
    {
        var points = new List<Coordinate>();
        foreach (var id in way.Nodes ?? [])
        {
            if (coords.TryGetValue(id, out var c))
            {
                if (points.Count == 0 || !points[^1].Equals2D(c))
                {
                    points.Add(c.Copy());
                }
            }
            else if (requireAll)
            {
                return null;
            }
        }

        return points.Count >= 2 ? Factory.CreateLineString([.. points]) : null;
    }

    private static GeoBounds Box(List<Road> roads, List<OsmPlace> places)
    {
        var box = GeoBounds.Empty;
        foreach (var r in roads)
        {
            var e = r.Line.EnvelopeInternal;
            box = box.Include(new GeoBounds(e.MinX, e.MinY, e.MaxX, e.MaxY));
        }

        return places.Aggregate(box, (b, p) => b.Include(p.Location));
    }

    private static GeoBounds? ReadXmlBounds(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Name is "node" or "way" or "relation")
                {
                    return null;
                }

                if (reader.Name == "bounds")
                {
                    // TryParse: a bounds value that is not a number threw FormatException out of the reader (found by fuzzing).
                    double Get(string a) => double.TryParse(reader.GetAttribute(a) ?? throw new InvalidDataException($"{path}: <bounds> has no {a}"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                        ? v
                        : throw new InvalidDataException($"{path}: <bounds {a}=\"{reader.GetAttribute(a)}\"> is not a number");
                    return new GeoBounds(Get("minlon"), Get("minlat"), Get("maxlon"), Get("maxlat"));
                }
            }
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{path}: not valid OSM XML: {ex.Message}", ex);
        }

        return null;
    }
}
