using System.Globalization;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Models township (乡镇/街道) and village/community (村/社区) units where no open boundaries exist, as
/// Voronoi cells of OSM place nodes, nested:
/// <list type="number">
/// <item>Townships: a complete OSM admin boundary whose name matches a township seed is used as it is
/// (clipped to the county extent); the rest of the extent is split into Voronoi cells of the other
/// township seeds (place = town, suburb).</item>
/// <item>Villages: each village seed (quarter, village, neighbourhood) goes to the township whose polygon
/// contains it; each township is split into Voronoi cells of its own village seeds, so villages never cross
/// township lines. A township without village seeds gets no village units (reported in the notes).</item>
/// </list>
/// Codes are generated: county code + 3-digit sequence for townships, township code + 3 digits for villages,
/// in OSM node id order. Computed in the region's local metric projection. Every generated unit is modelled.
/// </summary>
public static class UnitModeller
{
    /// <summary>The units modelled from place seeds, county units kept, plus notes.</summary>
    /// <param name="region">A region with its county unit(s) (the extent).</param>
    /// <param name="places">Place seeds (see <see cref="OsmPlace"/>).</param>
    /// <param name="boundaries">Complete real boundaries, matched to township seeds by name.</param>
    /// <exception cref="ImportException">No township seed lies in the extent.</exception>
    public static (List<AdminUnit> Units, List<string> Notes) FromPlaces(Region region, IReadOnlyList<OsmPlace> places, IReadOnlyList<OsmBoundary> boundaries)
    {
        var projection = region.CreateProjection();
        var county = TopUnit(region);
        var extent = projection.Project(county.Boundary);
        var notes = new List<string>();
        var inside = places.Where(p => extent.Covers(Point(extent, projection, p.Location))).OrderBy(p => p.Id).ToList();
        var townSeeds = inside.Where(p => p.IsTownshipSeed).ToList();
        if (townSeeds.Count == 0)
        {
            throw new ImportException(ImportException.Line("places.geojson", string.Empty, "place", "no place=town or place=suburb node inside the region's extent: use --hex-m to model townships as hexagons instead"));
        }

        var clash = inside.Where(p => p.IsTownshipSeed || p.IsVillageSeed).GroupBy(p => p.Location).Where(g => g.Count() > 1)
            .Select(g => ImportException.Line("places.geojson", string.Join(", ", g.Select(p => p.Id)), "geometry", $"place nodes {string.Join(", ", g.Select(p => p.Name))} share one position; Voronoi cells need distinct seeds"))
            .ToList();
        if (clash.Count > 0)
        {
            throw new ImportException(clash);
        }

        // Real boundaries first; the remaining area is shared out among the other seeds.
        var towns = new Geometry?[townSeeds.Count];
        var real = new bool[townSeeds.Count];
        Geometry rest = extent;
        for (int i = 0; i < townSeeds.Count; i++)
        {
            var b = boundaries.FirstOrDefault(b => b.Name == townSeeds[i].Name);
            if (b is not null)
            {
                var area = projection.Project(b.Area);
                towns[i] = HexGrid.Polygonal(RobustOverlay.Intersection(area, extent));
                real[i] = extent.Covers(area);
                rest = RobustOverlay.Difference(rest, area);
                notes.Add($"township {townSeeds[i].Name}: real OSM boundary (relation {b.RelationId}){(real[i] ? string.Empty : ", clipped to the extent")}");
            }
        }

        var others = Enumerable.Range(0, townSeeds.Count).Where(i => towns[i] is null).ToList();
        var cells = VoronoiPartition.Cells([.. others.Select(i => Coord(projection, townSeeds[i].Location))], rest);
        for (int k = 0; k < others.Count; k++)
        {
            towns[others[k]] = cells[k];
        }

        var units = new List<AdminUnit> { county };
        int seq = 0;
        for (int i = 0; i < townSeeds.Count; i++)
        {
            var wgs = towns[i] is null ? null : UnitGeometry.ToWgs84(towns[i]!, projection);
            if (wgs is null)
            {
                notes.Add($"township {townSeeds[i].Name} (node {townSeeds[i].Id}): no area left in the extent; left out");
                continue;
            }

            var code = county.Code + (++seq).ToString("000", CultureInfo.InvariantCulture);
            units.Add(new AdminUnit(code, townSeeds[i].Name, AdminLevel.Township, county.Code, wgs, Modelled: !real[i]));
            var villages = VillagesOf(townSeeds, towns, i, inside.Where(p => p.IsVillageSeed).ToList(), projection);
            if (villages.Count == 0)
            {
                notes.Add($"township {townSeeds[i].Name}: no village or community place nodes; no village units under it");
            }

            var villageCells = VoronoiPartition.Cells([.. villages.Select(v => Coord(projection, v.Location))], towns[i]!);
            int vseq = 0;
            for (int v = 0; v < villages.Count; v++)
            {
                if (villageCells[v] is { } cell && UnitGeometry.ToWgs84(cell, projection) is { } vw)
                {
                    units.Add(new AdminUnit(code + (++vseq).ToString("000", CultureInfo.InvariantCulture), villages[v].Name, AdminLevel.Village, code, vw, Modelled: true));
                }
            }
        }

        return (units, notes);
    }

