using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import stations &lt;region&gt; --csv ...</c>: stations (or labelled stand-ins) from a points CSV.</summary>
internal static class ImportStationsCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var csv = new Option<FileInfo>("--csv") { Description = "Points CSV with a header row.", Required = true };
        var lon = new Option<string>("--lon-column") { DefaultValueFactory = _ => "lon", Description = "Longitude column." };
        var lat = new Option<string>("--lat-column") { DefaultValueFactory = _ => "lat", Description = "Latitude column." };
        var id = new Option<string>("--id-column") { DefaultValueFactory = _ => "id", Description = "Id column." };
        var where = new Option<string?>("--where-positive") { Description = "Keep only rows where this column is > 0 (e.g. healthcare)." };
        var prefix = new Option<string>("--name-prefix") { Description = "Name prefix saying what the stations are (e.g. 'Stand-in (healthcare hexagon)').", Required = true };
        var level = new Option<string>("--level") { DefaultValueFactory = _ => "village_point", Description = "county_center, area_center, township_station or village_point." };
        var status = new Option<string>("--status") { DefaultValueFactory = _ => "operating", Description = "planned, built or operating." };
        var workers = new Option<int>("--social-workers") { DefaultValueFactory = _ => 1, Description = "Social workers per station." };
        var licence = new Option<string>("--licence") { Required = true, Description = "Licence of the source." };
        var note = new Option<string>("--note") { Required = true, Description = "What the stations are, for region.json (say 'stand-in' when they are)." };
        var command = new Command("stations", "Replace the stations by points from a CSV, optionally only rows with a positive column, labelled by a name prefix.");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { csv, lon, lat, id, where, prefix, level, status, workers, licence, note })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var problems = new List<string>();
            if (!DomainNames.TryParseStationLevel(parse.GetValue(level), out var lv))
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, "--level", $"'{parse.GetValue(level)}' is not a station level"));
            }

            if (!DomainNames.TryParseStationStatus(parse.GetValue(status), out var st))
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, "--status", $"'{parse.GetValue(status)}' is not planned, built or operating"));
            }

            if (parse.GetValue(workers) < 0)
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, "--social-workers", "is negative"));
            }

            if (problems.Count > 0)
            {
                throw new ImportException(problems);
            }

            var folder = parse.GetValue(region)!.FullName;
            var r = RegionEditing.Load(folder);
            var file = parse.GetValue(csv)!;
            var stations = StationCsvImporter.Read(r, file.FullName, new StationCsvImporter.Options(
                parse.GetValue(lon)!, parse.GetValue(lat)!, parse.GetValue(id)!, parse.GetValue(where), parse.GetValue(prefix)!, lv!.Value, st!.Value, parse.GetValue(workers)));
            var updated = (r with { Stations = stations }).WithSource(new DataSource("stations", file.Name, parse.GetValue(licence)!, true, $"{parse.GetValue(note)}; {stations.Length} stations"));
            RegionEditing.Save(updated, folder);
            return [$"{folder}: {stations.Length} stations"];
        }));
        return command;
    }
}
