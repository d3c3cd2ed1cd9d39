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
    private static readonly GeometryFactory Factory = GeometryFactories.Projected;

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
        Link(members, xy, linkMeters, parent);
        var clusters = members.Select((p, m) => (Root: Find(parent, m), Point: p)).GroupBy(x => x.Root, x => x.Point);
        var gaps = new List<(double Total, CoverageGap Gap)>();
        int total = Math.Max(0, groups.IndexOf(PopulationGroups.Total));
        foreach (var cluster in clusters)
        {
            var points = cluster.ToArray();
            var sums = new double[groups.Count];
            var gapPoints = new GapPoint[points.Length];
            double wx = 0, wy = 0, w = 0;
            for (int m = 0; m < points.Length; m++)
            {
                int p = points[m];
                var counts = region.Demand[p].Counts;
                var people = new double[sums.Length];
                for (int g = 0; g < sums.Length; g++)
                {
                    people[g] = uncovered(p, g) ? counts[g] : 0;
                    sums[g] += people[g];
                }

                gapPoints[m] = new GapPoint(p, people);

                double weight = Math.Max(counts[total], 1e-9);
                wx += xy[p].X * weight;
                wy += xy[p].Y * weight;
                w += weight;
            }

            var centroid = context.Projection.Unproject(new ProjectedPoint(wx / w, wy / w));
            var hull = new ConvexHull(points.Select(p => new Coordinate(xy[p].X, xy[p].Y)).ToArray(), Factory).GetConvexHull();
            // The grown hull is convex, so simplifying it cannot break its topology: skip the validity repair.
            var outline = new DouglasPeuckerSimplifier(hull.Buffer(linkMeters / 2, 2)) { DistanceTolerance = simplifyMeters, EnsureValidTopology = false }.GetResultGeometry();
            var byGroup = groups.Names.Select((n, g) => (n, g)).ToDictionary(x => x.n, x => sums[x.g], StringComparer.Ordinal);
            var gap = new CoverageGap(string.Empty, [Math.Round(centroid.Lon, 6), Math.Round(centroid.Lat, 6)], points.Length, byGroup)
            {
                Outline = context.Projection.Unproject(outline),
                Members = gapPoints,
            };
            gaps.Add((sums[total], gap));
        }

        return [.. gaps.OrderByDescending(g => g.Total).ThenBy(g => g.Gap.Centroid[0]).ThenBy(g => g.Gap.Centroid[1])
            .Select((g, i) => g.Gap with { Id = $"gap-{i + 1}" })];
    }

    // Cells of side link/√2: points sharing a cell are always linked, so each cell is joined at once and only
    // pairs of cells up to two apart need a point-to-point check (stopping at the first linked pair).
    private static void Link(List<int> members, ProjectedPoint[] xy, double linkMeters, int[] parent)
    {
        double size = linkMeters / Math.Sqrt(2);
        var cells = new Dictionary<(long, long), List<int>>();
        for (int m = 0; m < members.Count; m++)
        {
            var key = Cell(xy[members[m]], size);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(m);
            Union(parent, list[0], m);
        }

        foreach (var ((cx, cy), list) in cells)
        {
            for (long dx = -2; dx <= 2; dx++)
            {
                for (long dy = -2; dy <= 2; dy++)
                {
                    if ((dx < 0 || (dx == 0 && dy <= 0)) || !cells.TryGetValue((cx + dx, cy + dy), out var other)
                        || Find(parent, list[0]) == Find(parent, other[0]))
                    {
                        continue;
                    }

                    if (AnyWithin(list, other, members, xy, linkMeters))
                    {
                        Union(parent, list[0], other[0]);
                    }
                }
            }
        }
    }

    private static bool AnyWithin(List<int> a, List<int> b, List<int> members, ProjectedPoint[] xy, double link)
    {
        foreach (int i in a)
        {
            foreach (int j in b)
            {
                if (xy[members[i]].DistanceMeters(xy[members[j]]) <= link)
                {
                    return true;
                }
            }
        }

        return false;
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
