using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Batches;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner batch --store CONN --regions 36* | --all [--circle C] [--scenario S]</c>: queues one coverage job
/// per county on the shared queue, waits while workers (<c>planner worker</c>, API instances) run them, and
/// prints every county's covered share per group and failed rules.
/// </summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var store = WorkerCommand.StoreOption();
        var regions = new Option<string?>("--regions") { Description = "Region keys, division codes and code prefixes ending in * (36*: Jiangxi), comma-separated." };
        var all = new Option<bool>("--all") { Description = "Every region in the store." };
        var circle = new Option<string?>("--circle") { Description = "Life circle of every county (default: each region's)." };
        var scenario = new Option<string?>("--scenario") { Description = "Stored scenario applied in each county (a county without it fails)." };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the batch id and return once queued." };
        var threads = new Option<int>("--threads") { Description = "Also run this many workers in this process while waiting (default 0: leave it to workers).", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "text, json or csv.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var output = ResultOutput.OutOption();
        var command = new Command("batch", "Queue a coverage job per county (a province, the country) for the workers sharing the PostGIS store, wait, and summarise.");
        foreach (var o in new Option[] { store, regions, all, circle, scenario, noWait, threads, format, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(store)!;
            var problems = ResultOutput.Problems(("--out", parse.GetValue(output)));
            if (WorkerCommand.StoreProblem(target) is { } storeProblem)
            {
                problems.Add(storeProblem);
            }

            if (parse.GetValue(all) == (parse.GetValue(regions) is not null))
            {
                problems.Add("--regions: give --regions (keys, codes or a prefix such as 36*) or --all, one of them");
            }

            if (parse.GetValue(threads) is < 0 or > 256)
            {
                problems.Add($"--threads: give 0 to 256 (not {parse.GetValue(threads)})");
            }

            if (problems.Count > 0)
            {
                throw new BadInputException([.. problems]);
            }

            using var host = WorkerHost.Build(target, parse.GetValue(threads));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var batches = host.Services.GetRequiredService<BatchService>();
                var clock = Stopwatch.StartNew();
                var (batch, counties, refused) = await batches.CreateAsync("", parse.GetValue(regions), parse.GetValue(all),
                    new BatchParameters(parse.GetValue(circle), parse.GetValue(scenario)), cancellationToken).ConfigureAwait(false);
                if (refused is { } r)
                {
                    throw new BadInputException($"--{r.Field}: {r.Message}");
                }

                await Console.Error.WriteLineAsync($"batch {batch!.Id}: {counties} counties queued").ConfigureAwait(false);
                if (parse.GetValue(noWait))
                {
                    ResultOutput.Write("--out", parse.GetValue(output), batch.Id, Console.Out);
                    return ExitCodes.Ok;
                }

                var report = await WaitAsync(batches, batch.Id, cancellationToken).ConfigureAwait(false);
                var seconds = clock.Elapsed.TotalSeconds;
                ResultOutput.Write("--out", parse.GetValue(output), Render(report, parse.GetValue(format)!), Console.Out);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"batch {report.Id}: {report.Counties} counties, {report.Done} done, {report.Failed} failed in {seconds:0.0} s ({report.Counties / seconds * 60:0.0} counties/minute)"))
                    .ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task<BatchReport> WaitAsync(BatchService batches, string id, CancellationToken cancellationToken)
    {
        var last = "";
        while (true)
        {
            var report = await batches.ReportAsync(id, "", cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"batch {id} vanished");
            var line = $"batch {id}: {report.Done} done, {report.Failed} failed, {report.Left} left";
            if (line != last)
            {
                await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
                last = line;
            }

            if (report.Left == 0)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Render(BatchReport report, string format) => format switch
    {
        "json" => JsonSerializer.Serialize(report, JsonSerializerOptions.Web),
        "csv" => BatchCsv.Write(report).TrimEnd('\n'),
        _ => string.Join('\n', report.Results.Select(TextLine)),
    };

    private static string TextLine(CountyOutcome c)
    {
        var share = c.Groups.TryGetValue("total", out var total) ? FormattableString.Invariant($" total {total * 100:0.0}%") : "";
        var problems = c.Problems.Count > 0 ? ": " + string.Join("; ", c.Problems) : "";
        return FormattableString.Invariant($"{c.Code} {c.Region} {c.Status}{share} failed rules {c.FailedRules.Count}{problems}");
    }
}
