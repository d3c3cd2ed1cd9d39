using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Planner.Core.Geo;
using Planner.Core.Import.Boundaries;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// The polygon an import is cut to (<c>--clip</c>), so that a county can import a prefecture- or province-wide file:
/// roads are cut at the boundary (each piece inside a road of its own), units are intersected with it (the part
/// inside is kept, units with no area inside are dropped), population points and raster cell centres outside it are
/// dropped. Intersections run in WGS84 through NTS's robust overlay (OverlayNG), the operation GDAL's
/// <c>ogr2ogr -clipsrc</c> runs through GEOS; as there, a result of lower dimension than its input (a unit touching
/// the boundary along an edge, a road crossing it at a point) is dropped.
/// </summary>
public sealed class ImportClip
{
    private readonly Geometry _area;
    private readonly IPreparedGeometry _prepared;

    /// <summary>Creates the clip from a polygonal area in WGS84.</summary>
    /// <param name="area">Polygon or MultiPolygon, WGS84 longitude-latitude.</param>
    /// <param name="description">Where the area comes from, for the region's sources.</param>
    /// <exception cref="ArgumentException">The area is empty or not polygonal.</exception>
    public ImportClip(Geometry area, string description)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.IsEmpty || area is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException("a clip area is a non-empty polygon or multipolygon", nameof(area));
        }

        _area = area.Copy();
        _prepared = PreparedGeometryFactory.Prepare(_area);
        Description = description;
    }

    /// <summary>Where the area comes from (<c>the region's boundary</c>, a file name).</summary>
    public string Description { get; }

    /// <summary>The clip area, WGS84 (a copy).</summary>
    public Geometry Area => _area.Copy();

    /// <summary>The region's own boundary: the union of its top-level units.</summary>
    /// <exception cref="ImportException">The region has no units to clip to.</exception>
    public static ImportClip ToRegion(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Units.IsEmpty)
        {
            throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--clip", "the region has no units to clip to: give a polygon file (--clip boundary.geojson)"));
        }

        return new ImportClip(OsmRegionImporter.TopLevelExtent(region), "the region's boundary");
    }

    /// <summary>The union of the polygons of a boundary file (.geojson, .shp, zipped .shp, .gpkg; CRS from the file or <paramref name="crs"/>).</summary>
    /// <exception cref="ImportException">The file cannot be read or has no polygons.</exception>
    public static ImportClip FromFile(string path, SourceCrs? crs)
    {
        var file = BoundaryFileReader.Read(path, crs, null, null);
        var polygons = file.Features.Select(f => f.Geometry).OfType<Geometry>()
            .Select(g => file.Crs.ToWgs84(g)).Where(g => g is Polygon or MultiPolygon)
            .Select(g => g.IsValid ? g : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(g)).ToList();
        if (polygons.Count == 0)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, "--clip", "the file has no polygons to clip to"));
        }

        var union = RobustOverlay.Union(GeometryFactories.Wgs84.BuildGeometry(polygons));
        return new ImportClip(Polygonal(union) ?? throw new ImportException(ImportException.Line(path, string.Empty, "--clip", "the polygons have no area")), file.FileName);
    }

    /// <summary>The pieces of each road inside the area; a road cut into several keeps its id on the first piece and gets <c>id#2</c>, <c>id#3</c>, ... on the others.</summary>
    public ImmutableArray<Road> Roads(IEnumerable<Road> roads)
    {
        ArgumentNullException.ThrowIfNull(roads);
        var result = ImmutableArray.CreateBuilder<Road>();
        foreach (var road in roads)
        {
            if (_prepared.Covers(road.Line))
            {
                result.Add(road);
                continue;
            }

            if (!_prepared.Intersects(road.Line))
            {
                continue;
            }

            var pieces = Lines(RobustOverlay.Intersection(road.Line, _area), road.Line);
            for (int i = 0; i < pieces.Count; i++)
            {
                result.Add(road with { Id = i == 0 ? road.Id : string.Create(CultureInfo.InvariantCulture, $"{road.Id}#{i + 1}"), Line = pieces[i] });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Each unit's part inside the area; units without area inside are dropped.</summary>
    public ImmutableArray<AdminUnit> Units(IEnumerable<AdminUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var result = ImmutableArray.CreateBuilder<AdminUnit>();
        foreach (var u in units)
        {
            if (_prepared.Covers(u.Boundary))
            {
                result.Add(u);
            }
            else if (_prepared.Intersects(u.Boundary) && Polygonal(RobustOverlay.Intersection(u.Boundary, _area)) is { } inside)
            {
                result.Add(u with { Boundary = inside });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>True when the area covers <paramref name="location"/> (its boundary included).</summary>
    public bool Covers(GeoPoint location) => _prepared.Covers(GeometryFactories.Wgs84.CreatePoint(new Coordinate(location.Lon, location.Lat)));

    /// <summary>The points the area covers (its boundary included), in input order.</summary>
    public List<PopulationPoint> Points(IEnumerable<PopulationPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return [.. points.Where(p => Covers(p.Location))];
    }

    /// <summary>The polygonal part of an overlay result (a collection may hold lines where it touched the boundary), or null when it has no area.</summary>
    private static Geometry? Polygonal(Geometry g)
    {
        var parts = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty && p.Area > 0).ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0],
            _ => GeometryFactories.Wgs84.CreateMultiPolygon(parts),
        };
    }

    /// <summary>
    /// The line pieces of an overlay result, each a LineString in the direction of <paramref name="original"/> and in
    /// its order (a oneway road stays oneway the right way); points where a road only touches the area are dropped.
    /// </summary>
    private static List<LineString> Lines(Geometry g, LineString original)
    {
        var along = new NetTopologySuite.LinearReferencing.LengthIndexedLine(original);
        return [.. Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<LineString>().Where(l => !l.IsEmpty && l.Length > 0)
            .Select(l => (Line: l, Start: along.Project(l.StartPoint.Coordinate), End: along.Project(l.EndPoint.Coordinate)))
            .Select(p => p.End < p.Start ? (Line: (LineString)p.Line.Reverse(), Start: p.End, End: p.Start) : p)
            .OrderBy(p => p.Start)
            .Select(p => p.Line)];
    }
}
