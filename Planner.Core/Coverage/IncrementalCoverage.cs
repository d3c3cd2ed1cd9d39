using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Coverage that follows station edits (move, add, remove, or a whole new list that differs by a few stations)
/// without a full recompute. It keeps every counted station's catchment (points and seconds within the largest
/// group limit), the stations reaching each point and each point's best time. An edit runs one bounded search
/// per moved or added station and patches only the points of the old and new catchments; everything that
/// depends on all stations at once (2SFCA, shared points, unit sums, gaps) is re-derived from the kept
/// catchments by <see cref="Report"/>, with the same code and summation order as <see cref="CoverageCalculator"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: one caller at a time (the API holds a lock per instance). The figures equal those of
/// <see cref="CoverageCalculator"/> without circles for the same stations: the nearest-station time of a point
/// is the minimum over the single-station bounded searches, which is what the multi-source search computes.
/// </remarks>
public sealed class IncrementalCoverage
{
    private readonly CoverageContext _context;
    private readonly CoverageOptions _options;
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private readonly List<int> _order = [];
    private readonly Stack<int> _free = new();
    private readonly double[] _groupLimits;
    private readonly double _baseLimit;
    private readonly double _searchLimit;
    private readonly double _baseSpeedKmh;
    private readonly int[][] _reachers;
    private readonly double[] _best;
    private readonly double[] _regionCovered;
    private readonly double[][] _unitCovered;
    private readonly double[] _regionPeople;
    private readonly double[][] _unitPeople;
    private readonly List<ReachedPoint> _list = [];
    private Station[] _stations = [];
    private ProjectedPoint[] _xy = [];
    private NetworkLocation[] _locations = [];
    private int[][] _catchPoints = [];
    private double[][] _catchSeconds = [];
    private double[][] _people = [];
    private int[][] _basePoints = [];
    private ITravelTimes _times = null!;
    private ICatchmentWorker _worker = null!;

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
        _options = options with { BuildCircles = false };
        var region = context.Region;
        var profile = context.Profile;

        // The same expressions as CoverageCalculator, so the limits are the same doubles.
        _baseSpeedKmh = options.SpeedKmh ?? profile.SpeedKmh;
        _baseLimit = options.Minutes * 60 * (_baseSpeedKmh / profile.SpeedKmh);
        _groupLimits = [.. region.Groups.Names.Select(g => options.Minutes * 60 * GroupSpeedKmh(g) / profile.SpeedKmh)];
        _searchLimit = Math.Max(_baseLimit, _groupLimits.DefaultIfEmpty(0).Max());

        var counted = region.Stations.Where(Counts).ToArray();
        Grow(counted.Length);
        foreach (var station in counted)
        {
            int j = _free.Pop();
            Place(j, station);
            _slotOf.Add(station.Id, j);
            _order.Add(j);
        }

        Parallel.For(0, counted.Length, CoverageContext.Parallelism(options),
            () => (Worker: _times.CreateWorker(), List: new List<ReachedPoint>()),
            (k, _, local) =>
            {
                local.Worker.Catchment(_order[k], _searchLimit, local.List);
                Store(_order[k], local.List);
                return local;
            },
            _ => { });

        int n = region.Demand.Length, groups = _groupLimits.Length;
        _reachers = Reachers(n);
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
    public IReadOnlyList<string> StationIds => [.. _order.Select(j => _stations[j].Id)];

    /// <summary>How many demand points the last edit re-examined (its stations' old and new catchments).</summary>
    public int LastTouchedPoints { get; private set; }

    /// <summary>
    /// Moves a counted station to <paramref name="location"/> (WGS84) and patches the coverage: one bounded
    /// search from the new place, then only the points of the old and new catchments are re-examined.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No counted station has that id.</exception>
    public void MoveStation(string stationId, GeoPoint location)
    {
        if (!_slotOf.TryGetValue(stationId, out int j))
        {
            throw new KeyNotFoundException($"station '{stationId}' is not a counted station");
        }

        LastTouchedPoints = Relocate(j, _stations[j] with { Location = location });
    }

    /// <summary>
    /// Adds a station (one bounded search from it) at the end of the report's station list. A station the
    /// options do not count (planned or built, without <see cref="CoverageOptions.IncludePlanned"/>) changes
    /// nothing, as in a full run.
    /// </summary>
    /// <returns>True when the station is counted and was added.</returns>
    /// <exception cref="ArgumentException">A counted station already has that id.</exception>
    public bool AddStation(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (_slotOf.ContainsKey(station.Id))
        {
            throw new ArgumentException($"station '{station.Id}' is already counted", nameof(station));
        }

        if (!Counts(station))
        {
            LastTouchedPoints = 0;
            return false;
        }

        if (_free.Count == 0)
        {
            Grow(Math.Max(8, _stations.Length));
        }

        int j = _free.Pop();
        _catchPoints[j] = [];
        _catchSeconds[j] = [];
        _slotOf.Add(station.Id, j);
        _order.Add(j);
        LastTouchedPoints = Relocate(j, station);
        return true;
    }

