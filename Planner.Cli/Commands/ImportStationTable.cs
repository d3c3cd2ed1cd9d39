using System.CommandLine;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner import stations &lt;region&gt; --table F.xlsx|F.csv [--crs ..] [--columns ..] [--encoding ..] [--skip-bad-rows]</c>:
/// a county office's station list, each row its own station. Any bad row stops the import (nothing stored) unless
/// <c>--skip-bad-rows</c>, which stores the rest and writes the refused rows to <c>stations.refused.csv</c> in the region folder.
/// </summary>
internal sealed class ImportStationTable
{
    public Option<FileInfo?> Table { get; } = new("--table") { Description = "Station list (.xlsx or .csv in UTF-8, UTF-8 BOM or GBK/GB18030), one station per row." };

    public Option<string> Crs { get; } = new("--crs") { DefaultValueFactory = _ => "wgs84", Description = "CRS of the table's coordinates: wgs84, cgcs2000, gcj02 (Amap), bd09 (Baidu) or EPSG:n (CGCS2000 Gauss-Kruger 4491-4554)." };

    public Option<string?> Columns { get; } = new("--columns") { Description = "Column mapping field=header,... (fields id,name,lon,lat,level,status,workers,supervisors) or a .json file; usual Chinese and English headers are found without it." };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Force the CSV encoding: utf-8, gbk or gb18030 (default: detected)." };

    public Option<string?> Sheet { get; } = new("--sheet") { Description = "Sheet of the .xlsx (default: the first)." };

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Store the good rows and write the refused ones to stations.refused.csv in the region folder." };

    public IEnumerable<Option> All => [Table, Crs, Columns, Encoding, Sheet, SkipBadRows];

    /// <summary>Runs the table import; <paramref name="level"/>, <paramref name="status"/> and <paramref name="workers"/> are for rows that leave them empty.</summary>
    public IEnumerable<string> Run(ParseResult parse, string folder, FileInfo file, StationLevel level, StationStatus status, int workers, string? licence)
    {
        if (!SourceCrs.TryParse(parse.GetValue(Crs), out var crs, out var crsError))
        {
            throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--crs", crsError!));
        }

        var columns = ColumnMapping.Parse(parse.GetValue(Columns));
        var region = RegionEditing.Load(folder);
        var table = TableReader.Read(file.FullName, parse.GetValue(Encoding), parse.GetValue(Sheet));
        var result = StationTableImporter.Read(region, table, new StationTableImporter.Options(crs, columns, level, status, workers));
        var refusedPath = Path.Combine(folder, "stations.refused.csv");
        bool headerBad = result.Refused.Any(p => p.Row == "header");
        if (result.Refused.Length > 0 && (headerBad || !parse.GetValue(SkipBadRows)))
        {
            throw new ImportException(result.Refused.Select(p => p.Line()).Append(headerBad
                ? "nothing stored: fix the columns"
                : $"nothing stored: {result.Refused.Length} of {table.Rows.Length} rows refused (fix them, or give --skip-bad-rows to store the rest)"));
        }

        if (result.Stations.IsEmpty)
        {
            throw new ImportException(ImportException.Line(file.FullName, string.Empty, string.Empty, "no station rows"));
        }

        var updated = StationTableImporter.Replace(region, result, crs, licence, result.Refused.IsEmpty ? null : "stations.refused.csv");
        RegionEditing.Save(updated, folder);
        var lines = new List<string>();
        if (!result.Refused.IsEmpty)
        {
            RowProblem.WriteCsv(refusedPath, table, result.Refused);
            lines.AddRange(result.Refused.Select(p => "refused: " + p.Line()));
            lines.Add($"{refusedPath}: {result.Refused.Length} refused rows");
        }
        else if (File.Exists(refusedPath))
        {
            File.Delete(refusedPath);
        }

        lines.Add($"{folder}: {result.Stations.Length} stations from {file.Name} ({table.Encoding}, {crs.Name})");
        return lines;
    }
}
