namespace Planner.Cli.Commands;

/// <summary>
/// The one table of process exit codes, shared by every command (README "CLI conventions"). A code means one
/// thing everywhere: 1 is only ever a failed rule, never an error.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but found a failing rule (<c>planner check</c>).</summary>
    public const int RuleFailed = 1;

    /// <summary>
    /// The input had problems (bad data, bad options, an output path that cannot be written, a request that
    /// cannot be met); one line per problem was printed.
    /// </summary>
    public const int BadInput = 2;

    /// <summary>A save was based on an old version: someone else changed the scenario or region since it was read.</summary>
    public const int Conflict = 3;

    /// <summary>The workspace store could not be reached (PostGIS down, file not openable).</summary>
    public const int StoreUnavailable = 4;

    /// <summary>A bug: an unexpected exception. One line, with the stack trace only under <c>--verbose</c>.</summary>
    public const int InternalError = 5;
}
