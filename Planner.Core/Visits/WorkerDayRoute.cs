using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Visits;

/// <summary>
/// A worker's day drawn on the roads: station → homes in visit order → station along the fastest paths of the
/// plan's graph and mode. Holds case locations: for planners and admins only.
/// </summary>
/// <param name="Day">The worker day.</param>
/// <param name="Line">The route (WGS84), leg after leg; straight legs where the region has no roads.</param>
/// <param name="Stops">The stops in order: the station, each home, the station again.</param>
/// <param name="LegMinutes">Travel minutes of each leg along the drawn line (one fewer than the stops).</param>
public sealed record WorkerDayRoute(WorkerDay Day, ImmutableArray<GeoPoint> Line, ImmutableArray<GeoPoint> Stops, ImmutableArray<double> LegMinutes)
{
    /// <summary>Travel minutes of the whole route.</summary>
    public double Minutes => LegMinutes.Sum();
}
