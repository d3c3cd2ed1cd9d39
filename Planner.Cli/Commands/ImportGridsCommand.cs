using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import grids &lt;region&gt; --cell-m 300</c>: generated hexagon grids (网格) under villages.</summary>
internal static class ImportGridsCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var cell = new Option<double>("--cell-m") { Description = "Hexagon edge (= circumradius) in metres.", DefaultValueFactory = _ => 300 };
        var under = new Option<string>("--under") { Description = "Level of the units to split: village (default) or township.", DefaultValueFactory = _ => "village" };
        var command = new Command("grids", "Replace grid units by hexagons of the given size clipped to each village/community unit, coded under their parent, marked generated.");
        command.Arguments.Add(region);
        command.Options.Add(cell);
        command.Options.Add(under);
        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            var levelText = parse.GetValue(under);
            if (!DomainNames.TryParseAdminLevel(levelText, out var level) || level is AdminLevel.Grid)
            {
                throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--under", $"'{levelText}' is not county, township or village"));
            }

            var r = RegionEditing.Load(folder);
            var edge = parse.GetValue(cell);
            var units = GridGenerator.Generate(r, edge, level.Value);
            var updated = (r with { Units = [.. units] }).WithSource(new DataSource("grids", "generated hexagon grid", "n/a", true, string.Create(CultureInfo.InvariantCulture,
                $"grid units (网格) are hexagons of edge {edge} m in {r.CreateProjection().Name} clipped to each {DomainNames.Of(level.Value)} unit; codes = parent code + sequence; not real management grids")));
            RegionEditing.Save(updated, folder);
            return [ImportUnitsCommand.Summary(folder, updated)];
        }));
        return command;
    }
}
