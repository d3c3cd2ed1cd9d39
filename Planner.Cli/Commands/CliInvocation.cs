using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary>
/// Parses and runs one <c>planner</c> command line and maps every outcome to the table in <see cref="ExitCodes"/>:
/// parse errors and <see cref="BadInputException"/> are 2 with one line each; any other exception is an internal
/// error, 5, reported in one line, with the stack trace only when <c>--verbose</c> was given.
/// </summary>
internal static class CliInvocation
{
    /// <summary>The option, valid on every command, that asks for stack traces of internal errors.</summary>
    public const string VerboseOption = "--verbose";

    /// <summary>Runs <paramref name="args"/> against the full command catalog.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(CommandCatalog.Root(), args, output, error);

    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/>, whose <c>--verbose</c> option is added here.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>(VerboseOption) { Description = "On an internal error, print the stack trace too.", Recursive = true };
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (ParseErrors.Report(parse, error) is { } code)
        {
            return code;
        }

        try
        {
            // The default handler prints the whole exception and exits 1; the table says 5, one line.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (BadInputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: not a bug. 130 is what a shell reports for a process ended by SIGINT, as System.CommandLine does.
            error.WriteLine("cancelled");
            return 130;
        }
#pragma warning disable CA1031 // The process boundary: every unexpected exception becomes exit code 5.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine(parse.GetValue(verbose)
                ? $"internal error: {ex}"
                : $"internal error: {ex.GetType().Name}: {FirstLine(ex.Message)} (run again with --verbose for the stack trace)");
            return ExitCodes.InternalError;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
