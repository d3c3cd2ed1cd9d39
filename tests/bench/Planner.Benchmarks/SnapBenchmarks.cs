using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Benchmarks;

/// <summary>
/// Snapping every demand point of the county scenario (48,706 walk edges, 20,000 points) to its nearest
/// edge, index build included, on one thread: the product's segment grid against the NTS STR-tree it replaced.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class SnapBenchmarks
{
    private RoadGraph _graph = null!;
    private ProjectedPoint[] _points = [];

    /// <summary>Builds the county graph and projects its demand once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Region region = Scenarios.County;
        var projection = region.CreateProjection();
        _graph = RoadGraph.Build(region.Roads, projection, TravelProfile.Walk());
        _points = [.. region.Demand.Select(d => projection.Project(d.Location))];
    }

    /// <summary>Builds the grid and snaps every point; returns how many joined the network.</summary>
    [Benchmark]
    public int SegmentGrid()
    {
        var snapper = new Snapper(_graph);
        int on = 0;
        foreach (var p in _points)
        {
            on += snapper.Snap(p).IsOnNetwork ? 1 : 0;
        }

        return on;
    }

    /// <summary>Builds the STR-tree and snaps every point; returns how many joined the network.</summary>
    [Benchmark(Baseline = true)]
    public int StrTreeReference()
    {
        var reference = new StrTreeSnapReference(_graph);
        int on = 0;
        foreach (var p in _points)
        {
            on += reference.Nearest(p.X, p.Y).Segment >= 0 ? 1 : 0;
        }

        return on;
    }
}
