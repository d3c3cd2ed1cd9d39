using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Api.Coverage;

/// <summary>
/// Narrows a region's coverage to one unit (<c>?unit=</c>): the unit and the units under it, the stations in
/// them, the gaps whose centre lies in the unit, the unit's own group totals and the checks about them. The
/// result keeps the report's schema.
/// </summary>
internal static class UnitScope
{
    /// <summary>The report (and checks) for <paramref name="unit"/>.</summary>
    public static (CoverageReport Report, IReadOnlyList<StandardCheck> Checks) Narrow(CoverageResult result, AdminUnit unit)
    {
        var region = result.Region.Region;
        var hierarchy = new UnitHierarchy(region.Units);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([unit.Code]);
        while (stack.Count > 0)
        {
            var code = stack.Pop();
            if (codes.Add(code))
            {
                foreach (var child in hierarchy.Children(code))
                {
                    stack.Push(child.Code);
                }
            }
        }

        var stationIds = region.Stations.Where(s => s.UnitCode is not null && codes.Contains(s.UnitCode) || Contains(unit.Boundary, s.Location))
            .Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var report = result.Report;
        var own = report.Units.First(u => u.Code == unit.Code);
        var narrowed = report with
        {
            Groups = own.Groups,
            Unreachable = Unreachable(region, report, codes, unit.Boundary),
            Units = [.. report.Units.Where(u => codes.Contains(u.Code))],
            Stations = [.. report.Stations.Where(s => stationIds.Contains(s.Id))],
            Gaps = [.. report.Gaps.Where(g => Contains(unit.Boundary, new GeoPoint(g.Centroid[0], g.Centroid[1])))],
        };
        var checks = result.Checks.Where(c => c.SubjectKind == "unit" ? codes.Contains(c.SubjectId) : stationIds.Contains(c.SubjectId)).ToList();
        return (narrowed, checks);
    }

    private static Dictionary<string, double> Unreachable(Region region, CoverageReport report, HashSet<string> codes, Geometry boundary)
    {
        var sums = new double[region.Groups.Count];
        for (int p = 0; p < region.Demand.Length && p < report.Points.Count; p++)
        {
            var d = region.Demand[p];
            if (report.Points[p].Unreachable && (d.UnitCode is not null ? codes.Contains(d.UnitCode) : Contains(boundary, d.Location)))
            {
                for (int g = 0; g < sums.Length; g++)
                {
                    sums[g] += d.Counts[g];
                }
            }
        }

        return report.Unreachable.Keys.ToDictionary(k => k, k => sums[region.Groups.IndexOf(k)], StringComparer.Ordinal);
    }

    private static bool Contains(Geometry boundary, GeoPoint p) =>
        !boundary.IsEmpty && boundary.Covers(boundary.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat)));
}
