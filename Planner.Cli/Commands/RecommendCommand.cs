using System.CommandLine;
using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Siting;
using Planner.Core.Siting.Csv;

namespace Planner.Cli.Commands;

/// <summary>
/// <c>planner recommend</c>: where new stations should go (MCLP, LSCP, p-median). Matrix mode reads an external
/// travel-cost matrix (<c>--matrix costs.csv --demand demand.csv --sites sites.csv --radius R</c>). Region mode
/// (<c>recommend &lt;region&gt;</c>) builds the matrix from bounded road-network searches (see <see cref="RegionSiting"/>).
/// </summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo?>("region") { Description = "Region folder (region mode: coverage sets along the road network), or synthetic:EDGES,POINTS,STATIONS[,SEED].", Arity = ArgumentArity.ZeroOrOne };
        var model = new Option<string>("--model") { Description = "mclp, lscp or pmedian.", DefaultValueFactory = _ => "mclp" };
        var p = new Option<int>("--p") { Description = "Number of new sites (mclp, pmedian).", DefaultValueFactory = _ => 1 };
        var share = new Option<double>("--target-share") { Description = "LSCP: share of the group to cover, (0, 1].", DefaultValueFactory = _ => 1.0 };
        var group = new Option<string?>("--group") { Description = "LSCP: the group whose share is targeted (default total)." };
        var weights = new Option<string?>("--weights") { Description = "Objective weights per group, e.g. total=1,elderly=2 (default total=1)." };
        var minutes = new Option<double>("--minutes") { Description = "Service-circle limit in minutes (region mode; the radius in matrix mode when --radius is absent).", DefaultValueFactory = _ => 15 };
        var mode = new Option<string>("--mode") { Description = "Travel mode (region mode): walk, ebike, drive.", DefaultValueFactory = _ => "walk" };
        var timeLimit = new Option<double>("--time-limit") { Description = "Exact solver time limit in seconds.", DefaultValueFactory = _ => 60 };
        var gap = new Option<double>("--gap") { Description = "Relative gap at which the exact solver stops.", DefaultValueFactory = _ => 1e-4 };
        var heuristicOnly = new Option<bool>("--heuristic-only") { Description = "Run only the greedy + interchange heuristic." };
        var format = new Option<string>("--format") { Description = "json or geojson.", DefaultValueFactory = _ => "json" };
        var output = ResultOutput.OutOption();
        var matrix = new Option<FileInfo?>("--matrix") { Description = "Long-format costs: demand_id,site_id,cost." };
        var demand = new Option<FileInfo?>("--demand") { Description = "Demand: id,weight or id plus one column per group." };
        var sites = new Option<FileInfo?>("--sites") { Description = "Sites: id[,cost][,existing][,role][,township][,lon,lat][,capacity|workers]." };
        var radius = new Option<double?>("--radius") { Description = "Coverage radius in the matrix's cost unit." };
        var budget = new Option<double?>("--budget") { Description = "Upper limit on the summed cost of new sites." };
        var perWorker = new Option<double?>("--people-per-worker") { Description = "Capacity: people one social worker serves (with a workers column in sites.csv; or give a capacity column)." };
        var speed = new Option<double?>("--speed-kmh") { Description = "Region mode: base speed in km/h instead of the mode's (every road class scaled alike, as in planner coverage)." };
        var planned = new Option<bool>("--include-planned") { Description = "Region mode: lock in planned and built stations as well as operating ones." };
        var spacing = new Option<double>("--candidate-spacing-m") { Description = "Region mode without candidates.geojson: grid spacing in metres for road-intersection candidates.", DefaultValueFactory = _ => 500 };
        var floor = new Option<bool>("--township-floor") { Description = "At least one open site in every township that has a candidate." };

        var command = new Command("recommend", "Recommend where new stations should go: maximal covering, set covering or p-median, exact (OR-Tools) or heuristic.");
        command.Arguments.Add(region);
        foreach (var o in new Option[] { model, p, share, group, weights, minutes, mode, timeLimit, gap, heuristicOnly, format, output, matrix, demand, sites, radius, budget, floor, perWorker, speed, planned, spacing })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var problems = new List<string>();
            var siting = parse.GetValue(model) switch
            {
                "mclp" => SitingModel.Mclp,
                "lscp" => SitingModel.Lscp,
                "pmedian" => SitingModel.PMedian,
                var other => Problem(problems, $"--model: '{other}' is not mclp, lscp or pmedian", SitingModel.Mclp),
            };
            string fmt = parse.GetValue(format) ?? "json";
            if (fmt is not ("json" or "geojson"))
            {
                problems.Add($"--format: '{fmt}' is not json or geojson");
            }

            problems.AddRange(ResultOutput.Problems(("--out", parse.GetValue(output))));

            CoverageMatrix? coverage = null;
            Region? loaded = null;
            CoverageOptions? options = null;
            double spacingM = parse.GetValue(spacing);
            PopulationGroups groups;
            string inputName;
            if (parse.GetValue(region) is { } folder)
            {
                options = new CoverageOptions
                {
                    Minutes = parse.GetValue(minutes),
                    Mode = parse.GetValue(mode) ?? "walk",
                    SpeedKmh = parse.GetValue(speed),
                    IncludePlanned = parse.GetValue(planned),
                    BuildCircles = false,
                };
                problems.AddRange(options.Problems());
                if (!(spacingM > 0) || double.IsInfinity(spacingM))
                {
                    problems.Add($"--candidate-spacing-m: {spacingM} is not a positive number");
                }

                IReadOnlyList<string> loadProblems;
                (loaded, loadProblems) = problems.Count == 0 ? RegionLoading.Load(folder.ToString()) : (null, []);
                problems.AddRange(loadProblems);
                if (problems.Count > 0 || loaded is null)
                {
                    return Fail(problems);
                }

                groups = loaded.Groups;
                inputName = folder.ToString();
            }
            else
            {
                var (costs, demandFile, sitesFile) = (parse.GetValue(matrix), parse.GetValue(demand), parse.GetValue(sites));
                if (costs is null || demandFile is null || sitesFile is null)
                {
                    problems.Add("matrix mode needs --matrix, --demand and --sites (or give a region folder)");
                }

                double r = parse.GetValue(radius) ?? parse.GetValue(minutes);
                if (!(r >= 0))
                {
                    problems.Add($"--radius: {r} is not a number >= 0");
                }

                if (problems.Count > 0)
                {
                    return Fail(problems);
                }

                coverage = SitingCsv.Read(costs!.FullName, demandFile!.FullName, sitesFile!.FullName, r,
                    Recommendation.KeepMinutes(siting, r), out var inputProblems, parse.GetValue(perWorker));
                if (coverage is null)
                {
                    return Fail([.. inputProblems.Select(x => x.ToString())]);
                }

                groups = coverage.Groups;
                inputName = demandFile.Name;
            }

            GroupWeights? w = null;
            if (parse.GetValue(weights) is { } text && !GroupWeights.TryParse(text, groups, out w, out string? why))
            {
                problems.Add($"--weights: {why}");
            }

            if (parse.GetValue(group) is { } g && !groups.Contains(g))
            {
                problems.Add($"--group: unknown group '{g}'; {inputName} has {groups}");
            }

            double targetShare = parse.GetValue(share);
            if (siting == SitingModel.Lscp && !(targetShare is > 0 and <= 1))
            {
                problems.Add($"--target-share: {targetShare} is not in (0, 1]");
            }

            if (siting != SitingModel.Lscp && parse.GetValue(p) < 0)
            {
                problems.Add($"--p: {parse.GetValue(p)} is negative");
            }

            if (problems.Count > 0)
            {
                return Fail(problems);
            }

            var sitingRequest = new SitingRequest
            {
                Model = siting,
                P = parse.GetValue(p),
                Weights = w,
                TargetShare = targetShare,
                TargetGroup = parse.GetValue(group),
                Budget = parse.GetValue(budget),
                TownshipFloor = parse.GetValue(floor),
                TimeLimitSeconds = parse.GetValue(timeLimit),
                RelativeGap = parse.GetValue(gap),
                HeuristicOnly = parse.GetValue(heuristicOnly),
            };
            SitingResult result;
            JsonObject? context = null;
            if (loaded is not null)
            {
                var recommendation = TerminalProgress.Run("coverage sets along the roads, then solving", () => Recommendation.Run(loaded, new RecommendationRequest { Siting = sitingRequest, Travel = options!, CandidateSpacingMeters = spacingM }));
                result = recommendation.Siting;
                context = RegionSiting.Context(recommendation);
            }
            else
            {
                result = TerminalProgress.Run("solving", () => SitingSolver.Solve(coverage!, sitingRequest));
            }

            string answer = fmt == "geojson" ? SitingJson.GeoJson(result, context) : SitingJson.Json(result, context);
            ResultOutput.Write("--out", parse.GetValue(output), answer, Console.Out);
            Console.Error.WriteLine(result.StatusText);

            // No choice of sites meets the request: the input asks for the impossible, not a failed rule.
            return result.Status == SitingStatus.Infeasible ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    private static T Problem<T>(List<string> problems, string text, T fallback)
    {
        problems.Add(text);
        return fallback;
    }

    private static int Fail(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return ExitCodes.BadInput;
    }
}
