using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Reports.Model;

/// <summary>
/// Residents of one report group (the first: the total) by travel minutes to their nearest counted station, at the
/// base pace along the roads: bins of <see cref="BinMinutes"/> up to twice the circle's limit, then one open bin
/// beyond, and the people who reach no station at all (far from every road, or no station reachable).
/// </summary>
/// <param name="Group">The group counted (its label).</param>
/// <param name="BinMinutes">Width of each closed bin, minutes.</param>
/// <param name="Bins">The bins in order; the last is open (its <see cref="MinutesBin.ToMinutes"/> is null).</param>
/// <param name="NoStation">People who reach no counted station.</param>
public sealed record MinutesHistogram(string Group, double BinMinutes, IReadOnlyList<MinutesBin> Bins, double NoStation)
{
    /// <summary>Every person counted, in a bin or without a station.</summary>
    public double People => Bins.Sum(b => b.People) + NoStation;

    /// <summary>
    /// The histogram of one run over its region, or null when the run carries no per-point times (a report
    /// narrowed to units has none) or the region has no such group.
    /// </summary>
    /// <param name="region">The region the run covered (its demand points, in the run's point order).</param>
    /// <param name="coverage">The run.</param>
    /// <param name="group">The group to count (the report's first).</param>
    public static MinutesHistogram? Of(Region region, CoverageReport coverage, ReportGroup group)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(group);
        int g = region.Groups.IndexOf(group.Key);
        if (coverage.Points.Count != region.Demand.Length || coverage.Points.Count == 0 || g < 0)
        {
            return null;
        }

        // Five-minute bins read well for 5- to 30-minute circles; longer circles get wider bins, about twelve in all.
        double width = Math.Max(5, Math.Ceiling(coverage.Minutes / 6 / 5) * 5);
        int closed = (int)Math.Ceiling(2 * coverage.Minutes / width);
        var people = new double[closed + 1];
        double none = 0;
        for (int p = 0; p < coverage.Points.Count; p++)
        {
            double count = region.Demand[p].Counts[g];
            if (coverage.Points[p].Minutes is not { } minutes)
            {
                none += count;
                continue;
            }

            // A bin holds [from, to): a point at exactly the limit falls in the bin that starts there.
            people[Math.Min(closed, (int)Math.Floor(minutes / width))] += count;
        }

        var bins = people.Select((n, i) => new MinutesBin(i * width, i < closed ? (i + 1) * width : null, n)).ToList();
        return new MinutesHistogram(group.Label, width, bins, none);
    }
}

/// <summary>One bin of a <see cref="MinutesHistogram"/>.</summary>
/// <param name="FromMinutes">Lower bound, minutes (inclusive).</param>
/// <param name="ToMinutes">Upper bound (exclusive), or null for the open last bin.</param>
/// <param name="People">People whose nearest station is that far.</param>
public sealed record MinutesBin(double FromMinutes, double? ToMinutes, double People);
