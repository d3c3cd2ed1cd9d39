using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import population &lt;region&gt; --csv ... | --geotiff ...</c>: measured demand points.</summary>
internal static class ImportPopulationCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Points CSV with a header row." };
        var lon = new Option<string>("--lon-column") { Description = "Longitude column (WGS84).", DefaultValueFactory = _ => "lon" };
        var lat = new Option<string>("--lat-column") { Description = "Latitude column (WGS84).", DefaultValueFactory = _ => "lat" };
        var id = new Option<string?>("--id-column") { Description = "Id column (default: the line number)." };
        var counts = new Option<string[]>("--count-columns") { Description = "Count columns, one per group.", DefaultValueFactory = _ => ["population"], AllowMultipleArgumentsPerToken = true };
        var groups = new Option<string[]>("--groups") { Description = "Group names for the count columns, in order (default: total for one column, else the column names).", AllowMultipleArgumentsPerToken = true };
        var tif = new Option<string[]>("--geotiff", "--raster") { AllowMultipleArgumentsPerToken = true, Description = "Single-band Float32 population GeoTIFF in WGS84 (e.g. WorldPop); several (repeated or comma-separated, e.g. the 60-plus bands of both sexes) are summed per cell into the one group." };
        var group = new Option<string>("--group") { Description = "Group the raster counts (e.g. elderly).", DefaultValueFactory = _ => PopulationGroups.Total };
        var sourceName = new Option<string?>("--source") { Description = "Source name for region.json (default: the file name)." };
        var licence = new Option<string>("--licence") { Description = "Licence of the source for region.json.", Required = true };
        var clip = ClipOption.Create("Keep only the points (or raster cells) inside the polygons of a file (--clip F); alone: the region's boundary, which is the default anyway.");
        var table = new ImportPopulationTable();
        var command = new Command("population", "Replace the demand by measured population points from a CSV or a GeoTIFF raster (cell centres, NoData and zero cells skipped), clipped to the region's extent; or set named groups from people per unit (--table).");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { csv, lon, lat, id, counts, groups, tif, group, sourceName, licence, clip }.Concat(table.All))
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            var csvFile = parse.GetValue(csv);
            var tifFiles = (parse.GetValue(tif) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(t => new FileInfo(t)).ToList();
            var tifFile = tifFiles.FirstOrDefault();
            if (parse.GetValue(table.Table) is { } tableFile && csvFile is null && tifFile is null)
            {
                return table.Run(parse, folder, tableFile, parse.GetValue(licence)!, parse.GetValue(sourceName));
            }

            if ((csvFile is null) == (tifFile is null))
            {
                throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--csv/--geotiff/--table", "give exactly one of them"));
            }

            var r = RegionEditing.Load(folder);
            List<PopulationPoint> points;
            string[] names;
            string note;
            if (csvFile is not null)
            {
                var columns = parse.GetValue(counts)!;
                var given = parse.GetValue(groups) ?? [];
                names = given.Length > 0 ? given : columns.Length == 1 ? [PopulationGroups.Total] : columns;
                if (names.Length != columns.Length)
                {
                    throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--groups", $"{names.Length} group names for {columns.Length} count columns"));
                }

                points = PopulationCsvReader.Read(csvFile.FullName, parse.GetValue(lon)!, parse.GetValue(lat)!, columns, parse.GetValue(id));
                note = $"points of {csvFile.Name}, columns {string.Join(",", columns)} as groups {string.Join(",", names)}";
            }
            else
            {
                var missing = tifFiles.Where(t => !t.Exists).Select(t => ImportException.Line(t.FullName, string.Empty, string.Empty, "file does not exist")).ToList();
                if (missing.Count > 0)
                {
                    throw new ImportException(missing);
                }

                names = [parse.GetValue(group)!];
                points = PopulationRasterSum.Read([.. tifFiles.Select(t => t.FullName)]);
                note = tifFiles.Count == 1
                    ? $"cell centres of {tifFile!.Name} (NoData and zero cells skipped) as group {names[0]}"
                    : $"cell centres of {string.Join(" + ", tifFiles.Select(t => t.Name))} summed per cell (NoData and zero cells skipped) as group {names[0]}";
            }

            PopulationGroups catalogue;
            try
            {
                catalogue = new PopulationGroups(names);
            }
            catch (ArgumentException ex)
            {
                throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--groups", ex.Message), ex);
            }

            if (ClipOption.For(parse, clip, r) is { } area)
            {
                var read = points.Count;
                points = area.Points(points);
                note += $"; cut to {area.Description} (--clip): {points.Count} of {read} points inside";
            }

            var updated = r with { Info = r.Info with { Groups = catalogue } };
            var demand = DemandAssembler.Assemble(updated, points);
            updated = (updated with { Demand = demand }).WithSource(new DataSource("demand", parse.GetValue(sourceName) ?? csvFile?.Name ?? string.Join(", ", tifFiles.Select(t => t.Name)),
                parse.GetValue(licence)!, false, $"{note}; {demand.Length} of {points.Count} points inside the region's extent"));
            RegionEditing.Save(updated, folder);
            var totals = updated.PopulationByGroup();
            var sums = string.Join(", ", names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {totals[i]:0.###}")));
            return [$"{folder}: {demand.Length} demand points; {sums}"];
        }));
        return command;
    }
}
