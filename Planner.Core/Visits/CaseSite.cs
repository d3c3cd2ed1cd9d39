using Planner.Core.Geo;

namespace Planner.Core.Visits;

/// <summary>A case with where it is planned: its home (or its unit's interior point), its unit, its station and worker.</summary>
/// <param name="Case">The case.</param>
/// <param name="Home">The point visited.</param>
/// <param name="UnitCode">The unit counted in the per-unit figures, or null.</param>
/// <param name="Station">Index of the station keeping it, or -1.</param>
/// <param name="Worker">Index of the pinned worker at that station, or -1.</param>
/// <param name="OffRoad">Whether the home is beyond the snap distance of every road of the mode (no station is given then).</param>
internal sealed record CaseSite(VisitCase Case, GeoPoint Home, string? UnitCode, int Station, int Worker, bool OffRoad = false);
