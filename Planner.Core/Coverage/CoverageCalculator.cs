using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Computes a <see cref="CoverageReport"/>: one multi-source network search gives every demand point its
/// nearest counted station and time; one bounded search per station (in parallel, one buffer set per thread)
/// gives catchments, shared points, service circles and the two-step floating catchment accessibility
/// (Luo &amp; Wang 2003). A group with its own pace in the profile is covered at that pace. Regions without
/// roads use the straight-line method (distance × circuity factor) and say so.
/// </summary>
public sealed class CoverageCalculator
{
    private readonly CoverageContext _context;
    private readonly CoverageOptions _options;
    private readonly Station[] _stations;
    private readonly int[] _stationIndexes;
    private readonly double _profileToBase;
    private readonly double[] _groupLimitSeconds;
    private readonly double _baseLimitSeconds;
    private readonly double _circleLimitSeconds;

    /// <summary>Checks the options and selects the counted stations (operating, also planned and built when asked; of the options' levels).</summary>
    /// <exception cref="ArgumentException">The options have problems (see <see cref="CoverageOptions.Problems"/>).</exception>
    public CoverageCalculator(CoverageContext context, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _context = context;
        _options = options;
        var all = context.Region.Stations;
        _stationIndexes = [.. Enumerable.Range(0, all.Length).Where(i => options.Counts(all[i]))];
        _stations = [.. _stationIndexes.Select(i => all[i])];
        var profile = context.Profile;
        var paces = TravelPaces.For(profile, options, context.Region.Groups);
        BaseSpeedKmh = paces.BaseSpeedKmh;
        _profileToBase = paces.ProfileToBase;
        _baseLimitSeconds = options.Minutes * 60 * _profileToBase;
        _groupLimitSeconds = [.. context.Region.Groups.Names.Select(g => options.Minutes * 60 * GroupSpeedKmh(g) / profile.SpeedKmh)];

        // The circle polygon is drawn by time; a cap shortens it to the cap's time at the profile's speed (exact
        // for a profile with one speed everywhere, as walking is).
        _circleLimitSeconds = options.CapMeters is { } cap ? Math.Min(_baseLimitSeconds, cap * 3.6 / profile.SpeedKmh) : _baseLimitSeconds;

        // Each station's search reaches every group's limit; under a cap no point past the cap's time at the slowest
        // road's pace can count, so the search stops there (never short of the circle's limit).
        double byTime = Math.Max(_baseLimitSeconds, _groupLimitSeconds.DefaultIfEmpty(0).Max());
        SearchLimitSeconds = options.CapMeters is { } c ? Math.Min(byTime, Math.Max(c * context.SlowestSecondsPerMeter, _circleLimitSeconds)) : byTime;
    }

    /// <summary>How far (seconds at the profile's speeds) each station's bounded search goes.</summary>
    internal double SearchLimitSeconds { get; }

    /// <summary>The counted stations as indexes into the region's stations, in the region's order.</summary>
    internal IReadOnlyList<int> StationIndexes => _stationIndexes;

    /// <summary>The options of this run.</summary>
    internal CoverageOptions Options => _options;

    /// <summary>The base speed in km/h.</summary>
    public double BaseSpeedKmh { get; }

    /// <summary>Prepares <paramref name="region"/> and computes its coverage.</summary>
    public static CoverageReport Compute(Region region, CoverageOptions? options = null, IProgress<double>? progress = null)
    {
        options ??= new CoverageOptions();
        return new CoverageCalculator(CoverageContext.Prepare(region, options), options).Compute(progress);
    }

    /// <summary>The pace of a group in km/h: its own in the profile, else the base speed.</summary>
    public double GroupSpeedKmh(string group) =>
        _context.Profile.GroupSpeedsKmh.TryGetValue(group, out var v) ? v : BaseSpeedKmh;

    /// <summary>Computes the report; <paramref name="progress"/> receives the fraction of stations done.</summary>
    public CoverageReport Compute(IProgress<double>? progress = null) => Compute(progress, null);

    /// <summary>
    /// Computes the report, reading the station searches and the nearest-station search from
    /// <paramref name="shared"/> when given (tiers over one network, <see cref="TierSearches"/>): the same figures
    /// as searching here.
    /// </summary>
    internal CoverageReport Compute(IProgress<double>? progress, TierSearches? shared)
    {
        var times = CreateTravelTimes(_context, _stations, _options);
        var (nearestSeconds, nearestStation) = shared?.Nearest(_stationIndexes, times, _context.DemandXy.Length) ?? TierSearches.NearestOf(times, _context.DemandXy.Length);
        Func<int, IReadOnlyList<ReachedPoint>?>? reached = shared is null ? null : j => shared.Reached(_stationIndexes[j]);
        var catchments = StationCatchments.Compute(times, _stations.Length, _context.Region.Demand, _groupLimitSeconds, _baseLimitSeconds, _circleLimitSeconds,
            SearchLimitSeconds, _options, progress, reached);

        // Uncapped, the nearest station's time decides; capped, the best time over the stations within the cap.
        var coveringSeconds = _options.CapMeters is null ? nearestSeconds : catchments.BestSeconds;

        var region = _context.Region;
        int total = Math.Max(0, region.Groups.IndexOf(PopulationGroups.Total));
        var population = region.Demand.Select(d => d.Counts[total]).ToArray();
        var access = TwoStepFloatingCatchment.Compute(catchments.BasePoints, [.. _stations.Select(s => (double)s.SocialWorkers)], population, out var ratio);

        bool Covered(int p, int g) => coveringSeconds[p] <= _groupLimitSeconds[g];
        var aggregation = new CoverageAggregation(_context, Covered, p => !times.IsPointReachable(p), access);
        var stations = _stations.Select((s, j) => new StationCoverage(s.Id, s.Name, DomainNames.Of(s.Status), s.SocialWorkers,
            times.IsStationReachable(j), catchments.ByGroup(j, region.Groups), catchments.SharedPoints[j], catchments.AreaKm2[j], ratio[j])
        {
            Circle = catchments.Circles[j] is { } c ? _context.Projection.Unproject(c) : null,
        }).ToList();

        return aggregation.Report(_options, BaseSpeedKmh, GroupSpeedKmh, stations) with
        {
            Points = Points(nearestSeconds, nearestStation, coveringSeconds, times, access),
        };
    }

    /// <summary>Travel times from <paramref name="stations"/>: along the roads, or straight-line when the region has none.</summary>
    internal static ITravelTimes CreateTravelTimes(CoverageContext context, IReadOnlyList<Station> stations, CoverageOptions options)
    {
        var xy = stations.Select(s => context.Projection.Project(s.Location)).ToArray();
        if (context.Snapper is null)
        {
            return new StraightLineTravelTimes(context, xy, options);
        }

        var locations = xy.Select(p => context.Snapper.Snap(p)).ToArray();
        return new NetworkTravelTimes(context, locations, options);
    }

    private PointCoverage[] Points(double[] seconds, int[] station, double[] covering, ITravelTimes times, double[] access)
    {
        var demand = _context.Region.Demand;
        var result = new PointCoverage[demand.Length];
        for (int p = 0; p < result.Length; p++)
        {
            bool found = station[p] >= 0 && double.IsFinite(seconds[p]);
            double? minutes = found ? Math.Round(seconds[p] / _profileToBase / 60, 3) : null;
            result[p] = new PointCoverage(demand[p].Id, found ? _stations[station[p]].Id : null, minutes,
                covering[p] <= _baseLimitSeconds, !times.IsPointReachable(p), access[p]);
        }

        return result;
    }
}
