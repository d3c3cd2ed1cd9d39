using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// <c>planner import osm</c>: a new region folder from an OSM extract. Writes the roads, a single
/// county-level unit covering the extract's extent (modelled: it is the extract box, not a boundary), an
/// empty demand and station layer, the public buildings inside the extent (public_buildings.geojson, written
/// only when there are any, like every optional layer), and the unit seeds (<see cref="SeedFiles"/>) for
/// <c>UnitModeller</c>.
/// </summary>
public static class OsmRegionImporter
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    /// <summary>Builds the region (not yet written) from an extract.</summary>
    /// <param name="extract">What <see cref="OsmExtractReader"/> read.</param>
    /// <param name="name">Region and county-unit name.</param>
    /// <param name="code">Division code of the region (e.g. 360681), used as the county unit's code.</param>
    /// <param name="sourceName">Source name for region.json (e.g. the file and where it came from).</param>
    public static Region Build(OsmExtract extract, string name, string code, string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var e = extract.Extent;
        var box = Factory.ToGeometry(new Envelope(e.MinLon, e.MaxLon, e.MinLat, e.MaxLat));
        var county = new AdminUnit(code, name, AdminLevel.County, null, box, Modelled: true);
        const string Odbl = "ODbL 1.0 (© OpenStreetMap contributors)";
        var sources = new List<DataSource>
        {
            new("roads", sourceName, Odbl, false, $"{extract.Roads.Length} highway ways with all their OSM tags; id = OSM way id"),
            new("places", sourceName, Odbl, false, $"{extract.Places.Length} place nodes (town, suburb, quarter, village, neighbourhood) in places.geojson; {extract.Boundaries.Length} complete admin boundaries in boundaries.geojson"),
        };
        if (!extract.PublicBuildings.IsEmpty)
        {
            var kinds = extract.PublicBuildings.GroupBy(b => b.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            sources.Add(new("public_buildings", sourceName, Odbl, false,
                $"{extract.PublicBuildings.Length} nodes and closed ways tagged as public buildings ({string.Join(", ", kinds)}) inside the extent; a way at the centroid of its outline; id = osm:node:N or osm:way:N"));
        }

        sources.Add(new("units", "extract extent", "n/a", true, $"one county-level unit: the extract's bounding box {e}, not a real boundary"));
        var info = new RegionInfo(name, code, InputCrs.Wgs84, new PopulationGroups([PopulationGroups.Total]), 15, "walk", [.. sources]);
        return new Region { Info = info, Units = [county], Roads = extract.Roads, PublicBuildings = extract.PublicBuildings };
    }

    /// <summary>
    /// The region cut to <paramref name="clip"/> (<c>import osm --clip</c>, for a province extract): roads cut at the
    /// boundary, public buildings outside it dropped, and the county unit is the clip area itself instead of the
    /// extract's box (a real boundary, so no longer modelled).
    /// </summary>
    public static Region Clip(Region region, ImportClip clip)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(clip);
        var roads = clip.Roads(region.Roads);
        var units = region.Units.Select(u => u.Level == AdminLevel.County ? u with { Boundary = clip.Area, Modelled = false } : u).ToImmutableArray();
        var clipped = region with { Roads = roads, Units = units, PublicBuildings = [.. region.PublicBuildings.Where(b => clip.Covers(b.Location))] };
        var sources = region.Info.Sources.Select(s => s.Layer switch
        {
            "roads" => s with { Note = $"{s.Note}; cut to {clip.Description} (--clip): {roads.Length} road pieces of {region.Roads.Length} ways" },
            "units" => new DataSource("units", clip.Description, s.Licence, false, $"one county-level unit: {clip.Description}, the --clip area"),
            _ => s,
        });
        return clipped with { Info = clipped.Info with { Sources = [.. sources] } };
    }

    /// <summary>Reads <paramref name="osmPath"/> and writes a new region folder at <paramref name="folder"/>.</summary>
    /// <param name="osmPath">The OSM extract.</param>
    /// <param name="folder">The region folder to write.</param>
    /// <param name="name">Region name.</param>
    /// <param name="code">Division code.</param>
    /// <param name="defaultCircle">The region's default life circle (<see cref="RegionInfo.DefaultCircle"/>), or null for the standard's.</param>
    /// <returns>The region written and the extract (for its notes).</returns>
    /// <exception cref="ImportException">The file cannot be read or has no roads.</exception>
    /// <param name="clip">Chooses the area to cut the extract to (<c>--clip</c>), or null for no cut.</param>
    public static (Region Region, OsmExtract Extract) Import(string osmPath, string folder, string name, string code, string? defaultCircle = null, Func<OsmExtract, ImportClip>? clip = null)
    {
        OsmExtract extract;
        try
        {
            extract = OsmExtractReader.Read(osmPath);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException(ex.Message, ex);
        }

        if (extract.Roads.IsEmpty)
        {
            throw new ImportException(ImportException.Line(osmPath, string.Empty, "highway", "the extract has no highway ways with coordinates"));
        }

        var built = Build(extract, name, code, Path.GetFileName(osmPath));
        var region = built with { Info = built.Info with { DefaultCircle = defaultCircle } };
        if (clip is not null)
        {
            region = Clip(region, clip(extract));
            if (region.Roads.IsEmpty)
            {
                throw new ImportException(ImportException.Line(osmPath, string.Empty, "--clip", "no highway way of the extract lies inside the clip area"));
            }
        }
        RegionFolderWriter.Write(region, folder);
        SeedFiles.Write(folder, extract.Places, extract.Boundaries);
        return (region, extract);
    }

    /// <summary>The extent polygon of a region's top-level units (their union), in WGS84.</summary>
    public static Geometry TopLevelExtent(Region region)
    {
        var tops = region.Units.Where(u => u.ParentCode is null).Select(u => u.Boundary).ToList();
        if (tops.Count == 0)
        {
            var b = region.Bounds;
            return Factory.ToGeometry(new Envelope(b.MinLon, b.MaxLon, b.MinLat, b.MaxLat));
        }

        return tops.Count == 1 ? tops[0].Copy() : RobustOverlay.Union(Factory.BuildGeometry(tops));
    }
}