    /// <summary>
    /// Townships as hexagons of edge <paramref name="edgeMeters"/> clipped to the county extent, for regions
    /// without place nodes (named "cell NNN", codes county + 3 digits, modelled).
    /// </summary>
    public static List<AdminUnit> FromHexagons(Region region, double edgeMeters)
    {
        var projection = region.CreateProjection();
        var county = TopUnit(region);
        var units = new List<AdminUnit> { county };
        int seq = 0;
        foreach (var cell in HexGrid.Clip(projection.Project(county.Boundary), edgeMeters, minPieceM2: 1))
        {
            if (UnitGeometry.ToWgs84(cell, projection) is { } wgs)
            {
                var label = (++seq).ToString("000", CultureInfo.InvariantCulture);
                units.Add(new AdminUnit(county.Code + label, $"{county.Name} cell {label}", AdminLevel.Township, county.Code, wgs, Modelled: true));
            }
        }

        return units;
    }

    private static List<OsmPlace> VillagesOf(List<OsmPlace> townSeeds, Geometry?[] towns, int town, List<OsmPlace> villageSeeds, LocalProjection projection)
    {
        var result = new List<OsmPlace>();
        foreach (var v in villageSeeds)
        {
            var p = Coord(projection, v.Location);
            var pt = towns.First(t => t is not null)!.Factory.CreatePoint(p);
            int owner = Array.FindIndex(towns, t => t is not null && t.Covers(pt));
            if (owner < 0)
            {
                // Not inside any township polygon (outside the extent): nearest township seed.
                owner = Enumerable.Range(0, townSeeds.Count).Where(i => towns[i] is not null)
                    .MinBy(i => Coord(projection, townSeeds[i].Location).Distance(p));
            }

            if (owner == town)
            {
                result.Add(v);
            }
        }

        return result;
    }

    private static AdminUnit TopUnit(Region region)
    {
        var tops = region.Units.Where(u => u.ParentCode is null).ToList();
        return tops.Count == 1 ? tops[0]
            : throw new ImportException(ImportException.Line("units.geojson", string.Empty, "parent", $"expected exactly one top-level (county) unit to model units under, found {tops.Count}"));
    }

    private static Coordinate Coord(LocalProjection projection, GeoPoint p)
    {
        var xy = projection.Project(p);
        return new Coordinate(xy.X, xy.Y);
    }

    private static Point Point(Geometry g, LocalProjection projection, GeoPoint p) => g.Factory.CreatePoint(Coord(projection, p));
}
