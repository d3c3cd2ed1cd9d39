using System.Collections.Immutable;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// Who can reach whom: demand items, sites, and for every site the sparse list of demand items it reaches
/// with the travel cost (minutes from the road-network engine, or metres/minutes from an external matrix).
/// A demand item is <em>covered</em> by a site when the cost is at most <see cref="Radius"/>. Pairs above the
/// radius may be kept (up to the cut-off given when building) for p-median. Immutable; lists are stored as
/// compressed arrays (CSR) sorted by demand index.
/// </summary>
public sealed class CoverageMatrix
{
    private readonly int[] _start;
    private readonly int[] _demand;
    private readonly double[] _cost;
    private readonly int[] _coverStart;
    private readonly int[] _coverDemand;
    private readonly int[] _coveredByStart;
    private readonly int[] _coveredBySite;

    /// <summary>Builds a matrix from (site index, demand index, cost) entries.</summary>
    /// <param name="groups">Population groups of the demand counts.</param>
    /// <param name="demand">Demand items; ids unique, one count per group.</param>
    /// <param name="sites">Sites; ids unique.</param>
    /// <param name="entries">Reachable pairs; a pair given twice keeps the smaller cost. Negative or non-finite costs are rejected.</param>
    /// <param name="radius">Coverage radius in the cost unit: a site covers a demand item when cost &lt;= radius.</param>
    /// <param name="maxCost">Pairs with a larger cost are dropped; defaults to <paramref name="radius"/>. Pass infinity to keep all (p-median).</param>
    public CoverageMatrix(
        PopulationGroups groups,
        IReadOnlyList<SitingDemand> demand,
        IReadOnlyList<SitingSite> sites,
        IEnumerable<(int Site, int Demand, double Cost)> entries,
        double radius,
        double? maxCost = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(entries);
        if (!(radius >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be zero or more.");
        }

        double cut = maxCost ?? radius;
        Groups = groups;
        Demand = [.. demand];
        Sites = [.. sites];
        Radius = radius;
        CheckItems();

        var lists = new List<(int Demand, double Cost)>[Sites.Length];
        for (int j = 0; j < lists.Length; j++)
        {
            lists[j] = [];
        }

        foreach (var (s, d, c) in entries)
        {
            if ((uint)s >= (uint)Sites.Length || (uint)d >= (uint)Demand.Length)
            {
                throw new ArgumentException($"Entry ({s}, {d}) is outside {Sites.Length} sites x {Demand.Length} demand items.", nameof(entries));
            }

            if (!double.IsFinite(c) || c < 0)
            {
                throw new ArgumentException($"Cost {c} from site '{Sites[s].Id}' to demand '{Demand[d].Id}' must be a finite number >= 0.", nameof(entries));
            }

            if (c <= cut)
            {
                lists[s].Add((d, c));
            }
        }

        (_start, _demand, _cost) = Compress(lists);
        (_coverStart, _coverDemand, _coveredByStart, _coveredBySite) = BuildCoverage();
    }

    /// <summary>Population groups of the demand counts.</summary>
    public PopulationGroups Groups { get; }

    /// <summary>Demand items, indexed as in the sparse lists.</summary>
    public ImmutableArray<SitingDemand> Demand { get; }

    /// <summary>Sites, indexed as in the sparse lists.</summary>
    public ImmutableArray<SitingSite> Sites { get; }

    /// <summary>Coverage radius in the cost unit.</summary>
    public double Radius { get; }

    /// <summary>Number of stored (site, demand) pairs.</summary>
    public int EntryCount => _demand.Length;

    /// <summary>Builds a matrix from a dense cost matrix <c>costs[demand, site]</c> (spopt's <c>from_cost_matrix</c>).</summary>
    /// <param name="groups">Population groups.</param>
    /// <param name="demand">Demand items (rows).</param>
    /// <param name="sites">Sites (columns).</param>
    /// <param name="costs">Costs; NaN or infinity = unreachable.</param>
    /// <param name="radius">Coverage radius.</param>
    /// <param name="maxCost">Keep pairs up to this cost (default: the radius).</param>
    public static CoverageMatrix FromDense(
        PopulationGroups groups, IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, double[,] costs, double radius, double? maxCost = null)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.GetLength(0) != demand.Count || costs.GetLength(1) != sites.Count)
        {
            throw new ArgumentException($"The matrix is {costs.GetLength(0)} x {costs.GetLength(1)}; expected {demand.Count} demand rows x {sites.Count} site columns.", nameof(costs));
        }

        var entries = new List<(int, int, double)>();
        for (int i = 0; i < demand.Count; i++)
        {
            for (int j = 0; j < sites.Count; j++)
            {
                if (double.IsFinite(costs[i, j]))
                {
                    entries.Add((j, i, costs[i, j]));
                }
            }
        }

