using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>A candidate site for a new station.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="Cost">Cost of opening it (any currency unit, used against a budget); 1 when not given.</param>
public sealed record Candidate(string Id, string Name, GeoPoint Location, double Cost);
