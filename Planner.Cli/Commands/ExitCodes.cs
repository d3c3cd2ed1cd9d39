namespace Planner.Cli.Commands;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The input had problems (bad data, bad options); one line per problem was printed.</summary>
    public const int BadInput = 2;
}
