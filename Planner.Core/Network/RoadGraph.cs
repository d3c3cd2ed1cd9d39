using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Network;

/// <summary>
/// The road network of one region for one travel profile, as an immutable snapshot in compressed sparse row
/// (CSR) form. Vertices are road ends and coordinates shared by two or more roads (a shared coordinate is a
/// shared node); edges are the road pieces between them, with their geometry and length in metres in the
/// region's local metric projection (<see cref="LocalProjection"/>). Each allowed travel direction of an edge
/// is an arc whose cost is the travel time in seconds at the profile's speed for that highway class.
/// </summary>
public sealed class RoadGraph
{
    internal RoadGraph(
        LocalProjection projection,
        TravelProfile profile,
        RoadGraphStats stats,
        int[] firstArc,
        int[] arcTarget,
        int[] arcEdge,
        double[] arcSeconds,
        EdgeTable edges)
    {
        Projection = projection;
        Profile = profile;
        Stats = stats;
        FirstArc = firstArc;
        ArcTarget = arcTarget;
        ArcEdge = arcEdge;
        ArcSeconds = arcSeconds;
        Edges = edges;
        ArcMeters = new double[arcEdge.Length];
        for (int a = 0; a < arcEdge.Length; a++)
        {
            ArcMeters[a] = edges.LengthMeters[arcEdge[a] >> 1];
        }
    }

    /// <summary>The metric projection the geometry and lengths are in.</summary>
    public LocalProjection Projection { get; }

    /// <summary>The travel profile the graph was built for.</summary>
    public TravelProfile Profile { get; }

    /// <summary>What was kept and what was removed.</summary>
    public RoadGraphStats Stats { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => FirstArc.Length - 1;

    /// <summary>Number of edges (road pieces; one per piece whatever its directions).</summary>
    public int EdgeCount => Edges.Count;

    /// <summary>CSR offsets: the arcs leaving vertex v are <c>FirstArc[v] .. FirstArc[v+1]-1</c>.</summary>
    internal int[] FirstArc { get; }

    /// <summary>Head vertex of each arc.</summary>
    internal int[] ArcTarget { get; }

    /// <summary>Edge of each arc, shifted left by one; the low bit is 1 when the arc runs against the edge's digitised order.</summary>
    internal int[] ArcEdge { get; }

    /// <summary>Travel time of each arc in seconds.</summary>
    internal double[] ArcSeconds { get; }

    /// <summary>Per arc, the length in metres of its edge (so searches carry distance without an indirection).</summary>
    internal double[] ArcMeters { get; }

    /// <summary>Edge endpoints, lengths, speeds, directions and geometry.</summary>
    internal EdgeTable Edges { get; }

    /// <summary>Builds the graph of <paramref name="region"/>'s roads for <paramref name="profile"/> in the region's projection.</summary>
    public static RoadGraph Build(Region region, TravelProfile profile, RoadGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Build(region.Roads, region.CreateProjection(), profile, options);
    }

    /// <summary>Builds the graph of <paramref name="roads"/> (WGS84) for <paramref name="profile"/> in <paramref name="projection"/>.</summary>
    public static RoadGraph Build(IReadOnlyList<Road> roads, LocalProjection projection, TravelProfile profile, RoadGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(profile);
        return new RoadGraphBuilder(projection, profile, options ?? RoadGraphOptions.Default).Build(roads);
    }

    /// <summary>The projected point at <paramref name="offsetMeters"/> along edge <paramref name="edge"/> from its first coordinate.</summary>
    public ProjectedPoint PointAlong(int edge, double offsetMeters) => Edges.PointAlong(edge, offsetMeters);
}
