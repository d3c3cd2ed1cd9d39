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

    public Dictionary<string, GroupCoverage> Region()
    {
        var (people, covered) = (new double[Groups.Count], new double[Groups.Count]);
        for (int p = 0; p < _context.Region.Demand.Length; p++)
        {
            Add(p, people, covered);
        }

        return ToGroups(people, covered);
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
                accessSum[u] += _access[p] * w;
                weight[u] += w;
            }
        }

        return [.. units.Select((u, i) => new UnitCoverage(u.Code, u.Name, DomainNames.Of(u.Level), u.ParentCode,
            ToGroups(people[i], covered[i]), weight[i] > 0 ? Math.Round(accessSum[i] / weight[i], 6) : 0))];
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
