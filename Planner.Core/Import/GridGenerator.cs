using System.Globalization;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Generates grid units (网格) where a region has none: hexagons of edge <c>edgeMeters</c> on one lattice in
/// the region's local metric projection (see <see cref="HexGrid"/>), clipped to each parent unit (village or
/// community by default). Each grid is coded parent code + a sequence number of at least 3 digits (row by
/// row from the south-west), named "&lt;parent&gt; 网格 NNN", level grid, and marked modelled (generated).
/// Clipped pieces smaller than <c>minPieceM2</c> are dropped so that slivers along unit edges do not
/// become grids.
/// </summary>
public static class GridGenerator
{
    /// <summary>The region's units with any old grid units replaced by generated ones.</summary>
    /// <param name="region">The region.</param>
    /// <param name="edgeMeters">Hexagon edge (= circumradius) in metres, e.g. 300.</param>
    /// <param name="parentLevel">Level of the units to split (village by default).</param>
    /// <param name="minPieceM2">Smallest clipped piece kept, in m².</param>
    /// <exception cref="ImportException">The region has no units at <paramref name="parentLevel"/>.</exception>
    public static List<AdminUnit> Generate(Region region, double edgeMeters, AdminLevel parentLevel = AdminLevel.Village, double minPieceM2 = 1.0)
    {
        if (!(edgeMeters > 0) || !double.IsFinite(edgeMeters))
        {
            throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--cell-m", $"{edgeMeters} is not a positive number of metres"));
        }

        var parents = region.Units.Where(u => u.Level == parentLevel).ToList();
        if (parents.Count == 0)
        {
            throw new ImportException(ImportException.Line("units.geojson", string.Empty, "level", $"no {DomainNames.Of(parentLevel)} units to split into grids"));
        }

        var projection = region.CreateProjection();
        var units = region.Units.Where(u => u.Level != AdminLevel.Grid).ToList();
        foreach (var parent in parents)
        {
            var cells = HexGrid.Clip(projection.Project(parent.Boundary), edgeMeters, minPieceM2);
            int digits = Math.Max(3, cells.Count.ToString(CultureInfo.InvariantCulture).Length);
            int seq = 0;
            foreach (var cell in cells)
            {
                if (UnitGeometry.ToWgs84(cell, projection) is { } wgs)
                {
                    var label = (++seq).ToString(new string('0', digits), CultureInfo.InvariantCulture);
                    units.Add(new AdminUnit(parent.Code + label, $"{parent.Name} 网格 {label}", AdminLevel.Grid, parent.Code, wgs, Modelled: true));
                }
            }
        }

        return units;
    }
}
