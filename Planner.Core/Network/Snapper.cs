using Planner.Core.Geo;

namespace Planner.Core.Network;

/// <summary>
/// Joins points to a <see cref="RoadGraph"/> at the nearest point of the nearest edge segment (not the nearest
/// vertex), through a uniform grid over every edge segment (<see cref="SegmentGrid"/>). Points farther than the
/// maximum snap distance from every edge are unreachable. Ties go to the lower segment index. Thread-safe once
/// constructed.
/// </summary>
public sealed class Snapper
{
    private readonly RoadGraph _graph;
    private readonly SegmentGrid _grid;
    private readonly int[] _segmentEdge;

    /// <summary>Indexes the segments of <paramref name="graph"/>.</summary>
    /// <param name="graph">The network.</param>
    /// <param name="maxSnapMeters">Largest off-road leg in metres (500 by default); farther points are unreachable.</param>
    public Snapper(RoadGraph graph, double maxSnapMeters = 500)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSnapMeters);
        _graph = graph;
        MaxSnapMeters = maxSnapMeters;
        var t = graph.Edges;
        _segmentEdge = new int[t.X.Length];
        for (int e = 0; e < t.Count; e++)
        {
            for (int i = t.CoordStart[e]; i < t.CoordStart[e + 1] - 1; i++)
            {
                _segmentEdge[i] = e;
            }
        }

        _grid = new SegmentGrid(t);
    }

    /// <summary>Largest off-road leg in metres.</summary>
    public double MaxSnapMeters { get; }

    /// <summary>Joins a projected point (metres) to the network.</summary>
    public NetworkLocation Snap(ProjectedPoint p)
    {
        var (seg, distance, fraction) = _grid.Nearest(p.X, p.Y, MaxSnapMeters);
        if (seg < 0)
        {
            return NetworkLocation.Unreachable;
        }

        var t = _graph.Edges;
        double along = t.Offset[seg] + (fraction * (t.Offset[seg + 1] - t.Offset[seg]));
        return new NetworkLocation(_segmentEdge[seg], along, distance);
    }

    /// <summary>Joins a WGS84 point to the network (projected with the graph's projection).</summary>
    public NetworkLocation Snap(GeoPoint p) => Snap(_graph.Projection.Project(p));
}
