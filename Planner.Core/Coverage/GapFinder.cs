using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Coverage;

/// <summary>
/// Gaps: connected components of uncovered demand points, two points being linked when they lie within the link
/// distance (single-linkage clustering over a grid of link-sized cells). Each gap reports its uncovered people
/// per group, a population-weighted centroid and an outline (the convex hull of its points grown by half the
/// link distance), in WGS84.
/// </summary>
internal static class GapFinder
{
    private static readonly GeometryFactory Factory = new();

    /// <param name="context">Projected demand.</param>
    /// <param name="uncovered">Per point and group: true when that group's people there are uncovered.</param>
    /// <param name="linkMeters">Link distance in metres.</param>
    /// <param name="simplifyMeters">Outline simplification tolerance in metres.</param>
    public static List<CoverageGap> Find(CoverageContext context, Func<int, int, bool> uncovered, double linkMeters, double simplifyMeters)
    {
        var region = context.Region;
        var groups = region.Groups;
        var xy = context.DemandXy;
        var members = new List<int>();
        for (int p = 0; p < xy.Length; p++)
        {
            var counts = region.Demand[p].Counts;
            for (int g = 0; g < groups.Count; g++)
            {
                if (counts[g] > 0 && uncovered(p, g))
                {
                    members.Add(p);
                    break;
                }
            }
        }

        var parent = Enumerable.Range(0, members.Count).ToArray();
        var cells = new Dictionary<(long, long), List<int>>();
        for (int m = 0; m < members.Count; m++)
        {
            var key = Cell(xy[members[m]], linkMeters);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(m);
        }

        for (int m = 0; m < members.Count; m++)
        {
            var (cx, cy) = Cell(xy[members[m]], linkMeters);
            for (long dx = -1; dx <= 1; dx++)
            {
                for (long dy = -1; dy <= 1; dy++)
                {
                    if (!cells.TryGetValue((cx + dx, cy + dy), out var list))
                    {
                        continue;
                    }

                    foreach (int n in list)
                    {
                        if (n > m && xy[members[m]].DistanceMeters(xy[members[n]]) <= linkMeters)
                        {
                            Union(parent, m, n);
                        }
                    }
                }
            }
        }

        var clusters = members.Select((p, m) => (Root: Find(parent, m), Point: p)).GroupBy(x => x.Root, x => x.Point);
        var gaps = new List<(double Total, CoverageGap Gap)>();
        int total = Math.Max(0, groups.IndexOf(PopulationGroups.Total));
        foreach (var cluster in clusters)
        {
            var points = cluster.ToArray();
            var sums = new double[groups.Count];
            double wx = 0, wy = 0, w = 0;
            foreach (int p in points)
            {
                var counts = region.Demand[p].Counts;
                for (int g = 0; g < sums.Length; g++)
                {
                    sums[g] += uncovered(p, g) ? counts[g] : 0;
                }

                double weight = Math.Max(counts[total], 1e-9);
                wx += xy[p].X * weight;
                wy += xy[p].Y * weight;
                w += weight;
            }

            var centroid = context.Projection.Unproject(new ProjectedPoint(wx / w, wy / w));
            var hull = new ConvexHull(points.Select(p => new Coordinate(xy[p].X, xy[p].Y)).ToArray(), Factory).GetConvexHull();
            var outline = DouglasPeuckerSimplifier.Simplify(hull.Buffer(linkMeters / 2, 4), simplifyMeters);
            var byGroup = groups.Names.Select((n, g) => (n, g)).ToDictionary(x => x.n, x => sums[x.g], StringComparer.Ordinal);
            var gap = new CoverageGap(string.Empty, [Math.Round(centroid.Lon, 6), Math.Round(centroid.Lat, 6)], points.Length, byGroup)
            {
                Outline = context.Projection.Unproject(outline),
            };
            gaps.Add((sums[total], gap));
        }

        return [.. gaps.OrderByDescending(g => g.Total).ThenBy(g => g.Gap.Centroid[0]).ThenBy(g => g.Gap.Centroid[1])
            .Select((g, i) => g.Gap with { Id = $"gap-{i + 1}" })];
    }

    private static (long, long) Cell(ProjectedPoint p, double size) => ((long)Math.Floor(p.X / size), (long)Math.Floor(p.Y / size));

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }

    private static void Union(int[] parent, int a, int b)
    {
        a = Find(parent, a);
        b = Find(parent, b);
        if (a != b)
        {
            parent[Math.Max(a, b)] = Math.Min(a, b);
        }
    }
}
