using Planner.Core.Geo;
using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Turns population points into a region's demand: points outside the region's extent (its top-level units)
/// are dropped, each kept point is given the code of the lowest unit that covers it (grid, else village,
/// else township, else county; the lowest code wins on shared edges), and ids are kept.
/// </summary>
public static class DemandAssembler
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    /// <summary>The demand points inside the region, in input order, with their unit codes.</summary>
    public static ImmutableArray<DemandPoint> Assemble(Region region, IEnumerable<PopulationPoint> points)
    {
        var extent = PreparedGeometryFactory.Prepare(OsmRegionImporter.TopLevelExtent(region));
        var index = new STRtree<(AdminUnit Unit, IPreparedGeometry Shape)>();
        foreach (var u in region.Units)
        {
            index.Insert(u.Boundary.EnvelopeInternal, (u, PreparedGeometryFactory.Prepare(u.Boundary)));
        }

        index.Build();
        var result = ImmutableArray.CreateBuilder<DemandPoint>();
        foreach (var p in points)
        {
            var pt = Factory.CreatePoint(new Coordinate(p.Location.Lon, p.Location.Lat));
            if (!extent.Covers(pt))
            {
                continue;
            }

            result.Add(new DemandPoint(p.Id, p.Location, UnitOf(index, pt), p.Counts));
        }

        return result.ToImmutable();
    }

    private static string? UnitOf(STRtree<(AdminUnit Unit, IPreparedGeometry Shape)> index, Point pt) =>
        index.Query(pt.EnvelopeInternal).Where(c => c.Shape.Covers(pt))
            .OrderByDescending(c => c.Unit.Level).ThenBy(c => c.Unit.Code, StringComparer.Ordinal).Select(c => c.Unit.Code).FirstOrDefault();
}
