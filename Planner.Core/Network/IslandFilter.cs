namespace Planner.Core.Network;

/// <summary>
/// Finds the connected pieces of a road network (ignoring direction) by union-find and marks the edges of
/// pieces with fewer road vertices than a minimum for removal. A piece's vertex count is its nodes plus the
/// interior coordinates of its edges, i.e. the vertices of the road lines as given. The largest piece is kept.
/// </summary>
internal static class IslandFilter
{
    public static bool[] KeepMask(int nodes, int edges, Func<int, int> from, Func<int, int> to, Func<int, int> interiorCoords,
        double[] lengthMeters, int minVertices, out Result result)
    {
        var parent = new int[nodes];
        for (int i = 0; i < nodes; i++)
        {
            parent[i] = i;
        }

        for (int e = 0; e < edges; e++)
        {
            int a = Find(parent, from(e)), b = Find(parent, to(e));
            if (a != b)
            {
                parent[a] = b;
            }
        }

        var size = new long[nodes];
        for (int v = 0; v < nodes; v++)
        {
            size[Find(parent, v)]++;
        }

        for (int e = 0; e < edges; e++)
        {
            size[Find(parent, from(e))] += Math.Max(0, interiorCoords(e));
        }

        int largest = -1;
        for (int v = 0; v < nodes; v++)
        {
            if (parent[v] == v && (largest < 0 || size[v] > size[largest]))
            {
                largest = v;
            }
        }

        var keep = new bool[edges];
        var removedRoots = new HashSet<int>();
        int removedEdges = 0;
        double removedLength = 0;
        for (int e = 0; e < edges; e++)
        {
            int root = Find(parent, from(e));
            keep[e] = root == largest || size[root] >= minVertices;
            if (!keep[e])
            {
                removedRoots.Add(root);
                removedEdges++;
                removedLength += lengthMeters[e];
            }
        }

        result = new Result(removedRoots.Count, removedEdges, removedLength);
        return keep;
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }

    internal readonly record struct Result(int Islands, int Edges, double LengthMeters);
}
