using System.CommandLine;
using Planner.Core.Coverage;
using Spectre.Console;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner coverage &lt;region&gt; [--minutes 15] [--mode walk|ebike|drive] [--speed-kmh X] [--include-planned]
/// [--format json|csv|geojson] [--out FILE] [--circles FILE.geojson] [--points FILE.csv]</c>: who reaches a
/// counted station within the limit along the roads, per group, unit, station and gap. Exit code 2 with one
/// line per problem on bad input: a region <c>validate</c> refuses, one without people or without a stations file, an
/// output path that cannot be written.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var region = new Argument<string>("region") { Description = "Region folder (e.g. data/guixi), or synthetic:EDGES,POINTS,STATIONS[,SEED]." };
        var minutes = new Option<double>("--minutes") { Description = "Service-circle limit in minutes.", DefaultValueFactory = _ => 15 };
        var mode = new Option<string>("--mode") { Description = "Travel mode: walk, ebike or drive.", DefaultValueFactory = _ => "walk" };
        var speed = new Option<double?>("--speed-kmh") { Description = "Override the mode's base speed in km/h." };
        var planned = new Option<bool>("--include-planned") { Description = "Count planned and built stations as well as operating ones." };
        var format = new Option<string>("--format") { Description = "Output format: json, csv or geojson.", DefaultValueFactory = _ => "json" };
        var output = ResultOutput.OutOption();
        var circles = new Option<FileInfo?>("--circles") { Description = "Also write the service circles as GeoJSON (WGS84)." };
        var points = new Option<FileInfo?>("--points") { Description = "Also write id,nearest_station,minutes,covered per demand point as CSV." };
        var command = new Command("coverage", "Coverage of a region's people by its stations' N-minute service circles along the road network.");
        command.Arguments.Add(region);
        foreach (var option in new Option[] { minutes, mode, speed, planned, format, output, circles, points })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(
            parse.GetValue(region)!,
            new CoverageOptions
            {
                Minutes = parse.GetValue(minutes),
                Mode = parse.GetValue(mode) ?? "walk",
                SpeedKmh = parse.GetValue(speed),
                IncludePlanned = parse.GetValue(planned),
            },
            parse.GetValue(format) ?? "json",
            parse.GetValue(output),
            parse.GetValue(circles),
            parse.GetValue(points)));
        return command;
    }

    private static int Run(string folder, CoverageOptions options, string format, FileInfo? output, FileInfo? circles, FileInfo? points)
    {
        var problems = options.Problems().ToList();
        if (format is not ("json" or "csv" or "geojson"))
        {
            problems.Add($"format '{format}' is unknown; use json, csv or geojson.");
        }

        problems.AddRange(ResultOutput.Problems(("--out", output), ("--circles", circles), ("--points", points)));
        var (region, loadProblems, warnings) = problems.Count == 0 ? RegionLoading.LoadForCoverage(folder) : (null, [], []);
        problems.AddRange(loadProblems);
        if (problems.Count > 0 || region is null)
        {
            foreach (var p in problems)
            {
                Console.Error.WriteLine(p);
            }

            return ExitCodes.BadInput;
        }

        foreach (var w in warnings)
        {
            Console.Error.WriteLine($"warning: {w}");
        }

        options = options with { BuildCircles = circles is not null || format == "geojson" || format == "json" };
        var report = Compute(region, options);
        string text = format switch
        {
            "csv" => CoverageWriters.UnitsCsv(report),
            "geojson" => CoverageWriters.GeoJsonLayers(report),
            _ => CoverageWriters.ToJson(report),
        };

        ResultOutput.Write("--out", output, text, Console.Out);
        if (circles is not null)
        {
            ResultOutput.Write("--circles", circles, CoverageWriters.CirclesGeoJson(report), Console.Out);
        }

        if (points is not null)
        {
            ResultOutput.Write("--points", points, CoverageWriters.PointsCsv(report), Console.Out);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Computes coverage, with a progress bar on standard error when it is a terminal.</summary>
    internal static CoverageReport Compute(Planner.Core.Model.Region region, CoverageOptions options)
    {
        if (TerminalProgress.Console() is not { } terminal)
        {
            return CoverageCalculator.Compute(region, options);
        }

        CoverageReport? report = null;
        terminal.Progress().Start(ctx =>
        {
            var prepare = ctx.AddTask("road network and snapping", maxValue: 1);
            var context = CoverageContext.Prepare(region, options);
            prepare.Value = 1;
            var stations = ctx.AddTask("station catchments", maxValue: 1);
            report = new CoverageCalculator(context, options).Compute(new Progress<double>(f => stations.Value = f));
            stations.Value = 1;
        });
        return report!;
    }
}