    /// <summary>Removes a counted station and patches the points it reached.</summary>
    /// <returns>False when no counted station has that id.</returns>
    public bool RemoveStation(string stationId)
    {
        if (!_slotOf.Remove(stationId, out int j))
        {
            return false;
        }

        var oldPoints = _catchPoints[j];
        foreach (int p in oldPoints)
        {
            _reachers[p] = [.. _reachers[p].Where(s => s != j)];
        }

        _catchPoints[j] = [];
        _catchSeconds[j] = [];
        _basePoints[j] = [];
        _people[j] = new double[_groupLimits.Length];
        foreach (int p in oldPoints)
        {
            Refresh(p);
        }

        _order.Remove(j);
        _free.Push(j);
        LastTouchedPoints = oldPoints.Length;
        return true;
    }

    /// <summary>
    /// Makes <paramref name="stations"/> the region's whole station list: stations missing from it are removed,
    /// new ones added, moved ones moved (one bounded search each); stations whose place is unchanged only take
    /// the new name, status, staff and unit. The report lists the counted stations in this list's order.
    /// </summary>
    /// <returns>The number of bounded searches run (moved plus added counted stations).</returns>
    /// <exception cref="ArgumentException">Two stations share an id.</exception>
    public int SetStations(IReadOnlyList<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var counted = stations.Where(Counts).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in stations)
        {
            if (!ids.Add(s.Id))
            {
                throw new ArgumentException($"station '{s.Id}' appears twice", nameof(stations));
            }
        }

