using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary>
/// Parse errors (an unknown option, a missing argument, a value of the wrong type) are bad input like any other:
/// one line per problem and exit code 2, for every command, not the help text and System.CommandLine's exit code 1.
/// </summary>
internal static class ParseErrors
{
    /// <summary>Prints the errors and returns 2 when <paramref name="parse"/> failed; else null.</summary>
    public static int? Report(ParseResult parse, TextWriter error)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        foreach (var e in parse.Errors)
        {
            error.WriteLine(e.Message);
        }

        return ExitCodes.BadInput;
    }
}
