using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>A volunteer team (志愿服务队) with a home base, members, skills and weekly hours.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Base">WGS84 home base.</param>
/// <param name="Members">Real-name registered members.</param>
/// <param name="ActiveMembers">Members who served in the reporting period.</param>
/// <param name="Skills">Kinds of need the team can serve (haircut, clinic, repair, tutoring, patrol, psychological, ...).</param>
/// <param name="WeeklyHours">Hours of service the team can give per week.</param>
/// <param name="UnitCode">Unit the team belongs to, when given.</param>
/// <param name="RegisteredMembers">Members registered under their real name (实名注册), when known.</param>
public sealed record VolunteerTeam(string Id, string Name, GeoPoint Base, int Members, int ActiveMembers, ImmutableArray<string> Skills, double WeeklyHours, string? UnitCode, int? RegisteredMembers = null);
