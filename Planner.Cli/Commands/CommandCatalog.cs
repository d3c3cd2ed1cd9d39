using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary>Every top-level command of <c>planner</c>, in help order.</summary>
internal static class CommandCatalog
{
    /// <summary>The <c>planner</c> root command with every command below it.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("CoverageMap planner: 15-minute service circles for social-work stations.");
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Creates the commands.</summary>
    public static IEnumerable<Command> All()
    {
        yield return ValidateCommand.Create();
        yield return CoverageCommand.Create();
        yield return CheckCommand.Create();
        yield return ReportCommand.Create();
        yield return ImportCommand.Create();
        yield return NewRegionCommand.Create();
        yield return ExportCommand.Create();
        yield return ScenarioCommand.Create();
        yield return RecommendCommand.Create();
        yield return MatchCommand.Create();
        yield return VisitsCommand.Create();
        yield return WorkerCommand.Create();
        yield return BatchCommand.Create();
    }
}
