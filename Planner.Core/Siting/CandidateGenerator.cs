using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Siting;

/// <summary>
/// Candidate station sites for a region without <c>candidates.geojson</c>: the representative (interior)
/// point of every village/community unit (of every township when the region has no villages), on a square
/// grid of the given spacing (in the region's UTM metres) the road intersection (a graph vertex where at
/// least three road edges meet) nearest each cell's centre, and every existing public building of the region
/// (<see cref="Region.PublicBuildings"/>, e.g. from public_buildings.geojson) at its location. Every candidate
/// costs 1. Ids are deterministic: <c>unit:CODE</c>, <c>x:COLUMN:ROW</c> (grid cell of the intersection) and
/// <c>pb:BUILDING-ID</c>; names are <c>NAME 中心</c>, <c>路口 COLUMN,ROW</c> and <c>NAME（KIND）</c>; the list
/// is ordered by id. The travel-time source snaps each candidate to the network like a station.
/// </summary>
public static class CandidateGenerator
{
    /// <summary>Generates the candidates.</summary>
    /// <param name="region">The region (its units give the unit centres, its public buildings their own candidates).</param>
    /// <param name="graph">The road graph whose intersections are sampled; null when the region has no roads.</param>
    /// <param name="spacingMeters">Grid spacing for intersections, metres (&gt; 0).</param>
    public static ImmutableArray<Candidate> Generate(Region region, RoadGraph? graph, double spacingMeters)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!(spacingMeters > 0) || double.IsInfinity(spacingMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(spacingMeters), spacingMeters, "The spacing must be a positive number of metres.");
        }

        var result = new List<Candidate>();
        var level = region.Units.Any(u => u.Level == AdminLevel.Village) ? AdminLevel.Village : AdminLevel.Township;
        foreach (var unit in region.Units.Where(u => u.Level == level))
        {
            if (unit.Boundary.IsEmpty)
            {
                continue;
            }

            var p = unit.Boundary.InteriorPoint;
            result.Add(new Candidate($"unit:{unit.Code}", $"{unit.Name} 中心", new GeoPoint(p.X, p.Y), 1));
        }

        foreach (var building in region.PublicBuildings)
        {
            result.Add(new Candidate($"pb:{building.Id}", $"{building.Name}（{building.Kind}）", building.Location, 1));
        }

        if (graph is not null)
        {
            var t = graph.Edges;
            var degree = new int[graph.VertexCount];
            var xy = new ProjectedPoint[graph.VertexCount];
            for (int e = 0; e < t.Count; e++)
            {
                if (t.From[e] == t.To[e])
                {
                    continue;
                }

                degree[t.From[e]]++;
                degree[t.To[e]]++;
                xy[t.From[e]] = t.PointAlong(e, 0);
                xy[t.To[e]] = t.PointAlong(e, t.LengthMeters[e]);
            }

            var best = new Dictionary<(long Col, long Row), (int Vertex, double Distance)>();
            for (int v = 0; v < degree.Length; v++)
            {
                if (degree[v] < 3)
                {
                    continue;
                }

                var cell = ((long)Math.Floor(xy[v].X / spacingMeters), (long)Math.Floor(xy[v].Y / spacingMeters));
                double cx = (cell.Item1 + 0.5) * spacingMeters, cy = (cell.Item2 + 0.5) * spacingMeters;
                double d = Math.Sqrt(((xy[v].X - cx) * (xy[v].X - cx)) + ((xy[v].Y - cy) * (xy[v].Y - cy)));
                if (!best.TryGetValue(cell, out var current) || d < current.Distance)
                {
                    best[cell] = (v, d);
                }
            }

            foreach (var ((col, row), (v, _)) in best)
            {
                result.Add(new Candidate($"x:{col}:{row}", $"路口 {col},{row}", graph.Projection.Unproject(xy[v]), 1));
            }
        }

        return [.. result.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }
}
