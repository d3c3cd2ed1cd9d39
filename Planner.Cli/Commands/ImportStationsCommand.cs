using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import stations &lt;region&gt; --table ... | --csv ...</c>: a station list (see <see cref="ImportStationTable"/>), or labelled stand-ins from a points CSV.</summary>
internal static class ImportStationsCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Points CSV with a header row: every row a stand-in named by --name-prefix (with --licence and --note)." };
        var lon = new Option<string>("--lon-column") { DefaultValueFactory = _ => "lon", Description = "Longitude column." };
        var lat = new Option<string>("--lat-column") { DefaultValueFactory = _ => "lat", Description = "Latitude column." };
        var id = new Option<string>("--id-column") { DefaultValueFactory = _ => "id", Description = "Id column." };
        var where = new Option<string?>("--where-positive") { Description = "Keep only rows where this column is > 0 (e.g. healthcare)." };
        var prefix = new Option<string?>("--name-prefix") { Description = "With --csv: name prefix saying what the stations are (e.g. 'Stand-in (healthcare hexagon)')." };
        var level = new Option<string>("--level") { DefaultValueFactory = _ => "village_point", Description = "county_center, area_center, township_station or village_point." };
        var status = new Option<string>("--status") { DefaultValueFactory = _ => "operating", Description = "planned, built or operating." };
        var workers = new Option<int>("--social-workers") { DefaultValueFactory = _ => 1, Description = "Social workers per station." };
        var licence = new Option<string?>("--licence") { Description = "Licence of the source (required with --csv)." };
        var note = new Option<string?>("--note") { Description = "With --csv: what the stations are, for region.json (say 'stand-in' when they are)." };
        var table = new ImportStationTable();
        var command = new Command("stations", "Replace the stations by a station list (--table .xlsx/.csv, each row its own station), or by points from a CSV labelled by a name prefix (--csv).");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { csv, lon, lat, id, where, prefix, level, status, workers, licence, note }.Concat(table.All))
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

            var tableFile = parse.GetValue(table.Table);
            if ((tableFile is null) == (parse.GetValue(csv) is null))
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, "--table/--csv", "give exactly one of them"));
            }

            foreach (var (option, name) in new[] { (prefix, "--name-prefix"), (licence, "--licence"), (note, "--note") })
            {
                if (tableFile is null && parse.GetValue(csv) is not null && string.IsNullOrWhiteSpace(parse.GetValue(option)))
                {
                    problems.Add(ImportException.Line(string.Empty, string.Empty, name, "is required with --csv"));
                }
            }

            if (problems.Count > 0)
            {
                throw new ImportException(problems);
            }

            var folder = parse.GetValue(region)!.FullName;
            if (tableFile is not null)
            {
                return table.Run(parse, folder, tableFile, lv!.Value, st!.Value, parse.GetValue(workers), parse.GetValue(licence));
            }

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
