using System.CommandLine;
using System.Globalization;
using Planner.Core.IO;
using Planner.Core.Validation;

namespace Planner.Cli.Commands;

/// <summary><c>planner validate &lt;region&gt;</c>: loads a region folder, prints a summary and its problems.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder (e.g. data/guixi)." };
        var maxRoad = new Option<double>("--max-road-distance-m") { Description = "Report stations and demand farther than this from every road (metres).", DefaultValueFactory = _ => 500 };
        var format = new Option<string>("--format") { Description = "Output format: text (the only one).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text");
        var output = ResultOutput.OutOption();
        var command = new Command("validate", "Load a region folder, print its summary and every problem; exit 2 when errors are found.");
        command.Arguments.Add(region);
        command.Options.Add(maxRoad);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output);
            if (ResultOutput.Problem("--out", file) is { } unwritable)
            {
                Console.Error.WriteLine(unwritable);
                return ExitCodes.BadInput;
            }

            using var result = new StringWriter();
            int code = Run(parse.GetValue(region)!, parse.GetValue(maxRoad), result);
            ResultOutput.Write("--out", file, result.ToString().TrimEnd('\n'), Console.Out);
            return code;
        });
        return command;
    }

    /// <summary>Validates and prints; returns the exit code (0 clean or warnings only, 2 errors).</summary>
    public static int Run(DirectoryInfo folder, double maxRoadDistanceMeters, TextWriter output)
    {
        var load = RegionFolderReader.Read(folder.FullName);
        var problems = load.Problems.ToList();
        if (load.Region is not null)
        {
            problems.AddRange(RegionValidator.Validate(load.Region, new ValidationOptions(maxRoadDistanceMeters)));
            Print(RegionSummary.Of(load.Region), output);
            PrintNetwork(load.Region, output);
        }

        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = problems.Count - errors;
        output.WriteLine();
        output.WriteLine(errors == 0 && warnings == 0 ? "No problems found." : $"{errors} error(s), {warnings} warning(s):");
        foreach (var p in problems)
        {
            output.WriteLine($"  {RegionFiles.Describe(p)}");
        }

        return errors > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>The walk network as coverage will use it: what is walkable and which islands are dropped before snapping.</summary>
    private static void PrintNetwork(Core.Model.Region region, TextWriter o)
    {
        if (region.Roads.IsEmpty)
        {
            o.WriteLine("Network     no roads: coverage falls back to straight-line distance with a circuity factor");
            return;
        }

        var stats = Core.Network.RoadGraph.Build(region, Core.Network.TravelProfile.Builtin(region.Info.DefaultMode)).Stats;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Network     {region.Info.DefaultMode}: {stats.RoadsUsed:N0} roads usable, {stats.RoadsExcluded:N0} excluded by the profile; {stats.Vertices:N0} vertices, {stats.Edges:N0} edges, {stats.LengthMeters / 1000:N1} km"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Islands     {stats.IslandsRemoved:N0} disconnected pieces removed ({stats.IslandEdgesRemoved:N0} edges, {stats.IslandLengthMeters / 1000:N2} km)"));
    }

    private static void Print(RegionSummary s, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine($"Region      {s.Name}{(s.Code.Length > 0 ? $" ({s.Code})" : string.Empty)}");
        o.WriteLine($"Extent      {s.Bounds} (WGS84 lon/lat), computed in {s.Projection}");
        o.WriteLine($"Units       {string.Join(", ", s.UnitsByLevel.Select(kv => $"{kv.Value} {kv.Key}"))}");
        o.WriteLine(string.Create(c, $"Demand      {s.DemandPoints:N0} points; population {string.Join(", ", s.PopulationByGroup.Select(kv => string.Create(c, $"{kv.Key} {kv.Value:N0}")))}"));
        o.WriteLine(string.Create(c, $"Roads       {s.RoadKmByClass.Sum(kv => kv.Value):N1} km: {string.Join(", ", s.RoadKmByClass.Select(kv => string.Create(c, $"{kv.Key} {kv.Value:N1}")))}"));
        o.WriteLine($"Stations    {string.Join(", ", s.StationsByStatus.Select(kv => $"{kv.Value} {kv.Key}"))}");
        o.WriteLine($"Volunteers  {s.Teams} teams, {s.Needs} needs; {s.Candidates} candidate sites");
        o.WriteLine($"Buildings   {s.PublicBuildings} public{(s.PublicBuildings > 0 ? $": {string.Join(", ", s.PublicBuildingsByKind.Select(kv => $"{kv.Value} {kv.Key}"))}" : string.Empty)}");
    }
}
