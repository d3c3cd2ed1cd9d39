using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Core.Narrowing;

/// <summary>
/// Narrows a region's coverage report to a <see cref="UnitSelection"/> (one unit of <c>?unit=</c>, or the units a
/// township-scoped key sees), keeping the report's schema and leaving out everything about other units. A demand
/// point or station belongs to the selection by the one rule of <see cref="UnitHierarchy.Holding"/>. The narrowed
/// report holds the selection's units; its stations; its gaps cut down to their demand points in it (people
/// re-summed, centre re-weighted, outline clipped to the selection's boundary; gaps left empty dropped, the rest
/// keep their ids and are ordered largest first); its own group totals (the root unit's figures, summed over the
/// roots when there are several, shares rounded as <see cref="CoverageCalculator"/> rounds them); the people in it
/// out of reach of every road; no road-network totals (they describe the whole region's graph); and the checks
/// about its units and stations.
/// </summary>
public static class CoverageNarrowing
{
    /// <summary>
    /// The part of <paramref name="report"/> (computed for <paramref name="region"/>) and of its
    /// <paramref name="checks"/> that lies in <paramref name="selection"/>.
    /// </summary>
    /// <remarks>The narrowed report has no <see cref="CoverageReport.Points"/>: those are indexed by the region's demand points.</remarks>
    /// <exception cref="ArgumentException">The report's points are not one per demand point of the region.</exception>
    public static NarrowedCoverage Narrow(CoverageReport report, IReadOnlyList<StandardCheck> checks, Region region, UnitSelection selection)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(selection);
        // The points say which people are unreachable; without them (a report of another region, or one without points) nothing could be narrowed exactly.
        if (report.Points.Count != region.Demand.Length)
        {
            throw new ArgumentException($"The report has {report.Points.Count} points, the region {region.Demand.Length} demand points.", nameof(report));
        }

        var held = region.Demand.Select(d => selection.Holds(d.UnitCode, d.Location)).ToArray();
        var stationIds = region.Stations.Where(s => selection.Holds(s.UnitCode, s.Location)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var narrowed = report with
        {
            Groups = Groups(report, selection),
            Unreachable = Unreachable(region, report, held),
            Units = [.. report.Units.Where(u => selection.Contains(u.Code))],
            Stations = [.. report.Stations.Where(s => stationIds.Contains(s.Id))],
            Gaps = GapNarrowing.Narrow(report.Gaps, region, selection, held),
            Network = null,
            Points = [],
        };
        var narrowedChecks = checks.Where(c => c.SubjectKind == "unit" ? selection.Contains(c.SubjectId) : stationIds.Contains(c.SubjectId)).ToList();
        return new NarrowedCoverage(narrowed, narrowedChecks);
    }

    /// <summary>The root unit's own figures, or their sums over several roots (shares rounded to 6 places, as the core rounds them).</summary>
    private static IReadOnlyDictionary<string, GroupCoverage> Groups(CoverageReport report, UnitSelection selection)
    {
        var roots = selection.Roots.Select(r => report.Units.FirstOrDefault(u => u.Code == r.Code)).OfType<UnitCoverage>().ToList();
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

    private static Dictionary<string, double> Unreachable(Region region, CoverageReport report, bool[] held)
    {
        var sums = new double[region.Groups.Count];
        for (int p = 0; p < report.Points.Count; p++)
        {
            if (held[p] && report.Points[p].Unreachable)
            {
                var counts = region.Demand[p].Counts;
                for (int g = 0; g < sums.Length; g++)
                {
                    sums[g] += counts[g];
                }
            }
        }

        return report.Unreachable.Keys.ToDictionary(k => k, k => sums[region.Groups.IndexOf(k)], StringComparer.Ordinal);
    }
}
