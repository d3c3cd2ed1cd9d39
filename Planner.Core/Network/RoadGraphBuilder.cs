using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Network;

/// <summary>
/// Builds a <see cref="RoadGraph"/>: filters roads by profile, merges identical WGS84 coordinates into one
/// node, splits ways at nodes shared by several roads (or met twice), removes small islands and packs CSR arrays.
/// </summary>
internal sealed class RoadGraphBuilder
{
    private readonly LocalProjection _projection;
    private readonly TravelProfile _profile;
    private readonly RoadGraphOptions _options;

    // Unique coordinates (WGS84 keys), their use count and projected position.
    private readonly Dictionary<(double Lon, double Lat), int> _coordIds = [];
    private readonly List<int> _useCount = [];

    // Pieces between nodes, as runs of unique coordinate ids.
    private readonly List<int> _pieceCoords = [];
    private readonly List<int> _pieceStart = [];
    private readonly List<int> _pieceRoad = [];
    private readonly List<byte> _pieceDirections = [];
    private readonly List<double> _pieceSpeed = [];

    public RoadGraphBuilder(LocalProjection projection, TravelProfile profile, RoadGraphOptions options)
    {
        _projection = projection;
        _profile = profile;
        _options = options;
    }

    public RoadGraph Build(IReadOnlyList<Road> roads)
    {
        var roadCoords = new List<int>();
        var roadStart = new List<int>();
        var used = new List<int>();
        for (int r = 0; r < roads.Count; r++)
        {
            if (!_profile.Allows(roads[r]))
            {
                continue;
            }

            used.Add(r);
            roadStart.Add(roadCoords.Count);
            var seq = roads[r].Line.CoordinateSequence;
            int last = -1;
            for (int i = 0; i < seq.Count; i++)
            {
                var key = (seq.GetX(i), seq.GetY(i));
                if (!_coordIds.TryGetValue(key, out int id))
                {
                    id = _coordIds.Count;
                    _coordIds.Add(key, id);
                    _useCount.Add(0);
                }

                if (id != last)
                {
                    roadCoords.Add(id);
                    _useCount[id]++;
                    last = id;
                }
            }
        }

        roadStart.Add(roadCoords.Count);
        var (px, py) = ProjectAll();
        SplitAtNodes(roads, used, roadCoords, roadStart);
        return Pack(px, py, used.Count, roads.Count - used.Count);
    }

    private (double[] X, double[] Y) ProjectAll()
    {
        var px = new double[_coordIds.Count];
        var py = new double[_coordIds.Count];
        foreach (var (key, id) in _coordIds)
        {
            var p = _projection.Project(new GeoPoint(key.Lon, key.Lat));
            px[id] = p.X;
            py[id] = p.Y;
        }

        return (px, py);
    }

    private void SplitAtNodes(IReadOnlyList<Road> roads, List<int> used, List<int> roadCoords, List<int> roadStart)
    {
        for (int k = 0; k < used.Count; k++)
        {
            var road = roads[used[k]];
            int start = roadStart[k], end = roadStart[k + 1];
            if (end - start < 2)
            {
                continue;
            }

            byte dirs = (byte)_profile.DirectionsOn(road);
            double speed = _profile.SpeedKmhOn(road);
            int pieceFirst = start;
            for (int i = start + 1; i < end; i++)
            {
                if (i == end - 1 || _useCount[roadCoords[i]] >= 2)
                {
                    _pieceStart.Add(_pieceCoords.Count);
                    for (int j = pieceFirst; j <= i; j++)
                    {
                        _pieceCoords.Add(roadCoords[j]);
                    }

                    _pieceRoad.Add(used[k]);
                    _pieceDirections.Add(dirs);
                    _pieceSpeed.Add(speed);
                    pieceFirst = i;
                }
            }
        }

        _pieceStart.Add(_pieceCoords.Count);
    }

    private RoadGraph Pack(double[] px, double[] py, int roadsUsed, int roadsExcluded)
    {
        int pieces = _pieceRoad.Count;
        var pieceLength = new double[pieces];
        var nodeOf = new int[_coordIds.Count];
        Array.Fill(nodeOf, -1);
        int nodes = 0;
        for (int p = 0; p < pieces; p++)
        {
            int s = _pieceStart[p], e = _pieceStart[p + 1];
            for (int j = s + 1; j < e; j++)
            {
                int a = _pieceCoords[j - 1], b = _pieceCoords[j];
                pieceLength[p] += Math.Sqrt(((px[b] - px[a]) * (px[b] - px[a])) + ((py[b] - py[a]) * (py[b] - py[a])));
            }

            foreach (int c in (ReadOnlySpan<int>)[_pieceCoords[s], _pieceCoords[e - 1]])
            {
                if (nodeOf[c] < 0)
                {
                    nodeOf[c] = nodes++;
                }
            }
        }

        var keep = IslandFilter.KeepMask(nodes, pieces, p => nodeOf[_pieceCoords[_pieceStart[p]]],
            p => nodeOf[_pieceCoords[_pieceStart[p + 1] - 1]], p => _pieceStart[p + 1] - _pieceStart[p] - 2,
            pieceLength, _options.MinIslandVertices, out var islandStats);

        return Assemble(px, py, nodeOf, keep, pieceLength, roadsUsed, roadsExcluded, islandStats);
    }

