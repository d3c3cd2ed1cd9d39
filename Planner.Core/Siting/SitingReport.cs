using System.Collections.Immutable;

namespace Planner.Core.Siting;

/// <summary>Explains an open set: coverage per group before and after, and each new site's marginal gain per group.</summary>
internal static class SitingReport
{
    /// <summary>Coverage per group with the given sites open.</summary>
    public static ImmutableArray<GroupCoverage> Coverage(CoverageMatrix matrix, bool[] open)
    {
        var count = CoverCounts(matrix, open);
        var groups = matrix.Groups.Names;
        var covered = new double[groups.Length];
        var population = new double[groups.Length];
        for (int i = 0; i < count.Length; i++)
        {
            for (int g = 0; g < groups.Length; g++)
            {
                population[g] += matrix.Demand[i].Counts[g];
                covered[g] += count[i] > 0 ? matrix.Demand[i].Counts[g] : 0;
            }
        }

        return [.. groups.Select((name, g) => new GroupCoverage(name, covered[g], population[g]))];
    }

    /// <summary>Number of open sites covering each demand item.</summary>
    public static int[] CoverCounts(CoverageMatrix matrix, bool[] open)
    {
        var count = new int[matrix.Demand.Length];
        for (int j = 0; j < open.Length; j++)
        {
            if (open[j])
            {
                foreach (int i in matrix.CoveredBy(j))
                {
                    count[i]++;
                }
            }
        }

        return count;
    }

    /// <summary>The new (non-existing) open sites with their gains, in site id ordinal order.</summary>
    public static ImmutableArray<ChosenSite> Chosen(CoverageMatrix matrix, bool[] open)
    {
        var count = CoverCounts(matrix, open);
        var chosen = new List<ChosenSite>();
        for (int j = 0; j < open.Length; j++)
        {
            var site = matrix.Sites[j];
            if (!open[j] || site.Role == SiteRole.Existing)
            {
                continue;
            }

            var gain = new double[matrix.Groups.Count];
            var units = new SortedSet<string>(StringComparer.Ordinal);
            foreach (int i in matrix.CoveredBy(j))
            {
                if (count[i] != 1)
                {
                    continue;
                }

                var d = matrix.Demand[i];
                for (int g = 0; g < gain.Length; g++)
                {
                    gain[g] += d.Counts[g];
                }

                if (d.UnitCode is { } unit)
                {
                    units.Add(unit);
                }
            }

            chosen.Add(new ChosenSite(site.Id, j, site.Location, [.. gain], [.. units], site.Role == SiteRole.Forced));
        }

        return [.. chosen.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }
}
