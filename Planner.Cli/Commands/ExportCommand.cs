using System.CommandLine;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary><c>planner export &lt;workspace&gt; &lt;region&gt; --out &lt;folder&gt;</c>: writes a stored region (named by its key or an alias) back as a region folder.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var workspace = new Argument<string>("workspace") { Description = "Workspace: a .gpkg file or a PostgreSQL connection string (Host=...;Database=...)." };
        var name = new Argument<string>("region") { Description = "The stored region: its key (guixi), division code (360681) or own name (贵溪市)." };
        var output = new Option<string>("--out") { Description = "Region folder to write.", Required = true };
        var command = new Command("export", "Write a region stored in a workspace back to a region folder.");
        command.Arguments.Add(workspace);
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.SetAction((parse, ct) => Workspace.RunAsync(parse, parse.GetValue(workspace)!, async (store, o, e, token) =>
        {
            var (key, problem) = await ScenarioLookup.RegionAsync(store, parse.GetValue(name)!, "region", token).ConfigureAwait(false);
            if (key is null)
            {
                e.WriteLine(problem);
                return ExitCodes.BadInput;
            }

            string region = key.Value.Value;
            try
            {
                var export = await WorkspaceTransfer.ExportAsync(store, region, parse.GetValue(output)!, token).ConfigureAwait(false);
                o.WriteLine($"exported region '{region}' version {export.Version} to {parse.GetValue(output)}");
                foreach (var file in export.RemovedFiles)
                {
                    o.WriteLine($"removed {file}: the stored region has no such layer");
                }
                return ExitCodes.Ok;
            }
            catch (KeyNotFoundException ex)
            {
                e.WriteLine(ex.Message);
                return ExitCodes.BadInput;
            }
        }, ct));
        return command;
    }
}
