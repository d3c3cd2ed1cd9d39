using Planner.Cli.Commands;

namespace Planner.Cli.Tests;

/// <summary>
/// Runs <c>planner</c> in-process as Program.cs does (same root, same parse-error and exception handling) and captures what it
/// writes. Some commands write to <see cref="Console"/> directly, so the console is redirected too; the test
/// assembly runs its classes one at a time for that reason.
/// </summary>
internal static class PlannerCli
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exit = CliInvocation.RunAsync(args, output, error).GetAwaiter().GetResult();
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
