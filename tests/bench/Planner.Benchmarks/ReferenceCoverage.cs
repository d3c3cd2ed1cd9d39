using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Benchmarks;

/// <summary>
/// The plain method a ratio is taken against: for every station one full Dijkstra over the whole graph with
/// the BCL PriorityQueue and fresh arrays, then every point checked against every station's distances.
/// </summary>
internal static class ReferenceCoverage
{
    public static double CoveredTotal(CoverageContext context, double minutes)
    {
        var graph = context.Graph!;
        var snapper = context.Snapper!;
        var region = context.Region;
        double limit = minutes * 60;
        var t = graph.Edges;
        var points = region.Demand.Select(d => snapper.Snap(d.Location)).ToArray();
        var covered = new bool[points.Length];
        foreach (var station in region.Stations.Where(s => s.Status == StationStatus.Operating))
        {
            var source = snapper.Snap(station.Location);
            if (!source.IsOnNetwork)
            {
                continue;
            }

            var dist = new double[graph.VertexCount];
            Array.Fill(dist, double.PositiveInfinity);
            var queue = new PriorityQueue<int, double>();
            double spm = t.SecondsPerMeter[source.Edge];
            if (t.AllowsBackward(source.Edge))
            {
                Relax(t.From[source.Edge], (source.OffsetMeters + source.LegMeters) * spm);
            }

            if (t.AllowsForward(source.Edge))
            {
                Relax(t.To[source.Edge], (t.LengthMeters[source.Edge] - source.OffsetMeters + source.LegMeters) * spm);
            }

            while (queue.TryDequeue(out int v, out double d))
            {
                if (d > dist[v])
                {
                    continue;
                }

                for (int a = graph.FirstArc[v]; a < graph.FirstArc[v + 1]; a++)
                {
                    Relax(graph.ArcTarget[a], d + graph.ArcSeconds[a]);
                }
            }

            for (int p = 0; p < points.Length; p++)
            {
                var l = points[p];
                if (covered[p] || !l.IsOnNetwork)
                {
                    continue;
                }

                double s = t.SecondsPerMeter[l.Edge];
                double best = Math.Min(
                    t.AllowsForward(l.Edge) ? dist[t.From[l.Edge]] + ((l.OffsetMeters + l.LegMeters) * s) : double.PositiveInfinity,
                    t.AllowsBackward(l.Edge) ? dist[t.To[l.Edge]] + ((t.LengthMeters[l.Edge] - l.OffsetMeters + l.LegMeters) * s) : double.PositiveInfinity);
                if (l.Edge == source.Edge)
                {
                    best = Math.Min(best, Dijkstra.SameEdgeSeconds(t, source, l));
                }

                covered[p] = best <= limit;
            }

            void Relax(int v, double d)
            {
                if (d < dist[v])
                {
                    dist[v] = d;
                    queue.Enqueue(v, d);
                }
            }
        }

        return Enumerable.Range(0, points.Length).Where(p => covered[p]).Sum(p => region.Demand[p].Counts[0]);
    }
}
