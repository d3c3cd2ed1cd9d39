using System.Collections.Immutable;
using System.Globalization;

namespace Planner.Core.Import;

/// <summary>
/// Several population rasters summed into one group (WorldPop's age and sex bands, e.g. the 60-plus bands of both
/// sexes into <c>elderly</c>): every raster is read by <see cref="GeoTiffPopulationReader"/>, and the counts of cells
/// whose centres coincide (rasters on one grid, as WorldPop's bands are) are added; a cell centre only one raster
/// has keeps that raster's count, so rasters on different grids add up to the same total as points of their own.
/// </summary>
public static class PopulationRasterSum
{
    /// <summary>
    /// The summed cell centres, in the order first seen (the first raster's row by row, then the others' new centres);
    /// ids are the first raster's (<c>r{row}c{col}</c>), prefixed with the raster's position (<c>2:r0c0</c>) where
    /// another raster's centre would reuse an id.
    /// </summary>
    /// <exception cref="ImportException">A file is not a readable single-band Float32 GeoTIFF in degrees.</exception>
    public static List<PopulationPoint> Read(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 1)
        {
            return GeoTiffPopulationReader.Read(paths[0]);
        }

        var order = new List<(string Id, Geo.GeoPoint Location)>();
        var sums = new Dictionary<Geo.GeoPoint, double>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < paths.Count; k++)
        {
            foreach (var p in GeoTiffPopulationReader.Read(paths[k]))
            {
                if (sums.TryGetValue(p.Location, out var sum))
                {
                    sums[p.Location] = sum + p.Counts[0];
                    continue;
                }

                var id = ids.Add(p.Id) ? p.Id : string.Create(CultureInfo.InvariantCulture, $"{k + 1}:{p.Id}");
                ids.Add(id);
                order.Add((id, p.Location));
                sums[p.Location] = p.Counts[0];
            }
        }

        return [.. order.Select(o => new PopulationPoint(o.Id, o.Location, ImmutableArray.Create(sums[o.Location])))];
    }
}
