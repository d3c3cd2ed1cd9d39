using Planner.Core.Model;

namespace Planner.Core.Coverage;

/// <summary>
/// Assigns each demand point to its lowest unit (<see cref="UnitHierarchy.Holding"/>: the point's own unit code
/// when it names a known unit, else the deepest unit whose boundary contains it) and lists every unit's
/// ancestors through ParentCode.
/// </summary>
internal sealed class UnitIndex
{
    private UnitIndex(int[] leafOfPoint, int[][] chain)
    {
        LeafOfPoint = leafOfPoint;
        Chain = chain;
    }

    /// <summary>Index into Region.Units of each point's lowest unit, or -1.</summary>
    public int[] LeafOfPoint { get; }

    /// <summary>For each unit: itself and its ancestors (indices into Region.Units).</summary>
    public int[][] Chain { get; }

    public static UnitIndex Build(Region region)
    {
        var units = region.Units;
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int u = 0; u < units.Length; u++)
        {
            byCode.TryAdd(units[u].Code, u);
        }

        var chain = new int[units.Length][];
        for (int u = 0; u < units.Length; u++)
        {
            var list = new List<int> { u };
            var seen = new HashSet<int> { u };
            var parent = units[u].ParentCode;
            while (parent is not null && byCode.TryGetValue(parent, out int p) && seen.Add(p))
            {
                list.Add(p);
                parent = units[p].ParentCode;
            }

            chain[u] = [.. list];
        }

        // The one "which unit holds this feature" rule (own unit code, else the deepest unit containing the point).
        var hierarchy = new UnitHierarchy(units);
        var leaf = new int[region.Demand.Length];
        Parallel.For(0, leaf.Length, i =>
        {
            var d = region.Demand[i];
            leaf[i] = hierarchy.Holding(d.UnitCode, d.Location) is { } unit ? byCode[unit.Code] : -1;
        });

        return new UnitIndex(leaf, chain);
    }
}
