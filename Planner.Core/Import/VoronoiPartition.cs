using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Planner.Core.Import;

/// <summary>
/// Voronoi cells (Thiessen polygons) of seed points clipped to an area, in projected metres, built with
/// NTS's <see cref="VoronoiDiagramBuilder"/>. The cells partition the area: each point of it belongs to
/// the cell of its nearest seed.
/// </summary>
internal static class VoronoiPartition
{
    /// <summary>
    /// One cell per seed, in seed order; null for a seed whose clipped cell is empty (seed outside the area
    /// and nearer seeds cover its part). Seeds must be distinct.
    /// </summary>
    public static Geometry?[] Cells(IReadOnlyList<Coordinate> seeds, Geometry area)
    {
        var result = new Geometry?[seeds.Count];
        if (seeds.Count == 0)
        {
            return result;
        }

        if (seeds.Count == 1)
        {
            result[0] = HexGrid.Polygonal(area);
            return result;
        }

        var distinct = new HashSet<(double, double)>();
        foreach (var s in seeds)
        {
            if (!distinct.Add((s.X, s.Y)))
            {
                throw new ArgumentException($"Two seeds share the position {s}.", nameof(seeds));
            }
        }

        var env = new Envelope(area.EnvelopeInternal);
        foreach (var s in seeds)
        {
            env.ExpandToInclude(s);
        }

        env.ExpandBy(Math.Max(env.Width, env.Height));
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds.ToList());
        builder.ClipEnvelope = env;
        var diagram = builder.GetDiagram(area.Factory);
        var index = new Dictionary<(double, double), int>();
        for (int i = 0; i < seeds.Count; i++)
        {
            index[(seeds[i].X, seeds[i].Y)] = i;
        }

        for (int i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            result[index[(site.X, site.Y)]] = HexGrid.Polygonal(RobustOverlay.Intersection(cell, area));
        }

        return result;
    }
}
