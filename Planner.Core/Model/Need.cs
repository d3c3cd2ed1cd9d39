using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>An entry of the need list (需求清单): a resident's need at a place.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="Kind">Kind of service needed; matched against team skills.</param>
/// <param name="Group">Population group the person belongs to (elderly, children, ...).</param>
/// <param name="HoursPerWeek">Hours of service per week.</param>
/// <param name="UnitCode">Unit, when given.</param>
public sealed record Need(string Id, GeoPoint Location, string Kind, string Group, double HoursPerWeek, string? UnitCode);
