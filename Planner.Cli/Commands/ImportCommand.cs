using System.CommandLine;
using Planner.Core.Import;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner import</c>: builds and fills region folders from real sources (subcommands, see data/README.md);
/// <c>planner import &lt;region-folder&gt; --into &lt;workspace&gt;</c> stores a region folder in a workspace.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("region-folder") { Description = "A region folder to store in the workspace given by --into.", Arity = ArgumentArity.ZeroOrOne };
        var into = new Option<string?>("--into") { Description = "Workspace to import the region folder into: a .gpkg file or a PostgreSQL connection string (Host=...;Database=...)." };
        var command = new Command("import", "Store a region folder in a workspace (import FOLDER --into WORKSPACE), or build a region folder from real sources: osm, units, grids, population, census, stations, illustrative.");
        command.Arguments.Add(folder);
        command.Options.Add(into);
        command.SetAction((parse, ct) => IntoWorkspaceAsync(parse, parse.GetValue(folder), parse.GetValue(into), ct));
        command.Subcommands.Add(ImportOsmCommand.Create());
        command.Subcommands.Add(ImportUnitsCommand.Create());
        command.Subcommands.Add(ImportGridsCommand.Create());
        command.Subcommands.Add(ImportPopulationCommand.Create());
        command.Subcommands.Add(ImportCensusCommand.Create());
        command.Subcommands.Add(ImportStationsCommand.Create());
        command.Subcommands.Add(ImportIllustrativeCommand.Create());
        command.Subcommands.Add(ImportDivisionsCommand.Create());
        return command;
    }

    private static async Task<int> IntoWorkspaceAsync(ParseResult parse, string? folder, string? into, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (folder is null || into is null)
        {
            error.WriteLine(folder is null
                ? "import: give a region folder and --into WORKSPACE, or a subcommand (osm, units, grids, population, census, stations, illustrative)."
                : "import: --into WORKSPACE is required (a .gpkg file or Host=...;Database=...).");
            return ExitCodes.BadInput;
        }

        if (!Directory.Exists(folder))
        {
            error.WriteLine($"{folder}: region folder not found.");
            return ExitCodes.BadInput;
        }

        return await Workspace.RunAsync(parse, into, async (store, o, _, ct) =>
        {
            var import = await TerminalProgress.RunAsync($"importing {folder}", () => WorkspaceTransfer.ImportAsync(folder, store, ct)).ConfigureAwait(false);
            var region = import.Load.Region!;
            o.WriteLine($"imported region '{import.Key}' ({region.Info.Name}) version {import.Version} into {store.Description}: {region.Units.Length} units, {region.Roads.Length} roads, {region.Demand.Length} demand points, {region.Stations.Length} stations");
            return ExitCodes.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs an import step: prints its summary lines; on bad input prints one line per problem on the error writer and returns 2; also returns 2, with the path and why, when a file cannot be written.</summary>
    public static int Run(ParseResult parse, Func<IEnumerable<string>> step)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            foreach (var line in TerminalProgress.Run("importing", () => step().ToList()))
            {
                output.WriteLine(line);
            }

            return ExitCodes.Ok;
        }
        catch (ImportException ex)
        {
            foreach (var problem in ex.Problems)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written is a bad output path: the exception's message names it.
            error.WriteLine(ex is UnauthorizedAccessException ? $"cannot write: permission denied: {ex.Message}" : $"cannot write: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
