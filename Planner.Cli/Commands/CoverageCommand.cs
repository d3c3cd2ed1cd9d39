using System.CommandLine;
using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Spectre.Console;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner coverage &lt;region&gt; [--tiers gb50180-5min,gb50180-15min] [--no-cap] [--minutes 15] [--mode walk|ebike|drive]
/// [--speed-kmh X] [--include-planned] [--format json|csv|geojson] [--out FILE] [--circles FILE.geojson|IDS]
/// [--points FILE.csv]</c>: who reaches a counted station within the life circle along the roads, per group, unit,
/// station and gap. The circle is the region's default (region.json <c>defaults.circle</c>), else GB 50180-2018's
/// 15-minute walk capped at 1,000 m, unless ids are named or minutes, mode or speed define an ad-hoc one (<see cref="CircleChoice"/>). Exit code 2 with one
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
        var circles = new Option<string?>("--circles") { Description = "FILE.geojson: also write the service circles as GeoJSON (WGS84); otherwise life-circle ids as --tiers." };
        var tiers = new Option<string?>("--tiers") { Description = "Life circles by id, comma-separated (data/standards/circles.json); gb50180-15min by default." };
        var noCap = new Option<bool>("--no-cap") { Description = "Lift the circle's network-distance cap (time alone decides)." };
        var points = new Option<FileInfo?>("--points") { Description = "Also write id,nearest_station,minutes,covered per demand point as CSV." };
        var csvBom = new Option<bool>("--csv-bom") { Description = "Start CSV files (--format csv --out, --points) with a UTF-8 byte-order mark so Excel on Chinese Windows reads the names (default true; standard output never gets one).", DefaultValueFactory = _ => true };
        var command = new Command("coverage", "Coverage of a region's people by its stations' N-minute service circles along the road network.");
        command.Arguments.Add(region);
        foreach (var option in new Option[] { tiers, noCap, minutes, mode, speed, planned, format, output, circles, points })
        {
            command.Options.Add(option);
        }

        command.Options.Add(csvBom);
        command.SetAction(parse =>
        {
            var options = new CoverageOptions
            {
                Minutes = parse.GetValue(minutes),
                Mode = parse.GetValue(mode) ?? "walk",
                SpeedKmh = parse.GetValue(speed),
                IncludePlanned = parse.GetValue(planned),
            };
            bool adHoc = parse.GetResult(minutes) is { Implicit: false } || parse.GetResult(mode) is { Implicit: false } || parse.GetValue(speed) is not null;
            var circlesValue = parse.GetValue(circles);
            bool circlesIsFile = circlesValue is not null && LooksLikePath(circlesValue);
            var ids = Ids(parse.GetValue(tiers)).Concat(circlesIsFile ? [] : Ids(circlesValue)).ToList();
            bool lift = parse.GetValue(noCap);
            return Run(parse.GetValue(region)!, info => CircleChoice.Resolve(info, options, LifeCircleCatalog.Builtin(), ids, adHoc, lift, "--tiers", "--minutes/--mode/--speed-kmh"),
                parse.GetValue(format) ?? "json", parse.GetValue(output),
                circlesIsFile ? new FileInfo(circlesValue!) : null, parse.GetValue(points), parse.GetValue(csvBom));
        });
        return command;
    }

    /// <summary>A --circles value is an output file when it ends in .geojson or holds a path separator or a dot (circle ids hold neither).</summary>
    private static bool LooksLikePath(string value) =>
        value.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || value.Contains('/', StringComparison.Ordinal)
        || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal);

    private static IEnumerable<string> Ids(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the command; <paramref name="choose"/> is the circle choice for the loaded region's info (its default circle).</summary>
    private static int Run(string folder, Func<Planner.Core.Model.RegionInfo, (IReadOnlyList<CoverageOptions> Runs, IReadOnlyList<string> Problems)> choose,
        string format, FileInfo? output, FileInfo? circles, FileInfo? points, bool csvBom)
    {
        // Named or ad-hoc circles are checked before the region is read (a placeholder region has the standard's
        // default); the region's own default circle is read once it is loaded.
        var (checkedRuns, circleProblems) = choose(Placeholder);
        var problems = circleProblems.Concat(checkedRuns.SelectMany(r => r.Problems())).Distinct().ToList();
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

        var (runs, regionProblems) = choose(region.Info);
        var late = regionProblems.Concat(runs.SelectMany(r => r.Problems())).Distinct().ToList();
        if (late.Count > 0)
        {
            foreach (var p in late)
            {
                Console.Error.WriteLine(p);
            }

            return ExitCodes.BadInput;
        }

        bool buildCircles = circles is not null || format == "geojson" || format == "json";
        var reports = Compute(region, [.. runs.Select(o => o with { BuildCircles = buildCircles })]);
        var report = reports[0];
        string text = format switch
        {
            "csv" => CoverageWriters.UnitsCsv(reports),
            "geojson" => CoverageWriters.GeoJsonLayers(report),
            _ => reports.Count == 1 ? CoverageWriters.ToJson(report) : CoverageWriters.TiersJson(reports),
        };

        ResultOutput.Write("--out", output, format == "csv" && output is not null && csvBom ? CsvForExcel.WithBom(text) : text, Console.Out);
        if (circles is not null)
        {
            ResultOutput.Write("--circles", circles, CoverageWriters.CirclesGeoJson(report), Console.Out);
        }

        if (points is not null)
        {
            ResultOutput.Write("--points", points, csvBom ? CsvForExcel.WithBom(CoverageWriters.PointsCsv(report)) : CoverageWriters.PointsCsv(report), Console.Out);
        }

        return ExitCodes.Ok;
    }

    /// <summary>A region's info with no default circle of its own, for checking named and ad-hoc circles before the region is read.</summary>
    private static readonly Planner.Core.Model.RegionInfo Placeholder = new(string.Empty, string.Empty, Planner.Core.Geo.InputCrs.Wgs84,
        new Planner.Core.Model.PopulationGroups([Planner.Core.Model.PopulationGroups.Total]), 15, "walk", []);

    /// <summary>Computes coverage, with a progress bar on standard error when it is a terminal.</summary>
    internal static CoverageReport Compute(Planner.Core.Model.Region region, CoverageOptions options) => Compute(region, [options])[0];

    /// <summary>Computes every tier over one prepared network (<see cref="CoverageTiers"/>), with a progress bar on standard error when it is a terminal.</summary>
    internal static IReadOnlyList<CoverageReport> Compute(Planner.Core.Model.Region region, IReadOnlyList<CoverageOptions> runs)
    {
        if (TerminalProgress.Console() is not { } terminal)
        {
            return CoverageTiers.Compute(CoverageContext.Prepare(region, runs[0]), runs);
        }

        IReadOnlyList<CoverageReport>? reports = null;
        terminal.Progress().Start(ctx =>
        {
            var prepare = ctx.AddTask("road network and snapping", maxValue: 1);
            var context = CoverageContext.Prepare(region, runs[0]);
            prepare.Value = 1;
            var stations = ctx.AddTask("station catchments", maxValue: 1);
            reports = CoverageTiers.Compute(context, runs, new Progress<double>(f => stations.Value = f));
            stations.Value = 1;
        });
        return reports!;
    }
}
