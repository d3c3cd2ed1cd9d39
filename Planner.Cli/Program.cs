using Planner.Cli.Commands;

// `planner`: the analysts' command line. Each command lives in Commands/ and builds itself; CliInvocation maps
// every outcome to the exit-code table.
return await CliInvocation.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