        return new CoverageMatrix(groups, demand, sites, entries, radius, maxCost);
    }

    /// <summary>Builds a matrix from long-format rows (<c>demand_id,site_id,cost</c>); pairs not listed are unreachable.</summary>
    /// <exception cref="ArgumentException">A row names an unknown demand or site id.</exception>
    public static CoverageMatrix FromLongFormat(
        PopulationGroups groups, IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, IEnumerable<CostRow> rows, double radius, double? maxCost = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var demandIndex = IndexOf(demand.Select(d => d.Id));
        var siteIndex = IndexOf(sites.Select(s => s.Id));
        var entries = new List<(int, int, double)>();
        int row = 0;
        foreach (var r in rows)
        {
            row++;
            if (!demandIndex.TryGetValue(r.DemandId, out int d))
            {
                throw new ArgumentException($"Cost row {row}: unknown demand id '{r.DemandId}'.", nameof(rows));
            }

            if (!siteIndex.TryGetValue(r.SiteId, out int s))
            {
                throw new ArgumentException($"Cost row {row}: unknown site id '{r.SiteId}'.", nameof(rows));
            }

            entries.Add((s, d, r.Cost));
        }

        return new CoverageMatrix(groups, demand, sites, entries, radius, maxCost);
    }

    /// <summary>Demand indices stored for a site (cost at most the build cut-off), ascending.</summary>
    public ReadOnlySpan<int> DemandsOf(int site) => _demand.AsSpan(_start[site], _start[site + 1] - _start[site]);

    /// <summary>Costs matching <see cref="DemandsOf"/>.</summary>
    public ReadOnlySpan<double> CostsOf(int site) => _cost.AsSpan(_start[site], _start[site + 1] - _start[site]);

    /// <summary>Demand indices a site covers (cost &lt;= radius), ascending.</summary>
    public ReadOnlySpan<int> CoveredBy(int site) => _coverDemand.AsSpan(_coverStart[site], _coverStart[site + 1] - _coverStart[site]);

    /// <summary>Site indices that cover a demand item, ascending.</summary>
    public ReadOnlySpan<int> SitesCovering(int demand) => _coveredBySite.AsSpan(_coveredByStart[demand], _coveredByStart[demand + 1] - _coveredByStart[demand]);

    /// <summary>Weight of every demand item: sum over groups of weight_g x count_g.</summary>
    public double[] Weights(GroupWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = new double[Demand.Length];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = weights.Apply(Demand[i].Counts);
        }

        return w;
    }

    private static Dictionary<string, int> IndexOf(IEnumerable<string> ids)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            index[id] = index.Count;
        }

        return index;
    }

    private void CheckItems()
    {
        if (Demand.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != Demand.Length)
        {
            throw new ArgumentException("Demand ids must be unique.");
        }

        if (Sites.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != Sites.Length)
        {
            throw new ArgumentException("Site ids must be unique.");
        }

        foreach (var d in Demand)
        {
            if (d.Counts.Length != Groups.Count || d.Counts.Any(c => !double.IsFinite(c) || c < 0))
            {
                throw new ArgumentException($"Demand '{d.Id}' needs {Groups.Count} finite counts >= 0 ({Groups}).");
            }
        }

        foreach (var s in Sites)
        {
            if (!double.IsFinite(s.Cost) || s.Cost < 0)
            {
                throw new ArgumentException($"Site '{s.Id}' has cost {s.Cost}; it must be a finite number >= 0.");
            }
        }
    }

    private static (int[] Start, int[] Demand, double[] Cost) Compress(List<(int Demand, double Cost)>[] lists)
    {
        var start = new int[lists.Length + 1];
        for (int j = 0; j < lists.Length; j++)
        {
            // Keep the smaller cost when a pair is listed twice.
            lists[j].Sort((a, b) => a.Demand != b.Demand ? a.Demand.CompareTo(b.Demand) : a.Cost.CompareTo(b.Cost));
            lists[j] = [.. lists[j].Where((e, k) => k == 0 || lists[j][k - 1].Demand != e.Demand)];
            start[j + 1] = start[j] + lists[j].Count;
        }

        var demand = new int[start[^1]];
        var cost = new double[start[^1]];
        for (int j = 0; j < lists.Length; j++)
        {
            for (int k = 0; k < lists[j].Count; k++)
            {
                demand[start[j] + k] = lists[j][k].Demand;
                cost[start[j] + k] = lists[j][k].Cost;
            }
        }

        return (start, demand, cost);
    }

    private (int[], int[], int[], int[]) BuildCoverage()
    {
        var coverStart = new int[Sites.Length + 1];
        var coverDemand = new List<int>(_demand.Length);
        var perDemand = new int[Demand.Length + 1];
        for (int j = 0; j < Sites.Length; j++)
        {
            for (int k = _start[j]; k < _start[j + 1]; k++)
            {
                if (_cost[k] <= Radius)
                {
                    coverDemand.Add(_demand[k]);
                    perDemand[_demand[k] + 1]++;
                }
            }

            coverStart[j + 1] = coverDemand.Count;
        }

        for (int i = 0; i < Demand.Length; i++)
        {
            perDemand[i + 1] += perDemand[i];
        }

        var bySite = new int[coverDemand.Count];
        var fill = (int[])perDemand.Clone();
        for (int j = 0; j < Sites.Length; j++)
        {
            for (int k = coverStart[j]; k < coverStart[j + 1]; k++)
            {
                bySite[fill[coverDemand[k]]++] = j;
            }
        }

        return (coverStart, [.. coverDemand], perDemand, bySite);
    }
}
