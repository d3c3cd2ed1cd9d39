using System.CommandLine;
using Planner.Core.Import;

namespace Planner.Cli.Commands;

/// <summary><c>planner import</c>: builds and fills region folders from real sources (see data/README.md).</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Build a region folder from real sources: osm, units, grids, population, census, stations, illustrative.");
        command.Subcommands.Add(ImportOsmCommand.Create());
        command.Subcommands.Add(ImportUnitsCommand.Create());
        command.Subcommands.Add(ImportGridsCommand.Create());
        command.Subcommands.Add(ImportPopulationCommand.Create());
        command.Subcommands.Add(ImportCensusCommand.Create());
        command.Subcommands.Add(ImportStationsCommand.Create());
        command.Subcommands.Add(ImportIllustrativeCommand.Create());
        return command;
    }

    /// <summary>Runs an import step: prints its summary lines; on bad input prints one line per problem on the error writer and returns 2; returns 1 when a file cannot be written.</summary>
    public static int Run(ParseResult parse, Func<IEnumerable<string>> step)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            foreach (var line in step())
            {
                output.WriteLine(line);
            }

            return 0;
        }
        catch (ImportException ex)
        {
            foreach (var problem in ex.Problems)
            {
                error.WriteLine(problem);
            }

            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The input was fine but the folder could not be written: not exit code 2.
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
