using System.Diagnostics;
using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Synthetic;
using Planner.Core.Visits;

namespace Planner.Benchmarks;

/// <summary>
/// A county month of home visits (issue 17): 2,000 cases, 30 stations of 3 social workers (90), e-bike, on a
/// synthetic county of 30,000 road edges. Prints the wall-clock time of the whole plan (travel times included),
/// the travel against the nearest-neighbour plan and against the lower bound, and the visits each makes.
/// <c>dotnet run -c Release --project tests/bench/Planner.Benchmarks -- visits [SECONDS_PER_STATION]</c> (0: the nearest-neighbour plan alone).
/// </summary>
internal static class VisitsProbe
{
    public static void Run(double secondsPerStation)
    {
        var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(30_000, 3_000, 30, 7));
        region = region with { Stations = [.. region.Stations.Select(s => s with { Status = StationStatus.Operating, SocialWorkers = 3 })] };
        var cases = Cases(region, 2_000, 7);
        var options = new VisitPlanOptions { Mode = "ebike", SecondsPerStation = Math.Max(secondsPerStation, 0.05), Optimise = secondsPerStation > 0, UseVolunteers = false };
        var clock = Stopwatch.StartNew();
        var plan = VisitPlanner.Plan(region, cases, options);
        clock.Stop();
        var q = plan.Quality;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stations {plan.Stations.Length}, workers {plan.Stations.Sum(s => s.WorkersPresent)}, cases {cases.Count}, visits asked {cases.Sum(c => c.VisitsPerMonth)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan {clock.Elapsed.TotalSeconds:0.0} s ({secondsPerStation} s search per station, {Environment.ProcessorCount} processors)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"visits planned {plan.VisitsPlanned}, unmet {plan.Unmet.Length} ({string.Join(", ", plan.Unmet.GroupBy(u => u.Reason).Select(g => $"{g.Key} {g.Count()}"))}); nearest neighbour {q.NearestNeighbourVisits}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"travel {q.TravelHours:0.0} h; nearest neighbour {q.NearestNeighbourTravelHours:0.0} h ({q.SavingOverNearestNeighbour:P1} less); lower bound {q.LowerBoundTravelHours:0.0} h (gap {q.GapToLowerBound:P1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workers needed {plan.Stations.Sum(s => s.WorkersNeeded)} (Taicang 1,960 h/year), stations short {plan.Checks.Count(c => !c.Passed)}"));
    }

    /// <summary>Cases at demand points drawn in proportion to their elderly, within 150 m, with the sample's rhythms.</summary>
    internal static List<VisitCase> Cases(Region region, int count, int seed)
    {
        var random = new Random(seed);
        var projection = region.CreateProjection();
        int elderly = region.Groups.Names.IndexOf("elderly");
        var weights = region.Demand.Select(d => d.Counts[elderly]).ToArray();
        double total = weights.Sum();
        var rules = IllustrativeCases.Rules;
        var cases = new List<VisitCase>(count);
        for (int i = 0; i < count; i++)
        {
            double pick = random.NextDouble() * total;
            int p = 0;
            while (p < weights.Length - 1 && (pick -= weights[p]) > 0)
            {
                p++;
            }

            var home = projection.Project(region.Demand[p].Location);
            double angle = random.NextDouble() * 2 * Math.PI, radius = 150 * Math.Sqrt(random.NextDouble());
            var at = projection.Unproject(new ProjectedPoint(home.X + (radius * Math.Cos(angle)), home.Y + (radius * Math.Sin(angle))));
            var rule = rules[random.Next(rules.Count)];
            cases.Add(new VisitCase($"B{i:0000}", at, region.Demand[p].UnitCode, rule.Category, rule.VisitsPerMonth, rule.Minutes, Window: rule.Window));
        }

        return cases;
    }
}
