using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Planner.Core.Network;

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
[JsonDerivedType(typeof(RenameStationEdit), "rename_station")]
[JsonDerivedType(typeof(ChangeLevelEdit), "change_level")]
[JsonDerivedType(typeof(SetSupervisorsEdit), "set_supervisors")]
[JsonDerivedType(typeof(SetMinutesEdit), "set_minutes")]
[JsonDerivedType(typeof(SetModeEdit), "set_mode")]
[JsonDerivedType(typeof(SetSpeedEdit), "set_speed")]
[JsonDerivedType(typeof(ScaleGroupEdit), "scale_group")]
[JsonDerivedType(typeof(AddTeamEdit), "add_team")]
[JsonDerivedType(typeof(RemoveTeamEdit), "remove_team")]
public abstract record ScenarioEdit
{
    // The kinds are the discriminators declared above, so a new kind is named in one place.
    private static readonly FrozenDictionary<Type, string> Kinds = typeof(ScenarioEdit)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false).Cast<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The JSON <c>kind</c> of this edit (its type discriminator), used in messages.</summary>
    [JsonIgnore]
    public string Kind => Kinds.GetValueOrDefault(GetType(), GetType().Name);

    /// <summary>Most full-time social workers one station may be given (a sanity bound against typing slips).</summary>
    public const int MaxSocialWorkers = 1000;

    /// <summary>Largest population multiplier of <see cref="ScaleGroupEdit"/> (a hundredfold).</summary>
    public const double MaxScaleFactor = 100;

    /// <summary>
    /// Checks this edit's fields against the region as the earlier edits left it, reporting through
    /// <paramref name="check"/>, and records what it adds or removes for the later edits. Each kind keeps its own rules
    /// here, so that adding a kind touches only its type, its application and its parser.
    /// </summary>
    internal abstract void Check(ScenarioEditCheck check);
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
public sealed record AddStationEdit(string Id, string Name, double Lon, double Lat, string Level = "township_station", string Status = "operating", int SocialWorkers = 3, string? UnitCode = null) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.NewStation(nameof(Id), Id);
        check.Position(nameof(Lon), Lon, Lat);
        check.StationLevel(nameof(Level), Level);
        check.StationStatus(nameof(Status), Status);
        check.Count(nameof(SocialWorkers), SocialWorkers, MaxSocialWorkers, "social workers");
        check.OptionalUnit(nameof(UnitCode), UnitCode);
    }
}

/// <summary>Moves an existing station to a new position.</summary>
/// <param name="StationId">Station to move.</param>
/// <param name="Lon">New longitude, WGS84 degrees.</param>
/// <param name="Lat">New latitude, WGS84 degrees.</param>
public sealed record MoveStationEdit(string StationId, double Lon, double Lat) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.Position(nameof(Lon), Lon, Lat);
    }
}

/// <summary>Removes (closes) a station.</summary>
/// <param name="StationId">Station to remove.</param>
public sealed record RemoveStationEdit(string StationId) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.RemovedStation(StationId);
    }
}

/// <summary>Sets the number of full-time social workers of a station.</summary>
/// <param name="StationId">Station to restaff.</param>
/// <param name="SocialWorkers">New number of full-time social workers (0 to <see cref="ScenarioEdit.MaxSocialWorkers"/>).</param>
public sealed record RestaffStationEdit(string StationId, int SocialWorkers) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.Count(nameof(SocialWorkers), SocialWorkers, MaxSocialWorkers, "social workers");
    }
}

/// <summary>Changes the status of a station (planned, built, operating).</summary>
/// <param name="StationId">Station to change.</param>
/// <param name="Status">New status file name.</param>
public sealed record ChangeStatusEdit(string StationId, string Status) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.StationStatus(nameof(Status), Status);
    }
}

/// <summary>Renames a station (its display name; the id stays).</summary>
/// <param name="StationId">Station to rename.</param>
/// <param name="Name">New display name, not blank.</param>
public sealed record RenameStationEdit(string StationId, string Name) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        if (string.IsNullOrWhiteSpace(Name))
        {
            check.Problem(nameof(Name), "a station's name cannot be blank", ScenarioProblemKind.Malformed);
        }
    }
}

/// <summary>Changes the level of a station (county_center, area_center, township_station, village_point).</summary>
/// <param name="StationId">Station to change.</param>
/// <param name="Level">New level file name.</param>
public sealed record ChangeLevelEdit(string StationId, string Level) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.StationLevel(nameof(Level), Level);
    }
}

