using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// The searches several tiers (life circles) over one prepared network share: one bounded search per station, to
/// the farthest limit of the tiers that count it, and one nearest-station search per distinct set of counted
/// stations. A tier reads a station's points within its own limit from the shared list, which are the points and
/// times a search to that limit finds (a bounded search settles vertices in time order; a farther limit only adds
/// later ones). Circles need the search itself, so tiers that build them search on their own.
/// </summary>
internal sealed class TierSearches
{
    private readonly IReadOnlyList<ReachedPoint>?[] _reached;
    private readonly Dictionary<string, (double[] Seconds, int[] Station)> _nearest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private TierSearches(IReadOnlyList<ReachedPoint>?[] reached) => _reached = reached;

    /// <summary>
    /// Runs one search per station counted by any of <paramref name="tiers"/> (all over <paramref name="context"/>),
    /// to the largest <see cref="CoverageCalculator.SearchLimitSeconds"/> among the tiers that count it.
    /// </summary>
    public static TierSearches Run(CoverageContext context, IReadOnlyList<CoverageCalculator> tiers)
    {
        var stations = context.Region.Stations;
        var limit = new double[stations.Length];
        Array.Fill(limit, double.NaN);
        foreach (var tier in tiers)
        {
            foreach (int i in tier.StationIndexes)
            {
                limit[i] = double.IsNaN(limit[i]) ? tier.SearchLimitSeconds : Math.Max(limit[i], tier.SearchLimitSeconds);
            }
        }

        int[] union = [.. Enumerable.Range(0, stations.Length).Where(i => !double.IsNaN(limit[i]))];
        var times = CoverageCalculator.CreateTravelTimes(context, [.. union.Select(i => stations[i])], tiers[0].Options);
        var reached = new IReadOnlyList<ReachedPoint>?[stations.Length];
        Parallel.For(0, union.Length, CoverageContext.Parallelism(tiers[0].Options),
            () => (Worker: times.CreateWorker(), List: new List<ReachedPoint>()),
            (k, _, local) =>
            {
                local.Worker.Catchment(k, limit[union[k]], local.List);
                reached[union[k]] = [.. local.List];
                return local;
            },
            _ => { });
        return new TierSearches(reached);
    }

    /// <summary>What the shared search from region station <paramref name="station"/> reached, or null when none ran.</summary>
    public IReadOnlyList<ReachedPoint>? Reached(int station) => _reached[station];

    /// <summary>
    /// The nearest-station search for the counted stations <paramref name="stations"/> (region indexes, in order),
    /// run once per distinct set; <paramref name="times"/> are the travel times from that set to the
    /// <paramref name="points"/> demand points. The arrays are shared: read them only.
    /// </summary>
    public (double[] Seconds, int[] Station) Nearest(IReadOnlyList<int> stations, ITravelTimes times, int points)
    {
        var key = string.Join(',', stations);
        lock (_gate)
        {
            if (!_nearest.TryGetValue(key, out var found))
            {
                found = NearestOf(times, points);
                _nearest.Add(key, found);
            }

            return found;
        }
    }

    /// <summary>One nearest-station search over <paramref name="points"/> demand points.</summary>
    public static (double[] Seconds, int[] Station) NearestOf(ITravelTimes times, int points)
    {
        var seconds = new double[points];
        var station = new int[points];
        times.Nearest(seconds, station);
        return (seconds, station);
    }
}
