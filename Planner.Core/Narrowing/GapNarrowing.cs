using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Narrowing;

/// <summary>
/// Gaps cut down to a unit selection: each keeps only its demand points the selection holds, its people are
/// re-summed from those points in the order the gap finder summed them (so a gap wholly inside is unchanged to
/// the last bit), its centre is re-weighted by their total population in the region's local projection (as the
/// gap finder weights it), and its outline is clipped to the selection's boundary (also for a gap wholly inside: the outline is its points' hull grown by half the link distance). Gaps left without points are
/// dropped; the rest keep their ids and are ordered as the gap finder orders them (largest total first).
/// </summary>
internal static class GapNarrowing
{
    public static List<CoverageGap> Narrow(IReadOnlyList<CoverageGap> gaps, Region region, UnitSelection selection, bool[] held)
    {
        var projection = new Lazy<LocalProjection>(region.CreateProjection);
        int total = Math.Max(0, region.Groups.IndexOf(PopulationGroups.Total));
        var kept = new List<(double Total, CoverageGap Gap)>();
        foreach (var gap in gaps)
        {
            var members = gap.Members.Where(m => held[m.Point]).ToList();
            if (members.Count == 0)
            {
                // A gap from a report without members (not made by the core's gap finder) cannot be split: keep it by its centre.
                if (gap.Members.Count == 0 && selection.Covers(new GeoPoint(gap.Centroid[0], gap.Centroid[1])))
                {
                    kept.Add((Total(gap, region), gap));
                }

                continue;
            }

            // A gap wholly inside keeps its figures to the last bit; its outline (grown by half the link distance) may still cross the edge.
            var narrowed = members.Count == gap.Members.Count
                ? gap with { Outline = gap.Outline is { } o ? Clip(o, selection) : null }
                : Cut(gap, members, region, selection, projection.Value, total);
            kept.Add((Total(narrowed, region), narrowed));
        }

        return [.. kept.OrderByDescending(g => g.Total).ThenBy(g => g.Gap.Centroid[0]).ThenBy(g => g.Gap.Centroid[1]).Select(g => g.Gap)];
    }

    private static CoverageGap Cut(CoverageGap gap, List<GapPoint> members, Region region, UnitSelection selection, LocalProjection projection, int total)
    {
        var sums = new double[region.Groups.Count];
        double wx = 0, wy = 0, w = 0;
        foreach (var m in members)
        {
            for (int g = 0; g < sums.Length; g++)
            {
                sums[g] += m.People[g];
            }

            var d = region.Demand[m.Point];
            var xy = projection.Project(d.Location);
            double weight = Math.Max(d.Counts[total], 1e-9);
            wx += xy.X * weight;
            wy += xy.Y * weight;
            w += weight;
        }

        var centre = projection.Unproject(new ProjectedPoint(wx / w, wy / w));
        var groups = region.Groups.Names.Select((n, g) => (n, g)).ToDictionary(x => x.n, x => sums[x.g], StringComparer.Ordinal);
        return new CoverageGap(gap.Id, [Math.Round(centre.Lon, 6), Math.Round(centre.Lat, 6)], members.Count, groups)
        {
            Outline = gap.Outline is { } outline ? Clip(outline, selection) : null,
            Members = members,
        };
    }

    private static Geometry Clip(Geometry outline, UnitSelection selection)
    {
        var boundary = selection.Boundary;
        if (boundary.Covers(outline))
        {
            return outline;
        }

        try
        {
            return outline.Intersection(boundary);
        }
        catch (TopologyException)
        {
            // Modelled boundaries may be slightly invalid; a zero buffer repairs what the overlay refuses.
            return outline.Buffer(0).Intersection(boundary.Buffer(0));
        }
    }

    private static double Total(CoverageGap gap, Region region) =>
        gap.Groups.TryGetValue(region.Groups.Names[Math.Max(0, region.Groups.IndexOf(PopulationGroups.Total))], out var t) ? t : 0;
}
