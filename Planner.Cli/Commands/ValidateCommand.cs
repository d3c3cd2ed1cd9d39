using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary><c>planner validate &lt;region&gt;</c>: loads a region folder, prints a summary and its problems.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder (e.g. data/guixi)." };
        var command = new Command("validate", "Load a region folder, print its summary and every problem; exit 2 when problems are found.");
        command.Arguments.Add(region);
        command.SetAction(parse => 0);
        return command;
    }
}
