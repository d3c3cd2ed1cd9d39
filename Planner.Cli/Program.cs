using System.CommandLine;
using Planner.Cli.Commands;

// `planner`: the analysts' command line. Each command lives in Commands/ and builds itself.
var root = new RootCommand("CoverageMap planner: 15-minute service circles for social-work stations.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (ParseErrors.Report(parse, Console.Error) is { } code)
{
    return code;
}

return await parse.InvokeAsync().ConfigureAwait(false);
