using Planner.Cli.Commands;

// `planner`: the analysts' command line. Each command lives in Commands/ and builds itself.
var parse = CommandCatalog.Root().Parse(args);
if (ParseErrors.Report(parse, Console.Error) is { } code)
{
    return code;
}

return await parse.InvokeAsync().ConfigureAwait(false);
