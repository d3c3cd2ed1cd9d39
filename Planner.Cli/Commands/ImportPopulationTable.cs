using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner import population &lt;region&gt; --table 村人口.xlsx --by code|name --columns total=常住人口,elderly=60岁及以上</c>:
/// people per unit, spread over the unit's demand points (<see cref="PopulationTableImporter"/>); only the named groups change.
/// A row that cannot be joined stores nothing unless <c>--skip-bad-rows</c> (refused rows to population.refused.csv).
/// </summary>
internal sealed class ImportPopulationTable
{
    public Option<FileInfo?> Table { get; } = new("--table") { Description = "People per unit (.xlsx or .csv), one row per unit." };

    public Option<string> By { get; } = new("--by") { DefaultValueFactory = _ => "code", Description = "Join rows to units by code or by name." };

    public Option<string?> Columns { get; } = new("--columns") { Description = "code=<header> or name=<header>, then group=<header> per group, e.g. total=常住人口,elderly=60岁及以上 (default: total from 常住人口/总人口/total)." };

    public Option<string?> Encoding { get; } = new("--table-encoding") { Description = "Force the CSV encoding: utf-8, gbk or gb18030 (default: detected)." };

    public Option<string?> Sheet { get; } = new("--sheet") { Description = "Sheet of the .xlsx (default: the first)." };

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Store the joined rows and write the others to population.refused.csv in the region folder." };

    public IEnumerable<Option> All => [Table, By, Columns, Encoding, Sheet, SkipBadRows];

    public IEnumerable<string> Run(ParseResult parse, string folder, FileInfo file, string licence, string? sourceName)
    {
        var by = parse.GetValue(By)?.ToLowerInvariant() switch
        {
            "code" => PopulationJoin.Code,
            "name" => PopulationJoin.Name,
            var other => throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--by", $"'{other}' is not code or name")),
        };
        var region = RegionEditing.Load(folder);
        var table = TableReader.Read(file.FullName, parse.GetValue(Encoding), parse.GetValue(Sheet));
        var result = PopulationTableImporter.Read(region, table, by, ColumnMapping.Parse(parse.GetValue(Columns)));
        bool headerBad = result.Refused.Any(p => p.Row == "header");
        if (result.Refused.Length > 0 && (headerBad || !parse.GetValue(SkipBadRows)))
        {
            throw new ImportException(result.Refused.Select(p => p.Line()).Append(headerBad ? "nothing stored: fix the columns"
                : $"nothing stored: {result.Refused.Length} of {table.Rows.Length} rows refused (fix them, or give --skip-bad-rows to store the rest)"));
        }

        var note = PopulationTableImporter.SourceNote(result, file.Name, by);
        var updated = result.Region.WithSource(new DataSource("demand", sourceName ?? file.Name, licence, true, note));
        RegionEditing.Save(updated, folder);
        var lines = new List<string>();
        if (!result.Refused.IsEmpty)
        {
            var refusedPath = Path.Combine(folder, "population.refused.csv");
            RowProblem.WriteCsv(refusedPath, table, result.Refused);
            lines.AddRange(result.Refused.Select(p => "refused: " + p.Line()));
            lines.Add($"{refusedPath}: {result.Refused.Length} refused rows");
        }

        lines.AddRange(result.UnitsWithoutRow.Select(u => $"warning: {file.Name}: no row for unit {u}"));
        var totals = updated.PopulationByGroup();
        var sums = string.Join(", ", result.Groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g} {totals[updated.Groups.IndexOf(g)]:0.###}")));
        lines.Add($"{folder}: {result.Joined} units joined from {file.Name}; {sums}");
        return lines;
    }
}
