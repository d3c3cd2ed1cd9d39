namespace Planner.Core.Coverage;

/// <summary>
/// Coverage for several life circles (tiers) in one run: the region is prepared once per travel mode (graph,
/// snapping, units) and every tier of that mode is computed over the same prepared network, sharing its searches
/// (<see cref="TierSearches"/>: one per station to the farthest tier's limit, one nearest-station search per set of
/// counted stations) unless it builds circles; reports come back in the order asked, each equal to its own run.
/// </summary>
public static class CoverageTiers
{
    /// <summary>Prepares <paramref name="region"/> once per mode among <paramref name="runs"/> and computes each run.</summary>
    public static IReadOnlyList<CoverageReport> Compute(Model.Region region, IReadOnlyList<CoverageOptions> runs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(runs);
        var contexts = new Dictionary<string, CoverageContext>(StringComparer.Ordinal);
        var own = new CoverageContext[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            var key = Key(runs[i]);
            if (!contexts.TryGetValue(key, out var context))
            {
                context = CoverageContext.Prepare(region, runs[i]);
                contexts.Add(key, context);
            }

            own[i] = context;
        }

        return Run(own, runs, progress);
    }

    /// <summary>
    /// Computes each run over one prepared <paramref name="context"/>; runs of another mode than the context's
    /// profile get their own preparation.
    /// </summary>
    public static IReadOnlyList<CoverageReport> Compute(CoverageContext context, IReadOnlyList<CoverageOptions> runs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(runs);
        var own = new CoverageContext[runs.Count];
        var others = new Dictionary<string, CoverageContext>(StringComparer.Ordinal);
        for (int i = 0; i < runs.Count; i++)
        {
            var key = Key(runs[i]);
            own[i] = key == context.Profile.Name ? context
                : others.TryGetValue(key, out var other) ? other
                : others[key] = CoverageContext.Prepare(context.Region, runs[i]);
        }

        return Run(own, runs, progress);
    }

    /// <summary>Each run over its context; runs of one network context that build no circles share their searches.</summary>
    private static CoverageReport[] Run(CoverageContext[] contexts, IReadOnlyList<CoverageOptions> runs, IProgress<double>? progress)
    {
        var calculators = runs.Select((r, i) => new CoverageCalculator(contexts[i], r)).ToArray();
        var shared = new Dictionary<CoverageContext, TierSearches>();
        foreach (var group in Enumerable.Range(0, runs.Count).Where(i => Shares(contexts[i], runs[i])).GroupBy(i => contexts[i]))
        {
            if (group.Count() > 1)
            {
                shared.Add(group.Key, TierSearches.Run(group.Key, [.. group.Select(i => calculators[i])]));
            }
        }

        var reports = new CoverageReport[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            reports[i] = calculators[i].Compute(Part(progress, i, runs.Count), shared.GetValueOrDefault(contexts[i]) is { } s && Shares(contexts[i], runs[i]) ? s : null);
        }

        return reports;
    }

    /// <summary>Runs along the roads that draw no circles can read shared searches (circles need the search itself).</summary>
    private static bool Shares(CoverageContext context, CoverageOptions run) => context.Graph is not null && !run.BuildCircles;

    private static string Key(CoverageOptions run) => run.Profile?.Name ?? run.Mode;

    private static Progress<double>? Part(IProgress<double>? progress, int index, int count) =>
        progress is null ? null : new Progress<double>(f => progress.Report((index + f) / count));
}
