using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;
using Planner.Core.Geo;

namespace Planner.Core.Import;

/// <summary>
/// Brings a unit polygon computed in projected metres back to WGS84, snapped to the 1e-7 degree grid the
/// region files are written on, so that what is written is exactly what was checked valid.
/// </summary>
internal static class UnitGeometry
{
    private static readonly PrecisionModel FileGrid = new(1e7);

    public static Geometry? ToWgs84(Geometry projected, LocalProjection projection)
    {
        var wgs = projection.Unproject(projected);
        var snapped = GeometryPrecisionReducer.Reduce(wgs, FileGrid);
        var polygonal = HexGrid.Polygonal(snapped);
        if (polygonal is null)
        {
            return null;
        }

        var result = GeometryFactories.Wgs84.CreateGeometry(polygonal);
        return result.IsValid && !result.IsEmpty ? result : null;
    }
}
