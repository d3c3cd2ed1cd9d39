using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import census &lt;region&gt; --csv county_2020.csv --code 360681</c>: modelled demand from census totals.</summary>
internal static class ImportCensusCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder with units." };
        var csv = new Option<FileInfo>("--csv") { Description = "County census table (county_2020.csv columns).", Required = true };
        var code = new Option<string>("--code") { Description = "County code of the row to spread, e.g. 360681.", Required = true };
        var share = new Option<string>("--share") { Description = "Which part: total, urban or rural.", DefaultValueFactory = _ => "total" };
        var over = new Option<string>("--over") { Description = "Level of the units that get one demand point each: grid, village or township.", DefaultValueFactory = _ => "grid" };
        var weight = new Option<SpreadWeight>("--weight") { Description = "How units share the total: Roads, Area or Equal.", DefaultValueFactory = _ => SpreadWeight.Roads };
        var rate = new Option<string[]>("--rate") { Description = "Extra modelled group as name=percent of the total, e.g. disabled=6.34.", AllowMultipleArgumentsPerToken = true };
        var rateSource = new Option<string?>("--rate-source") { Description = "Where the extra rates come from (recorded in region.json)." };
        var command = new Command("census", "Replace the demand by a census total spread over units (groups total, elderly, children and any --rate); recorded as MODELLED in region.json sources.");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { csv, code, share, over, weight, rate, rateSource })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            var levelText = parse.GetValue(over);
            if (!DomainNames.TryParseAdminLevel(levelText, out var level))
            {
                throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--over", $"'{levelText}' is not grid, village, township or county"));
            }

            var rates = Rates(parse.GetValue(rate) ?? []);
            var r = RegionEditing.Load(folder);
            var census = CountyCensus.Read(parse.GetValue(csv)!.FullName, parse.GetValue(code)!);
            var part = parse.GetValue(share)!;
            var w = parse.GetValue(weight);
            var spread = CensusSpreader.Spread(r, census, part, level.Value, w, rates)
                .WithSource(new DataSource("demand", $"7th national census 2020, {parse.GetValue(csv)!.Name} (leiii/census)", "MIT", true,
                    CensusSpreader.Note(census, part, level.Value, w, rates, parse.GetValue(rateSource)), "https://github.com/leiii/census"));
            RegionEditing.Save(spread, folder);
            var sums = spread.PopulationByGroup();
            var text = string.Join(", ", spread.Groups.Names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {sums[i]:0}")));
            return [$"{folder}: {spread.Demand.Length} modelled demand points; {text}"];
        }));
        return command;
    }

    private static List<(string Group, double Pct)> Rates(string[] items)
    {
        var result = new List<(string, double)>();
        var problems = new List<string>();
        foreach (var item in items)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) || pct is < 0 or > 100)
            {
                problems.Add(ImportException.Line(string.Empty, string.Empty, "--rate", $"'{item}' is not name=percent (0-100)"));
                continue;
            }

            result.Add((parts[0], pct));
        }

        return problems.Count > 0 ? throw new ImportException(problems) : result;
    }
}
