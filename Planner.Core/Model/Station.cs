using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>A social-work station or service point (社工站 / 服务点).</summary>
/// <param name="Id">Identifier, unique in the region.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="Level">Place in the four-level network.</param>
/// <param name="Status">Planned, built or operating.</param>
/// <param name="SocialWorkers">Full-time social workers on staff.</param>
/// <param name="UnitCode">Code of the unit the station serves, when given.</param>
/// <param name="Supervisors">Full-time supervisors (督导) based at the station, when recorded.</param>
public sealed record Station(string Id, string Name, GeoPoint Location, StationLevel Level, StationStatus Status, int SocialWorkers, string? UnitCode, int? Supervisors = null);
