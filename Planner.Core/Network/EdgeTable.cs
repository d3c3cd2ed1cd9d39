using NetTopologySuite.Geometries;
using Planner.Core.Geo;

namespace Planner.Core.Network;

/// <summary>
/// The edges of a <see cref="RoadGraph"/> as parallel arrays: endpoints, length (m), seconds per metre, allowed
/// directions, source road, and the geometry as a flat run of projected coordinates with the distance of each
/// coordinate from the edge start.
/// </summary>
internal sealed class EdgeTable
{
    public EdgeTable(int[] from, int[] to, double[] lengthMeters, double[] secondsPerMeter, byte[] directions, int[] road,
        int[] coordStart, double[] x, double[] y, double[] offset)
    {
        From = from;
        To = to;
        LengthMeters = lengthMeters;
        SecondsPerMeter = secondsPerMeter;
        Directions = directions;
        Road = road;
        CoordStart = coordStart;
        X = x;
        Y = y;
        Offset = offset;
    }

    public int Count => From.Length;

    public int[] From { get; }

    public int[] To { get; }

    public double[] LengthMeters { get; }

    public double[] SecondsPerMeter { get; }

    public byte[] Directions { get; }

    public int[] Road { get; }

    /// <summary>Coordinates of edge e are <c>CoordStart[e] .. CoordStart[e+1]-1</c>.</summary>
    public int[] CoordStart { get; }

    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>Distance in metres from the edge's first coordinate along the edge.</summary>
    public double[] Offset { get; }

    public bool AllowsForward(int e) => (Directions[e] & (byte)TravelDirections.Forward) != 0;

    public bool AllowsBackward(int e) => (Directions[e] & (byte)TravelDirections.Backward) != 0;

    public ProjectedPoint PointAlong(int e, double offsetMeters)
    {
        int start = CoordStart[e], end = CoordStart[e + 1] - 1;
        double o = Math.Clamp(offsetMeters, 0, LengthMeters[e]);
        int i = start;
        while (i < end - 1 && Offset[i + 1] < o)
        {
            i++;
        }

        double seg = Offset[i + 1] - Offset[i];
        double t = seg > 0 ? (o - Offset[i]) / seg : 0;
        return new ProjectedPoint(X[i] + (t * (X[i + 1] - X[i])), Y[i] + (t * (Y[i + 1] - Y[i])));
    }

    /// <summary>The piece of edge e between two offsets (metres, any order) as projected coordinates.</summary>
    public Coordinate[] Piece(int e, double fromMeters, double toMeters)
    {
        double a = Math.Clamp(Math.Min(fromMeters, toMeters), 0, LengthMeters[e]);
        double b = Math.Clamp(Math.Max(fromMeters, toMeters), 0, LengthMeters[e]);
        var list = new List<Coordinate>(4);
        var pa = PointAlong(e, a);
        list.Add(new Coordinate(pa.X, pa.Y));
        for (int i = CoordStart[e] + 1; i < CoordStart[e + 1] - 1; i++)
        {
            if (Offset[i] > a && Offset[i] < b)
            {
                list.Add(new Coordinate(X[i], Y[i]));
            }
        }

        var pb = PointAlong(e, b);
        list.Add(new Coordinate(pb.X, pb.Y));
        return [.. list];
    }
}
