using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>A place where people live, with a count per population group.</summary>
/// <param name="Id">Identifier, unique in the region.</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="UnitCode">Code of the lowest unit it belongs to, when given.</param>
/// <param name="Counts">People per group, in the order of the region's <see cref="PopulationGroups"/>.</param>
public sealed record DemandPoint(string Id, GeoPoint Location, string? UnitCode, ImmutableArray<double> Counts);
