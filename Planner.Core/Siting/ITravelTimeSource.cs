using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>
/// Travel times between sets of places within a limit: the seam through which the road-network engine
/// (bounded Dijkstra searches from each origin) feeds siting and volunteer matching. Until it is wired,
/// <see cref="StraightLineTravelTimes"/> is the fallback for regions without roads.
/// </summary>
public interface ITravelTimeSource
{
    /// <summary>True when times are straight-line estimates, not network times; results must say so.</summary>
    bool IsStraightLine { get; }

    /// <summary>Every (origin, target) pair reachable within <paramref name="limitMinutes"/>, with its travel time in minutes.</summary>
    /// <param name="origins">Origins (stations, candidates, team bases), WGS84.</param>
    /// <param name="targets">Targets (demand points, needs), WGS84.</param>
    /// <param name="limitMinutes">Largest travel time kept.</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    IReadOnlyList<(int Origin, int Target, double Minutes)> Within(
        IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> targets, double limitMinutes, CancellationToken cancellationToken);
}
