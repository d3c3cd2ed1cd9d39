using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;

namespace Planner.Core.Import;

/// <summary>
/// Closes the member ways of a boundary relation into polygons with NTS's <see cref="Polygonizer"/>
/// (ways may be split anywhere and run in either direction). Returns null when the lines leave dangles or
/// cut edges, that is when the relation is not complete in the extract.
/// </summary>
internal static class OsmRingAssembler
{
    public static Geometry? Assemble(IReadOnlyList<LineString> outerWays, GeometryFactory factory)
    {
        if (outerWays.Count == 0)
        {
            return null;
        }

        // Node the lines first so that ways meeting only at shared nodes form a proper planar graph.
        var noded = RobustOverlay.Union(factory.BuildGeometry(outerWays));
        var polygonizer = new Polygonizer(extractOnlyPolygonal: true);
        polygonizer.Add(noded);
        if (polygonizer.GetDangles().Count > 0 || polygonizer.GetCutEdges().Count > 0 || polygonizer.GetInvalidRingLines().Count > 0)
        {
            return null;
        }

        var area = polygonizer.GetGeometry();
        return area.IsEmpty || !area.IsValid ? null : area;
    }
}
