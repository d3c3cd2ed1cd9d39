using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>A demand item of a coverage matrix: a demand point, tract or need, with people per group.</summary>
/// <param name="Id">Identifier, unique in the matrix.</param>
/// <param name="Counts">People per group, in the order of the matrix's population groups.</param>
/// <param name="UnitCode">Code of the unit it lies in (reported as a unit whose coverage rises), when known.</param>
/// <param name="Location">WGS84 position, when known.</param>
public sealed record SitingDemand(string Id, ImmutableArray<double> Counts, string? UnitCode = null, GeoPoint? Location = null);
