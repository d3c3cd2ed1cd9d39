using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Planner.Core.Scenarios;

/// <summary>
/// One edit of a what-if scenario. Edits are data: they serialise to JSON objects whose <c>kind</c> names
/// the edit (<c>add_station</c>, <c>move_station</c>, ...), and they are applied in order by
/// <see cref="ScenarioApplier"/>. Positions are WGS84 longitude/latitude degrees.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AddStationEdit), "add_station")]
[JsonDerivedType(typeof(MoveStationEdit), "move_station")]
[JsonDerivedType(typeof(RemoveStationEdit), "remove_station")]
[JsonDerivedType(typeof(RestaffStationEdit), "restaff_station")]
[JsonDerivedType(typeof(ChangeStatusEdit), "change_status")]
[JsonDerivedType(typeof(SetMinutesEdit), "set_minutes")]
[JsonDerivedType(typeof(SetModeEdit), "set_mode")]
[JsonDerivedType(typeof(SetSpeedEdit), "set_speed")]
[JsonDerivedType(typeof(ScaleGroupEdit), "scale_group")]
[JsonDerivedType(typeof(AddTeamEdit), "add_team")]
[JsonDerivedType(typeof(RemoveTeamEdit), "remove_team")]
public abstract record ScenarioEdit
{
    /// <summary>The JSON <c>kind</c> of this edit, used in messages.</summary>
    [JsonIgnore]
    public string Kind => this switch
    {
        AddStationEdit => "add_station",
        MoveStationEdit => "move_station",
        RemoveStationEdit => "remove_station",
        RestaffStationEdit => "restaff_station",
        ChangeStatusEdit => "change_status",
        SetMinutesEdit => "set_minutes",
        SetModeEdit => "set_mode",
        SetSpeedEdit => "set_speed",
        ScaleGroupEdit => "scale_group",
        AddTeamEdit => "add_team",
        RemoveTeamEdit => "remove_team",
        _ => GetType().Name,
    };
}

/// <summary>Adds a station (a new site) at a position.</summary>
/// <param name="Id">New station id, unique in the region.</param>
/// <param name="Name">Display name.</param>
/// <param name="Lon">Longitude, WGS84 degrees.</param>
/// <param name="Lat">Latitude, WGS84 degrees.</param>
/// <param name="Level">Station level file name (county_center, area_center, township_station, village_point).</param>
/// <param name="Status">Status file name (planned, built, operating).</param>
/// <param name="SocialWorkers">Full-time social workers.</param>
/// <param name="UnitCode">Unit served, when known.</param>
public sealed record AddStationEdit(string Id, string Name, double Lon, double Lat, string Level = "township_station", string Status = "operating", int SocialWorkers = 3, string? UnitCode = null) : ScenarioEdit;

/// <summary>Moves an existing station to a new position.</summary>
/// <param name="StationId">Station to move.</param>
/// <param name="Lon">New longitude, WGS84 degrees.</param>
/// <param name="Lat">New latitude, WGS84 degrees.</param>
public sealed record MoveStationEdit(string StationId, double Lon, double Lat) : ScenarioEdit;

/// <summary>Removes (closes) a station.</summary>
/// <param name="StationId">Station to remove.</param>
public sealed record RemoveStationEdit(string StationId) : ScenarioEdit;

/// <summary>Sets the number of full-time social workers of a station.</summary>
/// <param name="StationId">Station to restaff.</param>
/// <param name="SocialWorkers">New number of full-time social workers (0 or more).</param>
public sealed record RestaffStationEdit(string StationId, int SocialWorkers) : ScenarioEdit;

/// <summary>Changes the status of a station (planned, built, operating).</summary>
/// <param name="StationId">Station to change.</param>
/// <param name="Status">New status file name.</param>
public sealed record ChangeStatusEdit(string StationId, string Status) : ScenarioEdit;

/// <summary>Sets the service-circle limit in minutes (the 15 of the 15-minute circle).</summary>
/// <param name="Minutes">Limit in minutes, more than 0 and at most 240.</param>
public sealed record SetMinutesEdit(double Minutes) : ScenarioEdit;

/// <summary>Sets the travel mode (see <see cref="TravelParameters.KnownModes"/>).</summary>
/// <param name="Mode">Mode name.</param>
public sealed record SetModeEdit(string Mode) : ScenarioEdit;

/// <summary>Overrides the travel speed of the mode.</summary>
/// <param name="SpeedKmh">Speed in km/h, more than 0 and at most 120.</param>
public sealed record SetSpeedEdit(double SpeedKmh) : ScenarioEdit;

/// <summary>
/// Multiplies the count of one population group in a unit and all its descendants (e.g. elderly ×1.2 in a
/// township). A demand point is in the unit when its unit code is the unit or one of its descendants, or,
/// when its unit code is empty or unknown, when the unit's boundary covers its position. When the group is
/// not <c>total</c> and the region has a <c>total</c> group, the total changes by the same number of people.
/// </summary>
/// <param name="Group">Population group name.</param>
/// <param name="UnitCode">Unit code.</param>
/// <param name="Factor">Multiplier, more than 0 (1.2 = +20%).</param>
public sealed record ScaleGroupEdit(string Group, string UnitCode, double Factor) : ScenarioEdit;

/// <summary>Adds a volunteer team.</summary>
/// <param name="Id">New team id, unique in the region.</param>
/// <param name="Name">Display name.</param>
/// <param name="Lon">Home base longitude, WGS84 degrees.</param>
/// <param name="Lat">Home base latitude, WGS84 degrees.</param>
/// <param name="Members">Registered members.</param>
/// <param name="ActiveMembers">Active members (at most <paramref name="Members"/>).</param>
/// <param name="Skills">Skills (kinds of need served).</param>
/// <param name="WeeklyHours">Hours per week the team can give.</param>
/// <param name="UnitCode">Unit the team belongs to, when known.</param>
public sealed record AddTeamEdit(string Id, string Name, double Lon, double Lat, int Members, int ActiveMembers, ImmutableArray<string> Skills, double WeeklyHours, string? UnitCode = null) : ScenarioEdit;

/// <summary>Removes a volunteer team.</summary>
/// <param name="TeamId">Team to remove.</param>
public sealed record RemoveTeamEdit(string TeamId) : ScenarioEdit;
