namespace Planner.Core.Scenarios;

/// <summary>What is wrong with a scenario edit; hosts map it to their own answer (an HTTP status, an exit code).</summary>
public enum ScenarioProblemKind
{
    /// <summary>A value is missing or of the wrong type (a string where a number belongs); the edit cannot be read.</summary>
    Malformed,

    /// <summary>A name refers to nothing: an unknown edit kind, station, team, unit, group, mode, level or status.</summary>
    Unknown,

    /// <summary>A new id is already taken by a station or team of the region (or by an earlier edit).</summary>
    Conflict,

    /// <summary>A number or a position lies outside what is accepted (minutes, speed, staff, factor, the region).</summary>
    OutOfRange,
}
