using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Model;

namespace Planner.Core.Coverage;

/// <summary>
/// Assigns each demand point to its lowest unit (the point's own unit code when it names a known unit, else
/// the deepest unit whose boundary contains it) and lists every unit's ancestors through ParentCode.
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

        var tree = new STRtree<int>();
        for (int u = 0; u < units.Length; u++)
        {
            if (!units[u].Boundary.IsEmpty)
            {
                tree.Insert(units[u].Boundary.EnvelopeInternal, u);
            }
        }

        // Locators index themselves on first use; warm them here so the parallel loop only reads.
        var locators = units.Select(u => new IndexedPointInAreaLocator(u.Boundary)).ToArray();
        foreach (var l in locators)
        {
            l.Locate(new Coordinate(0, 0));
        }

        if (units.Length > 0)
        {
            tree.Build();
        }
        var leaf = new int[region.Demand.Length];
        Parallel.For(0, leaf.Length, i =>
        {
            var d = region.Demand[i];
            if (d.UnitCode is not null && byCode.TryGetValue(d.UnitCode, out int coded))
            {
                leaf[i] = coded;
                return;
            }

            leaf[i] = -1;
            var c = new Coordinate(d.Location.Lon, d.Location.Lat);
            foreach (int u in tree.Query(new Envelope(c)))
            {
                if (locators[u].Locate(c) != Location.Exterior && (leaf[i] < 0 || units[u].Level > units[leaf[i]].Level))
                {
                    leaf[i] = u;
                }
            }
        });

        return new UnitIndex(leaf, chain);
    }
}
