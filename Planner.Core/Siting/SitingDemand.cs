using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>A demand item of a coverage matrix: a demand point, tract or need, with people per group.</summary>
/// <param name="Id">Identifier, unique in the matrix.</param>
/// <param name="Counts">People per group, in the order of the matrix's population groups.</param>
/// <param name="UnitCode">Code of the unit it lies in (reported as a unit whose coverage rises), when known.</param>
/// <param name="Location">WGS84 position, when known.</param>
/// <param name="PointId">
/// The demand point the item belongs to when one point is split into several items (one per walking pace);
/// null when the item is a whole point. Counts of uncovered demand count points, not items.
/// </param>
public sealed record SitingDemand(string Id, ImmutableArray<double> Counts, string? UnitCode = null, GeoPoint? Location = null, string? PointId = null)
{
    /// <summary>The demand point this item is (part of).</summary>
    public string Point => PointId ?? Id;
}
