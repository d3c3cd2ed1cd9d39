using Spectre.Console;

namespace Planner.Cli.Commands;

/// <summary>
/// Progress for commands that can run over a second, drawn on standard error whenever standard error is a
/// terminal, whatever standard output is: <c>planner coverage ... &gt; out.json</c> still shows it, and a
/// redirected standard error (scripts, CI, tests) gets none.
/// </summary>
internal static class TerminalProgress
{
    /// <summary>A console on standard error when it is a terminal; else null (no progress).</summary>
    public static IAnsiConsole? Console()
    {
        if (System.Console.IsErrorRedirected)
        {
            return null;
        }

        // Spectre's own detection looks at standard output; standard error is the terminal that matters here.
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Error),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
    }

    /// <summary>Runs <paramref name="work"/> under a spinner labelled <paramref name="label"/>.</summary>
    public static T Run<T>(string label, Func<T> work)
    {
        if (Console() is not { } terminal)
        {
            return work();
        }

        return terminal.Status().Start(label, _ => work());
    }

    /// <summary>Runs <paramref name="work"/> under a spinner labelled <paramref name="label"/>.</summary>
    public static async Task<T> RunAsync<T>(string label, Func<Task<T>> work)
    {
        if (Console() is not { } terminal)
        {
            return await work().ConfigureAwait(false);
        }

        return await terminal.Status().StartAsync(label, _ => work()).ConfigureAwait(false);
    }
}
