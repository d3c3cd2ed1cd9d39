namespace Planner.Core.Coverage;

/// <summary>
/// Coverage for several life circles (tiers) in one run: the region is prepared once per travel mode (graph,
/// snapping, units) and every tier of that mode is computed over the same prepared network; reports come back in
/// the order asked.
/// </summary>
public static class CoverageTiers
{
    /// <summary>Prepares <paramref name="region"/> once per mode among <paramref name="runs"/> and computes each run.</summary>
    public static IReadOnlyList<CoverageReport> Compute(Model.Region region, IReadOnlyList<CoverageOptions> runs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(runs);
        var contexts = new Dictionary<string, CoverageContext>(StringComparer.Ordinal);
        var reports = new CoverageReport[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            var key = runs[i].Profile?.Name ?? runs[i].Mode;
            if (!contexts.TryGetValue(key, out var context))
            {
                context = CoverageContext.Prepare(region, runs[i]);
                contexts.Add(key, context);
            }

            reports[i] = new CoverageCalculator(context, runs[i]).Compute(Part(progress, i, runs.Count));
        }

        return reports;
    }

    /// <summary>
    /// Computes each run over one prepared <paramref name="context"/>; runs of another mode than the context's
    /// profile get their own preparation.
    /// </summary>
    public static IReadOnlyList<CoverageReport> Compute(CoverageContext context, IReadOnlyList<CoverageOptions> runs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runs);
        var reports = new CoverageReport[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            var own = (runs[i].Profile?.Name ?? runs[i].Mode) == context.Profile.Name ? context : CoverageContext.Prepare(context.Region, runs[i]);
            reports[i] = new CoverageCalculator(own, runs[i]).Compute(Part(progress, i, runs.Count));
        }

        return reports;
    }

    private static Progress<double>? Part(IProgress<double>? progress, int index, int count) =>
        progress is null ? null : new Progress<double>(f => progress.Report((index + f) / count));
}
