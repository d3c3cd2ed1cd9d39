using System.CommandLine;
using System.CommandLine.Parsing;

namespace Planner.Cli.Commands;

/// <summary>
/// Parse errors of the workspace commands (<c>scenario ...</c>, <c>export</c>, <c>import FOLDER --into</c>) are bad
/// input: one line per problem and exit code 2, not the help text and exit code 1.
/// </summary>
internal static class ParseErrors
{
    /// <summary>Prints the errors and returns 2 when <paramref name="parse"/> failed inside a workspace command; else null.</summary>
    public static int? Report(ParseResult parse, TextWriter error)
    {
        if (parse.Errors.Count == 0 || !IsWorkspaceCommand(parse.CommandResult))
        {
            return null;
        }

        foreach (var e in parse.Errors)
        {
            error.WriteLine(e.Message);
        }

        return ExitCodes.BadInput;
    }

    private static bool IsWorkspaceCommand(CommandResult result)
    {
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command.Name: "scenario" or "export" } || (r == result && result.Command.Name == "import"))
            {
                return true;
            }
        }

        return false;
    }
}
