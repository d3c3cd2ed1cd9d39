using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Planner.Api.Jobs;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner worker --store CONN [--threads N]</c>: a Hangfire server on this machine that runs the jobs and
/// batch counties queued by any API or <c>planner batch</c> sharing the PostGIS database, until stopped.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var store = StoreOption();
        var threads = new Option<int?>("--threads") { Description = "Jobs this worker runs at once (default: the number of processors)." };
        var command = new Command("worker", "Run queued jobs and batch counties from a PostGIS store (Host=...;Database=...) until Ctrl+C or SIGTERM; start one per machine.");
        command.Options.Add(store);
        command.Options.Add(threads);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(store)!;
            var n = parse.GetValue(threads) ?? Environment.ProcessorCount;
            var problems = new List<string>();
            if (StoreProblem(target) is { } storeProblem)
            {
                problems.Add(storeProblem);
            }

            if (n is < 1 or > 256)
            {
                problems.Add($"--threads: give 1 to 256 (not {n})");
            }

            if (problems.Count > 0)
            {
                throw new BadInputException([.. problems]);
            }

            await Console.Error.WriteLineAsync($"worker: {n} thread(s) on {new Npgsql.NpgsqlConnectionStringBuilder(target) { Password = null }.Host}, pid {Environment.ProcessId}; Ctrl+C stops").ConfigureAwait(false);
            while (true)
            {
                // PostGIS down at start: wait for it instead of exiting (once running, Hangfire's own loops retry).
                try
                {
                    using var host = WorkerHost.Build(target, n);
                    await host.RunAsync(cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                catch (Exception ex) when (IsStoreDown(ex) && !cancellationToken.IsCancellationRequested)
                {
                    await Console.Error.WriteLineAsync($"worker: the store is unreachable ({ex.GetBaseException().Message}); trying again in 5 s").ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static bool IsStoreDown(Exception ex) =>
        ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException || (ex.InnerException is { } inner && IsStoreDown(inner));

    /// <summary>The <c>--store</c> option of the job commands.</summary>
    internal static Option<string> StoreOption() =>
        new("--store") { Required = true, Description = "PostgreSQL connection string of the shared store (Host=...;Database=...); jobs live in its schema + _jobs." };

    /// <summary>Why <paramref name="target"/> is not a PostgreSQL connection string, or null.</summary>
    internal static string? StoreProblem(string target)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(target);
            return string.IsNullOrWhiteSpace(builder.Host) ? "--store: give a PostgreSQL connection string (Host=...;Database=...); workers share jobs through PostGIS" : null;
        }
        catch (ArgumentException)
        {
            return "--store: give a PostgreSQL connection string (Host=...;Database=...); workers share jobs through PostGIS";
        }
    }
}
