namespace Planner.Cli.Commands;

/// <summary>
/// Bad input found deep inside a command (an output file that cannot be written): <see cref="CliInvocation"/>
/// prints <see cref="Problems"/> one per line and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal sealed class BadInputException : Exception
{
    /// <summary>Creates the exception for one or more problems, each a line for the user.</summary>
    public BadInputException(params string[] problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>One line per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}
