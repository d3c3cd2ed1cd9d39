using System.Collections.Immutable;

namespace Planner.Core.Visits;

/// <summary>One social worker's visiting day: a route from the station through the homes and back.</summary>
/// <param name="StationId">The station the route starts and ends at.</param>
/// <param name="WorkerId">The worker, <c>STATION-k</c>.</param>
/// <param name="Date">The day.</param>
/// <param name="Stops">The visits in order.</param>
/// <param name="TravelMinutes">Travel, station to station.</param>
/// <param name="ServiceMinutes">Time at the homes.</param>
/// <param name="ReturnMinute">When the worker is back at the station, minutes after midnight.</param>
public sealed record WorkerDay(
    string StationId, string WorkerId, DateOnly Date, ImmutableArray<PlannedVisit> Stops, double TravelMinutes, double ServiceMinutes, double ReturnMinute);
