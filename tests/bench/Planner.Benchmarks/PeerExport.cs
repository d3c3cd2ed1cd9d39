using System.Diagnostics;
using System.Globalization;
using System.Text;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Network;
using Planner.Core.Synthetic;

namespace Planner.Benchmarks;

/// <summary>
/// `-- export DIR EDGES POINTS STATIONS SEED` (a synthetic region) or `-- export-region DIR FOLDER` (a region
/// folder such as data/porto-alegre): writes the walk graph (after island removal), the demand and the
/// operating stations as CSV in projected metres for tests/bench/peers.sh, and times our coverage query on the
/// loaded region (one multi-source search plus one lookup per point) into ours.txt.
/// </summary>
internal static class PeerExport
{
    public static void Run(string dir, int edges, int points, int stations, int seed) =>
        Run(dir, SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(edges, points, stations, seed)));

    public static void Run(string dir, Region region)
    {
        Directory.CreateDirectory(dir);
        var context = CoverageContext.Prepare(region);
        var g = context.Graph!;
        var t = g.Edges;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("id,source,target,cost,reverse_cost\n");
        for (int e = 0; e < t.Count; e++)
        {
            double cost = t.LengthMeters[e] * t.SecondsPerMeter[e];
            sb.Append(inv, $"{e + 1},{t.From[e] + 1},{t.To[e] + 1},{(t.AllowsForward(e) ? cost : -1)},{(t.AllowsBackward(e) ? cost : -1)}\n");
        }

        File.WriteAllText(Path.Combine(dir, "edges.csv"), sb.ToString());
        var vx = new double[g.VertexCount];
        var vy = new double[g.VertexCount];
        for (int e = 0; e < t.Count; e++)
        {
            (vx[t.From[e]], vy[t.From[e]]) = (t.X[t.CoordStart[e]], t.Y[t.CoordStart[e]]);
            (vx[t.To[e]], vy[t.To[e]]) = (t.X[t.CoordStart[e + 1] - 1], t.Y[t.CoordStart[e + 1] - 1]);
        }

        sb.Clear().Append("id,x,y\n");
        for (int v = 0; v < vx.Length; v++)
        {
            sb.Append(inv, $"{v + 1},{vx[v]:0.###},{vy[v]:0.###}\n");
        }

        File.WriteAllText(Path.Combine(dir, "vertices.csv"), sb.ToString());
        sb.Clear().Append("id,x,y,total\n");
        for (int p = 0; p < region.Demand.Length; p++)
        {
            var xy = context.DemandXy[p];
            sb.Append(inv, $"{region.Demand[p].Id},{xy.X:0.###},{xy.Y:0.###},{region.Demand[p].Counts[0]}\n");
        }

        File.WriteAllText(Path.Combine(dir, "demand.csv"), sb.ToString());
        var operating = region.Stations.Where(s => s.Status == StationStatus.Operating).ToArray();
        sb.Clear().Append("id,x,y\n");
        foreach (var s in operating)
        {
            var xy = context.Projection.Project(s.Location);
            sb.Append(inv, $"{s.Id},{xy.X:0.###},{xy.Y:0.###}\n");
        }

        File.WriteAllText(Path.Combine(dir, "stations.csv"), sb.ToString());

        var sources = operating.Select((s, i) => (context.Snapper!.Snap(s.Location), i)).ToArray();
        var search = new Dijkstra(g);
        double covered = 0;
        var demand = region.Demand;
        void Query()
        {
            search.Run(sources, 900);
            covered = 0;
            for (int p = 0; p < demand.Length; p++)
            {
                covered += search.SecondsTo(context.DemandLocations[p]).Seconds <= 900 ? demand[p].Counts[0] : 0;
            }
        }

        for (int i = 0; i < 5; i++)
        {
            Query();
        }

        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++)
        {
            Query();
        }

        File.WriteAllText(Path.Combine(dir, "ours.txt"), string.Create(inv,
            $"{sw.Elapsed.TotalMilliseconds / 10:0.00} {covered} {t.Count} {operating.Length}\n"));
        Console.WriteLine($"exported {t.Count} edges, {demand.Length} points, {operating.Length} operating stations to {dir}");
    }
}
