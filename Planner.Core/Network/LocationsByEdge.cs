namespace Planner.Core.Network;

/// <summary>
/// Snapped locations bucketed by the edge they lie on (a counting sort into CSR arrays), so a search that
/// settles an edge's end can reach every point on that edge without scanning all points.
/// </summary>
internal static class LocationsByEdge
{
    /// <summary>
    /// <c>Start[e]..Start[e+1]</c> indexes <c>Items</c>, the positions in <paramref name="locations"/> of the
    /// locations on edge <c>e</c>, in input order; locations off the network are left out.
    /// </summary>
    public static (int[] Start, int[] Items) Group(int edges, NetworkLocation[] locations)
    {
        var start = new int[edges + 1];
        foreach (var l in locations)
        {
            if (l.IsOnNetwork)
            {
                start[l.Edge + 1]++;
            }
        }

        for (int e = 0; e < edges; e++)
        {
            start[e + 1] += start[e];
        }

        var items = new int[start[edges]];
        var next = start[..edges];
        for (int p = 0; p < locations.Length; p++)
        {
            if (locations[p].IsOnNetwork)
            {
                items[next[locations[p].Edge]++] = p;
            }
        }

        return (start, items);
    }
}
