using System.CommandLine;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner new-region &lt;folder&gt; --name N --code C --osm F [--units F.shp ...] [--stations F.xlsx ...] [--population F.xlsx ...]</c>:
/// runs <c>import osm</c>, <c>import units --from</c>, <c>import stations --table</c>, <c>import population --table</c>
/// and <c>validate</c> in that order, each as the command itself would run (same options, same problem lines), and
/// stops at the first step that fails with that step's exit code.
/// </summary>
internal static class NewRegionCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Region folder to create." };
        var name = new Option<string>("--name") { Required = true, Description = "Region name, e.g. 贵溪市." };
        var code = new Option<string>("--code") { Required = true, Description = "Division code, e.g. 360681." };
        var osm = new Option<FileInfo>("--osm") { Required = true, Description = "OSM extract (.osm or .osm.pbf) for the roads." };
        var units = new Option<FileInfo?>("--units") { Description = "Boundary file for 'import units --from'." };
        var unitArgs = new Option<string[]>("--units-args") { AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["--code-field", "code", "--name-field", "name"], Description = "Further options of 'import units --from' (default: --code-field code --name-field name)." };
        var stations = new Option<FileInfo?>("--stations") { Description = "Station list for 'import stations --table'." };
        var stationArgs = new Option<string[]>("--stations-args") { AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [], Description = "Further options of 'import stations --table' (e.g. --crs gcj02)." };
        var population = new Option<FileInfo?>("--population") { Description = "People per unit for 'import population --table'." };
        var populationArgs = new Option<string[]>("--population-args") { AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["--by", "name", "--licence", "not stated (the data holder's)"], Description = "Further options of 'import population --table' (default: --by name --licence ...)." };
        var clip = new Option<FileInfo?>("--clip") { Description = "Cut the OSM roads to the polygons of this file (default with --units: no cut; give the units file itself to use the county's own boundary with a province extract)." };
        var command = new Command("new-region", "Make a region folder from a county's own files in one go: import osm, units --from, stations --table, population --table, then validate.");
        command.Arguments.Add(folder);
        foreach (var o in new Option[] { name, code, osm, clip, units, unitArgs, stations, stationArgs, population, populationArgs })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!.FullName;
            var steps = new List<string[]>();
            steps.Add(["import", "osm", parse.GetValue(osm)!.FullName, "--out", dir, "--name", parse.GetValue(name)!, "--code", parse.GetValue(code)!,
                .. parse.GetValue(clip) is { } c ? new[] { "--clip", c.FullName } : []]);
            if (parse.GetValue(units) is { } u)
            {
                steps.Add(["import", "units", dir, "--from", u.FullName, .. parse.GetValue(unitArgs)!]);
            }

            if (parse.GetValue(stations) is { } s)
            {
                steps.Add(["import", "stations", dir, "--table", s.FullName, .. parse.GetValue(stationArgs)!]);
            }

            if (parse.GetValue(population) is { } p)
            {
                steps.Add(["import", "population", dir, "--table", p.FullName, .. parse.GetValue(populationArgs)!]);
            }

            steps.Add(["validate", dir]);
            foreach (var step in steps)
            {
                var stepParse = CommandCatalog.Root().Parse(step);
                int exit = ParseErrors.Report(stepParse, parse.InvocationConfiguration.Error) ?? stepParse.Invoke(parse.InvocationConfiguration);
                if (exit != 0)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"new-region: stopped at 'planner {string.Join(' ', step.Take(2))}' (exit {exit})");
                    return exit;
                }
            }

            return 0;
        });
        return command;
    }
}
