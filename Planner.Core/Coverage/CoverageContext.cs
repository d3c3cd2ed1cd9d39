using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// A region made ready for coverage runs with one travel profile: its local projection, road graph and
/// snapper, every demand point projected and snapped, the points of each edge, and each point's unit. Built
/// once and reused by every run (minutes, stations and speeds may change between runs).
/// </summary>
public sealed class CoverageContext
{
    private CoverageContext(Region region, TravelProfile profile, LocalProjection projection, RoadGraph? graph, Snapper? snapper,
        ProjectedPoint[] demandXy, NetworkLocation[] demandLocations, UnitIndex units)
    {
        Region = region;
        Profile = profile;
        Projection = projection;
        Graph = graph;
        Snapper = snapper;
        DemandXy = demandXy;
        DemandLocations = demandLocations;
        Units = units;
        (EdgePointStart, EdgePoints) = graph is null ? ([0], []) : LocationsByEdge.Group(graph.EdgeCount, demandLocations);
        SlowestSecondsPerMeter = graph is null || graph.EdgeCount == 0 ? double.PositiveInfinity : graph.Edges.SecondsPerMeter.Max();
    }

    /// <summary>The region.</summary>
    public Region Region { get; }

    /// <summary>The travel profile the graph was built for.</summary>
    public TravelProfile Profile { get; }

    /// <summary>The region's metric projection.</summary>
    public LocalProjection Projection { get; }

    /// <summary>The road graph, or null when the region has no roads (straight-line method).</summary>
    public RoadGraph? Graph { get; }

    /// <summary>The snapper over <see cref="Graph"/>, or null.</summary>
    public Snapper? Snapper { get; }

    /// <summary>"network", or "straight-line" when the region has no roads.</summary>
    public string Method => Graph is null ? "straight-line" : "network";

    internal ProjectedPoint[] DemandXy { get; }

    internal NetworkLocation[] DemandLocations { get; }

    internal UnitIndex Units { get; }

    /// <summary>Points of edge e are <c>EdgePoints[EdgePointStart[e] .. EdgePointStart[e+1]-1]</c>.</summary>
    internal int[] EdgePointStart { get; }

    internal int[] EdgePoints { get; }

    /// <summary>
    /// Seconds per metre on the slowest edge of <see cref="Graph"/> (+∞ without a graph): a path of m metres,
    /// off-road legs included (they go at their edge's pace), takes at most m times this, so a search for points
    /// within a distance cap need not go past the cap's time at this pace.
    /// </summary>
    internal double SlowestSecondsPerMeter { get; }

    /// <summary>Projects, builds the graph, snaps every demand point and assigns units.</summary>
    public static CoverageContext Prepare(Region region, CoverageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        options ??= new CoverageOptions();
        var profile = options.ResolveProfile();
        var projection = region.CreateProjection();
        RoadGraph? graph = null;
        Snapper? snapper = null;
        if (region.Roads.Length > 0)
        {
            graph = RoadGraph.Build(region.Roads, projection, profile, new RoadGraphOptions(options.MinIslandVertices));
            snapper = new Snapper(graph, options.MaxSnapMeters);
        }

        var demand = region.Demand;
        var xy = new ProjectedPoint[demand.Length];
        var locations = new NetworkLocation[demand.Length];
        for (int i = 0; i < xy.Length; i++)
        {
            // ProjNet transforms are not documented as thread-safe: project on one thread, snap on all.
            xy[i] = projection.Project(demand[i].Location);
        }

        if (snapper is not null)
        {
            Parallel.For(0, demand.Length, Parallelism(options), i => locations[i] = snapper.Snap(xy[i]));
        }
        else
        {
            Array.Fill(locations, NetworkLocation.Unreachable);
        }

        return new CoverageContext(region, profile, projection, graph, snapper, xy, locations, UnitIndex.Build(region));
    }

    internal static ParallelOptions Parallelism(CoverageOptions options) =>
        new() { MaxDegreeOfParallelism = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount };
}
