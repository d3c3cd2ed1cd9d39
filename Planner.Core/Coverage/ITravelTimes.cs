using NetTopologySuite.Geometries;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// Travel times between the counted stations and the demand points of a <see cref="CoverageContext"/>, in
/// seconds at the profile's own speeds (a run scales limits for other paces). Implemented along the road
/// network and by the straight-line fallback.
/// </summary>
internal interface ITravelTimes
{
    /// <summary>For every point: seconds to its nearest station and that station's index (+∞ and -1 when none).</summary>
    void Nearest(double[] seconds, int[] station);

    /// <summary>False when the point cannot join the network (too far from every allowed road).</summary>
    bool IsPointReachable(int point);

    /// <summary>False when the station cannot join the network.</summary>
    bool IsStationReachable(int station);

    /// <summary>A worker with its own buffers for per-station searches (one per thread).</summary>
    ICatchmentWorker CreateWorker();
}

/// <summary>Per-thread bounded searches from one station.</summary>
internal interface ICatchmentWorker
{
    /// <summary>Every point within <paramref name="limitSeconds"/> of station <paramref name="station"/>, with its seconds and the metres of that path.</summary>
    void Catchment(int station, double limitSeconds, List<ReachedPoint> result);

    /// <summary>
    /// The service circle (projected metres) of the station of the last <see cref="Catchment"/> call within
    /// <paramref name="limitSeconds"/>, which must not exceed that call's limit; null when nothing is reached.
    /// </summary>
    Geometry? Circle(double limitSeconds);
}
