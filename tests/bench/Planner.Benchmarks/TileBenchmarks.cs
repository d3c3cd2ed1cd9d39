extern alias PlannerApi;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PlannerApi::Planner.Api.Layers;
using PlannerApi::Planner.Api.Regions;
using PlannerApi::Planner.Api.Tiles;

namespace Planner.Benchmarks;

/// <summary>
/// Basemap vector tiles of <c>data/porto-alegre</c> (15 886 roads, 30 units, 117 stations): indexing the region
/// once (the first tile a region version is asked for), and rendering the tile over the city centre
/// (−51.2177°, −30.0346°) at zoom 12 (about 10 km wide, every road class but paths), 14 (2.4 km) and 16 (600 m):
/// query, clip, simplify and MVT encoding, without HTTP.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class TileBenchmarks
{
    private const double CentreLon = -51.2177, CentreLat = -30.0346;
    private CatalogRegion _region = null!;
    private BasemapSource _source = null!;

    /// <summary>Reads the region and indexes it once for the render benchmarks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _region = new CatalogRegion("porto-alegre", WhatIfBenchmarks.PortoAlegre(), 1);
        _source = BasemapSource.Build(_region, null, new LayerSource());
    }

    /// <summary>The zoom of the rendered tile.</summary>
    [Params(12, 14, 16)]
    public int Zoom { get; set; }

    /// <summary>Indexes the region's basemap features (STR-trees per tile layer, unit label points).</summary>
    [Benchmark]
    public object BuildSource() => BasemapSource.Build(_region, null, new LayerSource());

    /// <summary>Renders the centre tile at <see cref="Zoom"/>.</summary>
    [Benchmark]
    public int Render() => BasemapTiler.Render(_source, Centre(Zoom))?.Length ?? 0;

    private static TileAddress Centre(int z)
    {
        double phi = CentreLat * Math.PI / 180;
        int x = (int)Math.Floor((CentreLon + 180) / 360 * (1 << z));
        int y = (int)Math.Floor((1 - (Math.Log(Math.Tan(phi) + (1 / Math.Cos(phi))) / Math.PI)) / 2 * (1 << z));
        return new TileAddress(z, x, y);
    }

    /// <summary>ShortRun (3 warm-ups, 3 iterations) in this process, with the median.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median);
        }
    }
}
