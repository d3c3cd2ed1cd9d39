using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Coverage that follows single-station moves without a full recompute. It keeps every counted station's
/// catchment (points and seconds within the largest group limit), the stations reaching each point, each
/// point's best time, and the covered people per group for the region and every unit. Moving a station runs
/// one bounded search from its new place and patches only the points of its old and new catchments.
/// The figures equal those of <see cref="CoverageCalculator"/> for the same stations (region and unit
/// coverage per group, station catchments per group, nearest-station time within the limit).
/// </summary>
public sealed class IncrementalCoverage
{
    private readonly CoverageContext _context;
    private readonly Station[] _stations;
    private readonly Dictionary<string, int> _stationIndex;
    private readonly NetworkLocation[] _locations;
    private readonly ProjectedPoint[] _xy;
    private readonly ICatchmentWorker _worker;
    private readonly double[] _groupLimits;
    private readonly double _searchLimit;
    private readonly int[][] _catchPoints;
    private readonly double[][] _catchSeconds;
    private readonly double[][] _people;
    private readonly int[][] _reachers;
    private readonly double[] _best;
    private readonly double[] _regionCovered;
    private readonly double[][] _unitCovered;
    private readonly double[] _regionPeople;
    private readonly double[][] _unitPeople;
    private readonly List<ReachedPoint> _list = [];

