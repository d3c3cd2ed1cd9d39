using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Standards;

namespace Planner.Core.Visits;

/// <summary>
/// A month of home visits for a region: each social worker's visiting days as routes, the visits that do not fit
/// and why, the cases volunteer teams take, each station's hours and workers needed, the cases visited as often
/// as asked per unit, the <c>workload_hours</c> checks and the quality of the routes.
/// </summary>
public sealed record VisitPlan
{
    /// <summary>The month.</summary>
    public required DateOnly Month { get; init; }

    /// <summary>Working days in the month.</summary>
    public required int WorkingDays { get; init; }

    /// <summary>"network", or "straight-line" when the region has no roads.</summary>
    public required string Method { get; init; }

    /// <summary>Cases planned.</summary>
    public required int Cases { get; init; }

    /// <summary>Every worker's visiting day with at least one visit, by station, worker and date.</summary>
    public required ImmutableArray<WorkerDay> Days { get; init; }

    /// <summary>Visits not in the plan.</summary>
    public required ImmutableArray<UnmetVisit> Unmet { get; init; }

    /// <summary>Cases taken by volunteer teams.</summary>
    public required ImmutableArray<VolunteerVisit> Volunteers { get; init; }

    /// <summary>Per station: hours and workers needed.</summary>
    public required ImmutableArray<StationWorkload> Stations { get; init; }

    /// <summary>Per unit: cases visited as often as asked.</summary>
    public required ImmutableArray<UnitVisits> Units { get; init; }

    /// <summary>The workload_hours checks, one per station.</summary>
    public required ImmutableArray<StandardCheck> Checks { get; init; }

    /// <summary>Travel against the nearest-neighbour plan and a lower bound.</summary>
    public required VisitPlanQuality Quality { get; init; }

    /// <summary>Which station keeps each case (case id → station id; absent when no station is in reach).</summary>
    public required ImmutableDictionary<string, string> StationOf { get; init; }

    /// <summary>
    /// The point visited for each case (its home, or its unit's interior point). Personal data: hosts show it only
    /// to users who may see the case's unit.
    /// </summary>
    public required ImmutableDictionary<string, GeoPoint> Homes { get; init; }

    /// <summary>Visits planned in all.</summary>
    public int VisitsPlanned => Days.Sum(d => d.Stops.Length) + Volunteers.Sum(v => v.Visits);
}
