using System.CommandLine;
using Planner.Core.Scenarios;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary>
/// Runs a command body against a workspace store (a <c>.gpkg</c> path or a PostgreSQL connection string) and
/// turns store and input failures into exit codes: 2 bad input (one line per problem), 3 version conflict,
/// 4 store unreachable.
/// </summary>
internal static class Workspace
{
    /// <summary>Opens <paramref name="target"/>, runs <paramref name="body"/> and maps its failures.</summary>
    public static async Task<int> RunAsync(ParseResult parse, string target, Func<IWorkspaceStore, TextWriter, TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        IWorkspaceStore store;
        try
        {
            store = await StoreFactory.OpenAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message.Split(" (Parameter", 2)[0]);
            return ExitCodes.BadInput;
        }
        catch (StoreUnavailableException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.StoreUnavailable;
        }

        await using (store.ConfigureAwait(false))
        {
            try
            {
                return await body(store, output, error, cancellationToken).ConfigureAwait(false);
            }
            catch (VersionConflictException ex)
            {
                error.WriteLine($"conflict: {ex.Message} (read it again and retry)");
                return ExitCodes.Conflict;
            }
            catch (StoreUnavailableException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.StoreUnavailable;
            }
            catch (ScenarioException ex)
            {
                foreach (var p in ex.Problems)
                {
                    error.WriteLine(p);
                }

                return ExitCodes.BadInput;
            }
            catch (InvalidDataException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.BadInput;
            }
        }
    }
}