        int touched = 0, searches = 0;
        var keep = counted.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _slotOf.Keys.Where(id => !keep.Contains(id)).ToList())
        {
            RemoveStation(id);
            touched += LastTouchedPoints;
        }

        foreach (var s in counted)
        {
            if (!_slotOf.TryGetValue(s.Id, out int j))
            {
                AddStation(s);
                touched += LastTouchedPoints;
                searches++;
            }
            else if (!_stations[j].Location.Equals(s.Location))
            {
                touched += Relocate(j, s);
                searches++;
            }
            else
            {
                _stations[j] = s;
            }
        }

        _order.Clear();
        _order.AddRange(counted.Select(s => _slotOf[s.Id]));
        LastTouchedPoints = touched;
        return searches;
    }

    /// <summary>
    /// The coverage report of the current stations, as <see cref="CoverageCalculator"/> computes it without
    /// circles (the same figures: groups, unreachable, units with accessibility, stations with catchments,
    /// shared points and 2SFCA ratios, gaps, network). <see cref="CoverageReport.Points"/> is left empty: the
    /// nearest station beyond the search limit is not kept.
    /// </summary>
    public CoverageReport Report()
    {
        var region = _context.Region;
        int total = Math.Max(0, region.Groups.IndexOf(PopulationGroups.Total));
        var population = region.Demand.Select(d => d.Counts[total]).ToArray();
        var basePoints = _order.Select(j => _basePoints[j]).ToArray();
        var access = TwoStepFloatingCatchment.Compute(basePoints, [.. _order.Select(j => (double)_stations[j].SocialWorkers)], population, out var ratio);
        var shared = SharedPoints(basePoints, region.Demand.Length);

        bool Covered(int p, int g) => _best[p] <= _groupLimits[g];
        var aggregation = new CoverageAggregation(_context, Covered, p => !_times.IsPointReachable(p), access);
        var stations = _order.Select((j, k) =>
        {
            var s = _stations[j];
            return new StationCoverage(s.Id, s.Name, DomainNames.Of(s.Status), s.SocialWorkers, _times.IsStationReachable(j), Catchment(j), shared[k], 0, ratio[k]);
        }).ToList();

        return aggregation.Report(_options, _baseSpeedKmh, GroupSpeedKmh, stations);
    }

    /// <summary>Population, covered population and share per group for the whole region (as in <see cref="CoverageReport.Groups"/>).</summary>
    public IReadOnlyDictionary<string, GroupCoverage> RegionGroups() => ToGroups(_regionPeople, _regionCovered);

    /// <summary>Coverage per group of every unit, in the order of <see cref="Region.Units"/> (as in <see cref="UnitCoverage.Groups"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, GroupCoverage>> UnitGroups() =>
        [.. _unitPeople.Select((people, u) => ToGroups(people, _unitCovered[u]))];

    /// <summary>People per group within each group's limit of one counted station (as in <see cref="StationCoverage.Catchment"/>).</summary>
    /// <exception cref="KeyNotFoundException">No counted station has that id.</exception>
    public IReadOnlyDictionary<string, double> Catchment(string stationId) => Catchment(_slotOf[stationId]);

    /// <summary>Seconds (profile speeds) from a demand point to its nearest counted station, or +∞ when none is within the search limit.</summary>
    public double BestSeconds(int point) => _best[point];

    // The options' rule: StationCounting's status rule and the circle's station levels.
    private bool Counts(Station s) => _options.Counts(s);

    private double GroupSpeedKmh(string group) =>
        _context.Profile.GroupSpeedsKmh.TryGetValue(group, out var v) ? v : _baseSpeedKmh;

    private Dictionary<string, double> Catchment(int j) =>
        _context.Region.Groups.Names.Select((name, g) => (name, g)).ToDictionary(x => x.name, x => _people[j][x.g], StringComparer.Ordinal);

    /// <summary>Adds <paramref name="more"/> free slots; the travel times hold the station arrays, so they are rebuilt.</summary>
    private void Grow(int more)
    {
        int old = _stations.Length, size = old + more;
        Array.Resize(ref _stations, size);
        Array.Resize(ref _xy, size);
        Array.Resize(ref _catchPoints, size);
        Array.Resize(ref _catchSeconds, size);
        Array.Resize(ref _people, size);
        Array.Resize(ref _basePoints, size);
        if (_context.Snapper is not null)
        {
            Array.Resize(ref _locations, size);
        }

        for (int j = size - 1; j >= old; j--)
        {
            _catchPoints[j] = [];
            _catchSeconds[j] = [];
            _basePoints[j] = [];
            _people[j] = new double[_groupLimits.Length];
            _free.Push(j);
        }

        _times = _context.Snapper is null
            ? new StraightLineTravelTimes(_context, _xy, _options)
            : new NetworkTravelTimes(_context, _locations, _options);
        _worker = _times.CreateWorker();
    }

    private void Place(int j, Station station)
    {
        _stations[j] = station;
        _xy[j] = _context.Projection.Project(station.Location);
        if (_context.Snapper is not null)
        {
            _locations[j] = _context.Snapper.Snap(_xy[j]);
        }
    }

    /// <summary>Puts slot <paramref name="j"/> at the station's place, searches from there and patches the old and new points.</summary>
    private int Relocate(int j, Station station)
    {
        var oldPoints = _catchPoints[j];
        Place(j, station);
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

        return touched;
    }

    private void Store(int j, List<ReachedPoint> found)
    {
        // A capped circle keeps only the points within the cap, so each point's best time is the best over the
        // stations within the cap, as StationCatchments.BestSeconds in a full run.
        double cap = _options.CapMeters ?? double.PositiveInfinity;
        var list = found.FindAll(r => r.Meters <= cap);
        list.Sort(static (a, b) => a.Point.CompareTo(b.Point));
        // People are summed in point order and base points sorted, as StationCatchments does: same doubles.
        var people = new double[_groupLimits.Length];
        var basePoints = new List<int>();
        foreach (var (p, s, _) in list)
        {
            if (s <= _baseLimit)
            {
                basePoints.Add(p);
            }

            var counts = _context.Region.Demand[p].Counts;
            for (int g = 0; g < people.Length; g++)
            {
                people[g] += s <= _groupLimits[g] ? counts[g] : 0;
            }
        }

        basePoints.Sort();
        var sorted = list;
        _catchPoints[j] = [.. sorted.Select(x => x.Point)];
        _catchSeconds[j] = [.. sorted.Select(x => x.Seconds)];
        _basePoints[j] = [.. basePoints];
        _people[j] = people;
    }

    /// <summary>Per demand point, the slots of the stations whose catchment holds it (in report order).</summary>
    private int[][] Reachers(int points)
    {
        var reach = new int[points];
        foreach (int j in _order)
        {
            foreach (int p in _catchPoints[j])
            {
                reach[p]++;
            }
        }

        var reachers = new int[points][];
        for (int p = 0; p < points; p++)
        {
            reachers[p] = reach[p] == 0 ? [] : new int[reach[p]];
            reach[p] = 0;
        }

        foreach (int j in _order)
        {
            foreach (int p in _catchPoints[j])
            {
                reachers[p][reach[p]++] = j;
            }
        }

        return reachers;
    }

    private static int[] SharedPoints(int[][] basePoints, int points)
    {
        var reach = new int[points];
        foreach (var list in basePoints)
        {
            foreach (int p in list)
            {
                reach[p]++;
            }
        }

        return [.. basePoints.Select(list => list.Count(p => reach[p] > 1))];
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