    /// <summary>Computes every counted station's catchment once (in parallel) and the coverage sums.</summary>
    /// <exception cref="ArgumentException">The options have problems.</exception>
    public IncrementalCoverage(CoverageContext context, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _context = context;
        var region = context.Region;
        _stations = [.. StationCounting.Counted(region, options.IncludePlanned)];
        _stationIndex = _stations.Select((s, j) => (s.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        var profile = context.Profile;
        double baseSpeed = options.SpeedKmh ?? profile.SpeedKmh;
        double baseLimit = options.Minutes * 60 * baseSpeed / profile.SpeedKmh;
        _groupLimits = [.. region.Groups.Names.Select(g => options.Minutes * 60 * (profile.GroupSpeedsKmh.TryGetValue(g, out var v) ? v : baseSpeed) / profile.SpeedKmh)];
        _searchLimit = Math.Max(baseLimit, _groupLimits.DefaultIfEmpty(0).Max());

        _xy = [.. _stations.Select(s => context.Projection.Project(s.Location))];
        _locations = context.Snapper is null ? [] : [.. _xy.Select(p => context.Snapper.Snap(p))];
        var noCircles = options with { BuildCircles = false };
        ITravelTimes times = context.Snapper is null
            ? new StraightLineTravelTimes(context, _xy, noCircles)
            : new NetworkTravelTimes(context, _locations, noCircles);
        _worker = times.CreateWorker();

        int n = region.Demand.Length, groups = _groupLimits.Length;
        _catchPoints = new int[_stations.Length][];
        _catchSeconds = new double[_stations.Length][];
        _people = new double[_stations.Length][];
        Parallel.For(0, _stations.Length, CoverageContext.Parallelism(options),
            () => (Worker: times.CreateWorker(), List: new List<ReachedPoint>()),
            (j, _, local) =>
            {
                local.Worker.Catchment(j, _searchLimit, local.List);
                Store(j, local.List);
                return local;
            },
            _ => { });

        var reach = new int[n];
        foreach (var points in _catchPoints)
        {
            foreach (int p in points)
            {
                reach[p]++;
            }
        }

        _reachers = new int[n][];
        for (int p = 0; p < n; p++)
        {
            _reachers[p] = reach[p] == 0 ? [] : new int[reach[p]];
            reach[p] = 0;
        }

        for (int j = 0; j < _stations.Length; j++)
        {
            foreach (int p in _catchPoints[j])
            {
                _reachers[p][reach[p]++] = j;
            }
        }

        _best = new double[n];
        for (int p = 0; p < n; p++)
        {
            _best[p] = BestOf(p);
        }

        _regionPeople = new double[groups];
        _regionCovered = new double[groups];
        _unitPeople = [.. region.Units.Select(_ => new double[groups])];
        _unitCovered = [.. region.Units.Select(_ => new double[groups])];
        for (int p = 0; p < n; p++)
        {
            var counts = region.Demand[p].Counts;
            for (int g = 0; g < groups; g++)
            {
                _regionPeople[g] += counts[g];
                _regionCovered[g] += _best[p] <= _groupLimits[g] ? counts[g] : 0;
            }

            foreach (int u in Chain(p))
            {
                for (int g = 0; g < groups; g++)
                {
                    _unitPeople[u][g] += counts[g];
                    _unitCovered[u][g] += _best[p] <= _groupLimits[g] ? counts[g] : 0;
                }
            }
        }
    }

    /// <summary>Ids of the counted stations, in the order of <see cref="CoverageReport.Stations"/>.</summary>
    public IReadOnlyList<string> StationIds => [.. _stations.Select(s => s.Id)];

    /// <summary>How many demand points the last <see cref="MoveStation"/> re-examined (its old and new catchments).</summary>
    public int LastTouchedPoints { get; private set; }

    /// <summary>
    /// Moves a counted station to <paramref name="location"/> (WGS84) and patches the coverage: one bounded
    /// search from the new place, then only the points of the old and new catchments are re-examined.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No counted station has that id.</exception>
    public void MoveStation(string stationId, GeoPoint location)
    {
        if (!_stationIndex.TryGetValue(stationId, out int j))
        {
            throw new KeyNotFoundException($"station '{stationId}' is not a counted station");
        }

        var oldPoints = _catchPoints[j];
        _stations[j] = _stations[j] with { Location = location };
        _xy[j] = _context.Projection.Project(location);
        if (_context.Snapper is not null)
        {
            _locations[j] = _context.Snapper.Snap(_xy[j]);
        }

        _worker.Catchment(j, _searchLimit, _list);
        Store(j, _list);
        var newPoints = _catchPoints[j];

        // Re-list station j among the reachers of its old and new points.
        foreach (int p in oldPoints)
        {
            if (Array.BinarySearch(newPoints, p) < 0)
            {
                _reachers[p] = [.. _reachers[p].Where(s => s != j)];
            }
        }

        foreach (int p in newPoints)
        {
            if (Array.BinarySearch(oldPoints, p) < 0)
            {
                _reachers[p] = [.. _reachers[p], j];
            }
        }

        int touched = 0;
        foreach (int p in oldPoints)
        {
            Refresh(p);
            touched++;
        }

        foreach (int p in newPoints)
        {
            if (Array.BinarySearch(oldPoints, p) < 0)
            {
                Refresh(p);
                touched++;
            }
        }

        LastTouchedPoints = touched;
    }

    /// <summary>Population, covered population and share per group for the whole region (as in <see cref="CoverageReport.Groups"/>).</summary>
    public IReadOnlyDictionary<string, GroupCoverage> RegionGroups() => ToGroups(_regionPeople, _regionCovered);

    /// <summary>Coverage per group of every unit, in the order of <see cref="Region.Units"/> (as in <see cref="UnitCoverage.Groups"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, GroupCoverage>> UnitGroups() =>
        [.. _unitPeople.Select((people, u) => ToGroups(people, _unitCovered[u]))];

    /// <summary>People per group within each group's limit of one counted station (as in <see cref="StationCoverage.Catchment"/>).</summary>
    public IReadOnlyDictionary<string, double> Catchment(string stationId) =>
        _context.Region.Groups.Names.Select((name, g) => (name, g))
            .ToDictionary(x => x.name, x => _people[_stationIndex[stationId]][x.g], StringComparer.Ordinal);

    /// <summary>Seconds (profile speeds) from a demand point to its nearest counted station, or +∞ when none is within the search limit.</summary>
    public double BestSeconds(int point) => _best[point];

    private void Store(int j, List<ReachedPoint> list)
    {
        var sorted = list.ToArray();
        Array.Sort(sorted, (a, b) => a.Point.CompareTo(b.Point));
        _catchPoints[j] = [.. sorted.Select(x => x.Point)];
        _catchSeconds[j] = [.. sorted.Select(x => x.Seconds)];
        var people = new double[_groupLimits.Length];
        foreach (var (p, s, _) in sorted)
        {
            var counts = _context.Region.Demand[p].Counts;
            for (int g = 0; g < people.Length; g++)
            {
                people[g] += s <= _groupLimits[g] ? counts[g] : 0;
            }
        }

        _people[j] = people;
    }

    private double BestOf(int p)
    {
        double best = double.PositiveInfinity;
        foreach (int s in _reachers[p])
        {
            int k = Array.BinarySearch(_catchPoints[s], p);
            best = Math.Min(best, _catchSeconds[s][k]);
        }

        return best;
    }

    private void Refresh(int p)
    {
        double before = _best[p], after = BestOf(p);
        if (before.Equals(after))
        {
            return;
        }

        _best[p] = after;
        var counts = _context.Region.Demand[p].Counts;
        for (int g = 0; g < _groupLimits.Length; g++)
        {
            bool was = before <= _groupLimits[g], now = after <= _groupLimits[g];
            if (was == now)
            {
                continue;
            }

            double delta = now ? counts[g] : -counts[g];
            _regionCovered[g] += delta;
            foreach (int u in Chain(p))
            {
                _unitCovered[u][g] += delta;
            }
        }
    }

    private int[] Chain(int p)
    {
        int leaf = _context.Units.LeafOfPoint[p];
        return leaf < 0 ? [] : _context.Units.Chain[leaf];
    }

    private Dictionary<string, GroupCoverage> ToGroups(double[] people, double[] covered) =>
        _context.Region.Groups.Names.Select((n, g) => (n, g)).ToDictionary(
            x => x.n,
            x => new GroupCoverage(people[x.g], covered[x.g], people[x.g] > 0 ? Math.Round(covered[x.g] / people[x.g], 6) : 0),
            StringComparer.Ordinal);
}
