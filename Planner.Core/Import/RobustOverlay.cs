using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Planner.Core.Import;

/// <summary>
/// Overlays through NTS's OverlayNG with its robust fallbacks (snapping, snap-rounding). The classic overlay
/// that <c>Geometry.Intersection</c> uses by default can fail with "non-noded intersection" on clipped
/// Voronoi cells and hexagons; the importers never want that.
/// </summary>
internal static class RobustOverlay
{
    public static Geometry Intersection(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);

    public static Geometry Difference(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference);

    public static Geometry SymmetricDifference(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.SymDifference);

    public static Geometry Union(Geometry a) => OverlayNGRobust.Union(a);
}
