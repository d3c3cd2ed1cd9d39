using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import illustrative &lt;region&gt;</c>: illustrative stations, teams and needs for a sample region.</summary>
internal static class ImportIllustrativeCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder with township and village units." };
        var command = new Command("illustrative", "Replace stations, teams and needs by ILLUSTRATIVE ones placed by fixed rules at the units' place nodes (sample data, not real; see data/README.md).");
        command.Arguments.Add(region);
        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            var r = IllustrativeSample.Build(RegionEditing.Load(folder), SeedFiles.ReadPlaces(folder));
            var note = IllustrativeSample.Note(r);
            foreach (var layer in new[] { "stations", "teams", "needs" })
            {
                r = r.WithSource(new DataSource(layer, "illustrative sample (planner import illustrative)", "n/a", true, note));
            }

            RegionEditing.Save(r, folder);
            return [$"{folder}: {r.Stations.Length} stations, {r.Teams.Length} teams, {r.Needs.Length} needs (illustrative)"];
        }));
        return command;
    }
}
