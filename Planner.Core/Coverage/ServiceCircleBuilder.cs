using Planner.Core.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Builds a service-circle polygon (projected metres) from a finished bounded search: every road piece reached
/// within the limit (whole edges, and the partial edges where the time runs out, including the station's own
/// edge) is buffered by a fixed width and unioned, then simplified by Douglas-Peucker. The union is computed on
/// a raster of small cells (<see cref="RasterBuffer"/>, error at most one cell) or, with a cell size of 0, exactly
/// by vector overlay (slow for large circles). The result follows the
/// roads, keeps holes where nothing is reachable, and is neither a circle nor a convex hull.
/// </summary>
internal sealed class ServiceCircleBuilder
{
    private static readonly GeometryFactory Factory = GeometryFactories.Projected;
    private static readonly PrecisionModel Metre = new(10.0);
    private readonly RoadGraph _graph;
    private readonly double _bufferMeters;
    private readonly double _simplifyMeters;
    private readonly double _cellMeters;
    private readonly int[] _edgeStamp;
    private readonly BufferParameters _parameters = new(2, EndCapStyle.Round, JoinStyle.Round, 5);
    private int _generation;

    public ServiceCircleBuilder(RoadGraph graph, double bufferMeters, double simplifyMeters, double cellMeters)
    {
        _cellMeters = cellMeters;
        _graph = graph;
        _bufferMeters = bufferMeters;
        _simplifyMeters = simplifyMeters;
        _edgeStamp = new int[graph.EdgeCount];
    }

    /// <summary>The circle of <paramref name="source"/> within <paramref name="limitSeconds"/> from a search already run from it.</summary>
    public Geometry? Build(Dijkstra search, NetworkLocation source, double limitSeconds)
    {
        _generation++;
        var t = _graph.Edges;
        var lines = new List<LineString>();
        int[] first = _graph.FirstArc, arcEdge = _graph.ArcEdge;
        foreach (int v in search.Settled)
        {
            double rem = limitSeconds - search.SecondsTo(v);
            if (rem < 0)
            {
                continue;
            }

            for (int a = first[v]; a < first[v + 1]; a++)
            {
                int e = arcEdge[a] >> 1;
                bool backward = (arcEdge[a] & 1) != 0;
                double reach = rem / t.SecondsPerMeter[e], len = t.LengthMeters[e];
                if (reach >= len)
                {
                    if (_edgeStamp[e] != _generation)
                    {
                        _edgeStamp[e] = _generation;
                        lines.Add(Factory.CreateLineString(t.Piece(e, 0, len)));
                    }
                }
                else if (reach > 0)
                {
                    lines.Add(Factory.CreateLineString(backward ? t.Piece(e, len - reach, len) : t.Piece(e, 0, reach)));
                }
            }
        }

        int se = source.Edge;
        double own = (limitSeconds / t.SecondsPerMeter[se]) - source.LegMeters;
        if (own > 0)
        {
            double lo = t.AllowsBackward(se) ? source.OffsetMeters - own : source.OffsetMeters;
            double hi = t.AllowsForward(se) ? source.OffsetMeters + own : source.OffsetMeters;
            var piece = t.Piece(se, lo, hi);
            lines.Add(piece[0].Equals2D(piece[^1]) ? Factory.CreateLineString([piece[0], new Coordinate(piece[0].X + 0.01, piece[0].Y)]) : Factory.CreateLineString(piece));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        Geometry? buffered;
        if (_cellMeters > 0)
        {
            buffered = RasterBuffer.Union([.. lines.Select(l => l.Coordinates)], _bufferMeters, _cellMeters, Factory);
            if (buffered is null)
            {
                return null;
            }
        }
        else
        {
            // The exact vector union: each piece buffered, then unioned on a 0.1 m grid (snap-rounding); buffering
            // one multi-line of many overlapping pieces instead is far slower.
            var pieces = lines.Select(l => BufferOp.Buffer(l, _bufferMeters, _parameters)).ToArray();
            buffered = UnaryUnionNG.Union((Geometry)Factory.CreateGeometryCollection(pieces), Metre);
        }

        return _simplifyMeters > 0 ? DouglasPeuckerSimplifier.Simplify(buffered, _simplifyMeters) : buffered;
    }
}
