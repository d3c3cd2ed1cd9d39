namespace Planner.Cli.Commands;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but found a failing rule (<c>planner check</c>).</summary>
    public const int RuleFailed = 1;

    /// <summary>The input had problems (bad data, bad options); one line per problem was printed.</summary>
    public const int BadInput = 2;

    /// <summary>A save was based on an old version: someone else changed the scenario or region since it was read.</summary>
    public const int Conflict = 3;

    /// <summary>The workspace store could not be reached (PostGIS down, file not openable).</summary>
    public const int StoreUnavailable = 4;
}
