using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// The fallback for regions without roads: travel time is the straight distance in the local projection times
/// the circuity factor, at the profile's base speed; the distance a cap is checked against is the same
/// straight distance times the circuity factor. Service circles are true circles of the reachable radius.
/// </summary>
internal sealed class StraightLineTravelTimes : ITravelTimes
{
    private static readonly GeometryFactory Factory = GeometryFactories.Projected;
    private readonly CoverageContext _context;
    private readonly ProjectedPoint[] _stations;
    private readonly double _secondsPerMeter;
    private readonly PointGrid _grid;
    private readonly CoverageOptions _options;

    public StraightLineTravelTimes(CoverageContext context, ProjectedPoint[] stations, CoverageOptions options)
    {
        _context = context;
        _stations = stations;
        _options = options;
        _secondsPerMeter = options.CircuityFactor * 3.6 / context.Profile.SpeedKmh;
        _grid = new PointGrid(context.DemandXy, 500);
    }

    public bool IsPointReachable(int point) => true;

    public bool IsStationReachable(int station) => true;

    public void Nearest(double[] seconds, int[] station)
    {
        var xy = _context.DemandXy;
        Parallel.For(0, xy.Length, CoverageContext.Parallelism(_options), p =>
        {
            double best = double.PositiveInfinity;
            int label = -1;
            for (int s = 0; s < _stations.Length; s++)
            {
                double t = xy[p].DistanceMeters(_stations[s]) * _secondsPerMeter;
                if (t < best)
                {
                    (best, label) = (t, s);
                }
            }

            (seconds[p], station[p]) = (best, label);
        });
    }

    public ICatchmentWorker CreateWorker() => new Worker(this);

    private sealed class Worker(StraightLineTravelTimes owner) : ICatchmentWorker
    {
        private ProjectedPoint _center;

        public void Catchment(int station, double limitSeconds, List<ReachedPoint> result)
        {
            result.Clear();
            _center = owner._stations[station];
            double circuity = owner._options.CircuityFactor;
            owner._grid.Within(_center, limitSeconds / owner._secondsPerMeter, (p, d) => result.Add(new ReachedPoint(p, d * owner._secondsPerMeter, d * circuity)));
        }

        public Geometry? Circle(double limitSeconds)
        {
            double radius = limitSeconds / owner._secondsPerMeter;
            return radius > 0 ? Factory.CreatePoint(new Coordinate(_center.X, _center.Y)).Buffer(radius, 16) : null;
        }
    }
}
