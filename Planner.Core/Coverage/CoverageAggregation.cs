using Planner.Core.Model;

namespace Planner.Core.Coverage;

/// <summary>Sums people and covered people per group for the region and for every unit (rolled up through parents).</summary>
internal sealed class CoverageAggregation
{
    private readonly CoverageContext _context;
    private readonly Func<int, int, bool> _covered;
    private readonly Func<int, bool> _unreachable;
    private readonly double[] _access;

    public CoverageAggregation(CoverageContext context, Func<int, int, bool> covered, Func<int, bool> unreachable, double[] access)
    {
        _context = context;
        _covered = covered;
        _unreachable = unreachable;
        _access = access;
    }

    private PopulationGroups Groups => _context.Region.Groups;

    /// <summary>
    /// The report of a run, every part but the per-point results: the one assembly of the full calculator and of
    /// the incremental engine, so the two cannot drift apart.
    /// </summary>
    /// <param name="options">The run's options (minutes, gap parameters).</param>
    /// <param name="baseSpeedKmh">The base pace in km/h (the profile's, or the override).</param>
    /// <param name="groupSpeedKmh">The pace of a group with its own pace in the profile.</param>
    /// <param name="stations">The counted stations' figures, in report order.</param>
    public CoverageReport Report(CoverageOptions options, double baseSpeedKmh, Func<string, double> groupSpeedKmh, IReadOnlyList<StationCoverage> stations)
    {
        var region = _context.Region;
        return new CoverageReport
        {
            Region = region.Info.Name,
            Minutes = options.Minutes,
            Mode = _context.Profile.Name,
            Circle = options.CircleId,
            CircleTitle = options.Circle is { } circle ? $"{circle.TitleZh} / {circle.TitleEn}" : string.Empty,
            CapMeters = options.CapMeters,
            SpeedKmh = baseSpeedKmh,
            Method = _context.Method,
            GroupSpeedsKmh = region.Groups.Names.Where(g => _context.Profile.GroupSpeedsKmh.ContainsKey(g))
                .ToDictionary(g => g, groupSpeedKmh, StringComparer.Ordinal),
            Groups = Region(),
            Settlements = Settlements(),
            Unreachable = Unreachable(),
            Units = Units(),
            Stations = stations,
            Gaps = GapFinder.Find(_context, (p, g) => !_covered(p, g), options.GapLinkMeters, options.SimplifyMeters),
            Network = _context.Graph?.Stats,
        };
    }

    public Dictionary<string, GroupCoverage> Region()
    {
        var (people, covered) = (new double[Groups.Count], new double[Groups.Count]);
        for (int p = 0; p < _context.Region.Demand.Length; p++)
        {
            Add(p, people, covered);
        }

        return ToGroups(people, covered);
    }

    /// <summary>
    /// The settlement share: demand points with people (total group) and how many of them are covered at the total
    /// group's limit, for the whole region, as Chinese evaluations report beside the population share.
    /// </summary>
    public SettlementCoverage Settlements()
    {
        int total = Math.Max(0, Groups.IndexOf(PopulationGroups.Total));
        int points = 0, covered = 0;
        for (int p = 0; p < _context.Region.Demand.Length; p++)
        {
            if (_context.Region.Demand[p].Counts[total] > 0)
            {
                points++;
                covered += _covered(p, total) ? 1 : 0;
            }
        }

        return SettlementCoverage.Of(points, covered);
    }

    public Dictionary<string, double> Unreachable()
    {
        var sums = new double[Groups.Count];
        for (int p = 0; p < _context.Region.Demand.Length; p++)
        {
            if (_unreachable(p))
            {
                var counts = _context.Region.Demand[p].Counts;
                for (int g = 0; g < sums.Length; g++)
                {
                    sums[g] += counts[g];
                }
            }
        }

        return Groups.Names.Select((n, g) => (n, g)).ToDictionary(x => x.n, x => sums[x.g], StringComparer.Ordinal);
    }

    public List<UnitCoverage> Units()
    {
        var units = _context.Region.Units;
        var people = units.Select(_ => new double[Groups.Count]).ToArray();
        var covered = units.Select(_ => new double[Groups.Count]).ToArray();
        var settlements = new int[units.Length];
        var settlementsCovered = new int[units.Length];
        var accessSum = new double[units.Length];
        var weight = new double[units.Length];
        int total = Math.Max(0, Groups.IndexOf(PopulationGroups.Total));
        var index = _context.Units;
        for (int p = 0; p < index.LeafOfPoint.Length; p++)
        {
            int leaf = index.LeafOfPoint[p];
            if (leaf < 0)
            {
                continue;
            }

            double w = _context.Region.Demand[p].Counts[total];
            foreach (int u in index.Chain[leaf])
            {
                Add(p, people[u], covered[u]);
                if (w > 0)
                {
                    settlements[u]++;
                    settlementsCovered[u] += _covered(p, total) ? 1 : 0;
                }

                accessSum[u] += _access[p] * w;
                weight[u] += w;
            }
        }

        return [.. units.Select((u, i) => new UnitCoverage(u.Code, u.Name, DomainNames.Of(u.Level), u.ParentCode,
            ToGroups(people[i], covered[i]), weight[i] > 0 ? Math.Round(accessSum[i] / weight[i], 6) : 0)
        {
            Settlements = SettlementCoverage.Of(settlements[i], settlementsCovered[i]),
        })];
    }

    private void Add(int p, double[] people, double[] covered)
    {
        var counts = _context.Region.Demand[p].Counts;
        for (int g = 0; g < people.Length; g++)
        {
            people[g] += counts[g];
            covered[g] += _covered(p, g) ? counts[g] : 0;
        }
    }

    private Dictionary<string, GroupCoverage> ToGroups(double[] people, double[] covered) =>
        Groups.Names.Select((n, g) => (n, g)).ToDictionary(
            x => x.n,
            x => new GroupCoverage(people[x.g], covered[x.g], people[x.g] > 0 ? Math.Round(covered[x.g] / people[x.g], 6) : 0),
            StringComparer.Ordinal);
}
