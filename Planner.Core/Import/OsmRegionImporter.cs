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

    /// <summary>Reads <paramref name="osmPath"/> and writes a new region folder at <paramref name="folder"/>.</summary>
    /// <param name="osmPath">The OSM extract.</param>
    /// <param name="folder">The region folder to write.</param>
    /// <param name="name">Region name.</param>
    /// <param name="code">Division code.</param>
    /// <param name="defaultCircle">The region's default life circle (<see cref="RegionInfo.DefaultCircle"/>), or null for the standard's.</param>
    /// <returns>The region written and the extract (for its notes).</returns>
    /// <exception cref="ImportException">The file cannot be read or has no roads.</exception>
    public static (Region Region, OsmExtract Extract) Import(string osmPath, string folder, string name, string code, string? defaultCircle = null)
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