    private RoadGraph Assemble(double[] px, double[] py, int[] nodeOf, bool[] keep, double[] pieceLength,
        int roadsUsed, int roadsExcluded, IslandFilter.Result islands)
    {
        int pieces = keep.Length;
        var newId = new int[nodeOf.Length];
        Array.Fill(newId, -1);
        int vertices = 0, edges = 0, coords = 0;
        for (int p = 0; p < pieces; p++)
        {
            if (keep[p] && pieceLength[p] > 0)
            {
                edges++;
                coords += _pieceStart[p + 1] - _pieceStart[p];
                foreach (int c in (ReadOnlySpan<int>)[_pieceCoords[_pieceStart[p]], _pieceCoords[_pieceStart[p + 1] - 1]])
                {
                    if (newId[c] < 0)
                    {
                        newId[c] = vertices++;
                    }
                }
            }
        }

        var from = new int[edges];
        var to = new int[edges];
        var length = new double[edges];
        var spm = new double[edges];
        var dirs = new byte[edges];
        var road = new int[edges];
        var coordStart = new int[edges + 1];
        var x = new double[coords];
        var y = new double[coords];
        var offset = new double[coords];
        int e = 0, k = 0;
        double total = 0;
        for (int p = 0; p < pieces; p++)
        {
            if (!keep[p] || !(pieceLength[p] > 0))
            {
                continue;
            }

            int s = _pieceStart[p], t = _pieceStart[p + 1];
            from[e] = newId[_pieceCoords[s]];
            to[e] = newId[_pieceCoords[t - 1]];
            length[e] = pieceLength[p];
            spm[e] = 3.6 / _pieceSpeed[p];
            dirs[e] = _pieceDirections[p];
            road[e] = _pieceRoad[p];
            coordStart[e] = k;
            for (int j = s; j < t; j++, k++)
            {
                int c = _pieceCoords[j];
                x[k] = px[c];
                y[k] = py[c];
                offset[k] = j == s ? 0 : offset[k - 1] + Math.Sqrt(((x[k] - x[k - 1]) * (x[k] - x[k - 1])) + ((y[k] - y[k - 1]) * (y[k] - y[k - 1])));
            }

            total += length[e];
            e++;
        }

        coordStart[edges] = k;
        var table = new EdgeTable(from, to, length, spm, dirs, road, coordStart, x, y, offset);
        var (firstArc, target, arcEdge, seconds) = Csr(vertices, table);
        var stats = new RoadGraphStats(roadsUsed, roadsExcluded, vertices, edges, total, islands.Islands, islands.Edges, islands.LengthMeters);
        return new RoadGraph(_projection, _profile, stats, firstArc, target, arcEdge, seconds, table);
    }

    private static (int[] First, int[] Target, int[] Edge, double[] Seconds) Csr(int vertices, EdgeTable t)
    {
        var first = new int[vertices + 1];
        for (int e = 0; e < t.Count; e++)
        {
            if (t.AllowsForward(e))
            {
                first[t.From[e] + 1]++;
            }

            if (t.AllowsBackward(e))
            {
                first[t.To[e] + 1]++;
            }
        }

        for (int v = 0; v < vertices; v++)
        {
            first[v + 1] += first[v];
        }

        int arcs = first[vertices];
        var target = new int[arcs];
        var edge = new int[arcs];
        var seconds = new double[arcs];
        var next = first[..vertices];
        for (int e = 0; e < t.Count; e++)
        {
            double cost = t.LengthMeters[e] * t.SecondsPerMeter[e];
            if (t.AllowsForward(e))
            {
                int a = next[t.From[e]]++;
                (target[a], edge[a], seconds[a]) = (t.To[e], e << 1, cost);
            }

            if (t.AllowsBackward(e))
            {
                int a = next[t.To[e]]++;
                (target[a], edge[a], seconds[a]) = (t.From[e], (e << 1) | 1, cost);
            }
        }

        return (first, target, edge, seconds);
    }
}
