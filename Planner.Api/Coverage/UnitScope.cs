using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Api.Coverage;

/// <summary>
/// Narrows a region's coverage to some of its units: one unit (<c>?unit=</c>) or the units a township-scoped
/// key sees. The result keeps the report's schema: the units and the units under them, the stations in them,
/// the gaps whose centre lies in them, their own group totals (the root unit's figures; summed over the roots
/// when there are several), the people out of reach of every road among them, and the checks about them.
/// Stations and demand points belong by their unit code when it names a unit of the region, else by location.
/// </summary>
internal static class UnitScope
{
    /// <summary>The report (and checks) for the units in <paramref name="units"/>.</summary>
    public static (CoverageReport Report, IReadOnlyList<StandardCheck> Checks) Narrow(CoverageResult result, UnitSubtrees units)
    {
        var region = result.Region.Region;
        var stationIds = region.Stations.Where(s => units.Holds(s.UnitCode, s.Location)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var report = result.Report;
        var narrowed = report with
        {
            Groups = Groups(report, units),
            Unreachable = Unreachable(region, report, units),
            Units = [.. report.Units.Where(u => units.Contains(u.Code))],
            Stations = [.. report.Stations.Where(s => stationIds.Contains(s.Id))],
            Gaps = [.. report.Gaps.Where(g => units.Covers(new GeoPoint(g.Centroid[0], g.Centroid[1])))],
        };
        var checks = result.Checks.Where(c => c.SubjectKind == "unit" ? units.Contains(c.SubjectId) : stationIds.Contains(c.SubjectId)).ToList();
        return (narrowed, checks);
    }

    /// <summary>The root unit's own figures, or their sums over several roots (shares recomputed to 6 places, as the core rounds them).</summary>
    private static IReadOnlyDictionary<string, GroupCoverage> Groups(CoverageReport report, UnitSubtrees units)
    {
        var roots = units.Roots.Select(r => report.Units.FirstOrDefault(u => u.Code == r.Code)).OfType<UnitCoverage>().ToList();
        if (roots.Count == 1)
        {
            return roots[0].Groups;
        }

        return report.Groups.Keys.ToDictionary(g => g, g =>
        {
            double population = roots.Sum(u => u.Groups.TryGetValue(g, out var c) ? c.Population : 0);
            double covered = roots.Sum(u => u.Groups.TryGetValue(g, out var c) ? c.Covered : 0);
            return new GroupCoverage(population, covered, population > 0 ? Math.Round(covered / population, 6) : 0);
        }, StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Unreachable(Region region, CoverageReport report, UnitSubtrees units)
    {
        var sums = new double[region.Groups.Count];
        for (int p = 0; p < region.Demand.Length && p < report.Points.Count; p++)
        {
            var d = region.Demand[p];
            if (report.Points[p].Unreachable && units.Holds(d.UnitCode, d.Location))
            {
                for (int g = 0; g < sums.Length; g++)
                {
                    sums[g] += d.Counts[g];
                }
            }
        }

        return report.Unreachable.Keys.ToDictionary(k => k, k => sums[region.Groups.IndexOf(k)], StringComparer.Ordinal);
    }
}