/// <summary>Sets the number of supervisors of a station (0 to <see cref="ScenarioEdit.MaxSocialWorkers"/>).</summary>
/// <param name="StationId">Station to change.</param>
/// <param name="Supervisors">New number of supervisors.</param>
public sealed record SetSupervisorsEdit(string StationId, int Supervisors) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingStation(nameof(StationId), StationId);
        check.Count(nameof(Supervisors), Supervisors, MaxSocialWorkers, "supervisors");
    }
}

/// <summary>Sets the service-circle limit in minutes (the 15 of the 15-minute circle).</summary>
/// <param name="Minutes">Limit in minutes, within <see cref="TravelLimits.Minutes"/>.</param>
public sealed record SetMinutesEdit(double Minutes) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check) =>
        check.InRange(nameof(Minutes), Minutes, TravelLimits.Minutes, "minutes", "minutes");
}

/// <summary>Sets the travel mode (one of <see cref="TravelLimits.Modes"/>).</summary>
/// <param name="Mode">Mode name.</param>
public sealed record SetModeEdit(string Mode) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check) => check.Mode(nameof(Mode), Mode);
}

/// <summary>Overrides the travel speed of the mode.</summary>
/// <param name="SpeedKmh">Speed in km/h, within <see cref="TravelLimits.SpeedKmh"/>.</param>
public sealed record SetSpeedEdit(double SpeedKmh) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check) =>
        check.InRange(nameof(SpeedKmh), SpeedKmh, TravelLimits.SpeedKmh, "speed", "km/h");
}

/// <summary>
/// Multiplies the count of one population group in a unit and all its descendants (e.g. elderly ×1.2 in a
/// township). A demand point is in the unit when its unit code is the unit or one of its descendants, or,
/// when its unit code is empty or unknown, when the unit's boundary covers its position. When the group is
/// not <c>total</c> and the region has a <c>total</c> group, the total changes by the same number of people.
/// </summary>
/// <param name="Group">Population group name.</param>
/// <param name="UnitCode">Unit code.</param>
/// <param name="Factor">Multiplier, more than 0 and at most <see cref="ScenarioEdit.MaxScaleFactor"/> (1.2 = +20%).</param>
public sealed record ScaleGroupEdit(string Group, string UnitCode, double Factor) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.Group(nameof(Group), Group);
        if (!(Factor > 0) || !double.IsFinite(Factor))
        {
            check.Problem(nameof(Factor), FormattableString.Invariant($"factor {Factor} must be more than 0"), ScenarioProblemKind.OutOfRange);
        }
        else if (Factor > MaxScaleFactor)
        {
            check.Problem(nameof(Factor), FormattableString.Invariant($"factor {Factor} is more than {MaxScaleFactor}"), ScenarioProblemKind.OutOfRange);
        }

        check.Unit(nameof(UnitCode), UnitCode);
    }
}

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
public sealed record AddTeamEdit(string Id, string Name, double Lon, double Lat, int Members, int ActiveMembers, ImmutableArray<string> Skills, double WeeklyHours, string? UnitCode = null) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.NewTeam(nameof(Id), Id);
        check.Position(nameof(Lon), Lon, Lat);
        if (Members < 0 || ActiveMembers < 0 || ActiveMembers > Members)
        {
            check.Problem(Members < 0 ? nameof(Members) : nameof(ActiveMembers),
                FormattableString.Invariant($"members {Members} and active members {ActiveMembers} must be 0 or more, active at most members"), ScenarioProblemKind.OutOfRange);
        }

        if (!(WeeklyHours >= 0) || !double.IsFinite(WeeklyHours))
        {
            check.Problem(nameof(WeeklyHours), FormattableString.Invariant($"weekly hours {WeeklyHours} must be 0 or more"), ScenarioProblemKind.OutOfRange);
        }

        check.OptionalUnit(nameof(UnitCode), UnitCode);
    }
}

/// <summary>Removes a volunteer team.</summary>
/// <param name="TeamId">Team to remove.</param>
public sealed record RemoveTeamEdit(string TeamId) : ScenarioEdit
{
    internal override void Check(ScenarioEditCheck check)
    {
        check.ExistingTeam(nameof(TeamId), TeamId);
        check.RemovedTeam(TeamId);
    }
}
