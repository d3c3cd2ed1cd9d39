using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Model;

namespace Planner.Core.Visits;

/// <summary>
/// ILLUSTRATIVE case files for a sample region, not real people: for each category a whole number of cases
/// from the region's modelled population (a fixed illustrative rate of a census group: people aged 65+,
/// children aged 0-14, disabled people, everyone), spread over the demand points in proportion to that group by
/// largest remainder, each placed within about 150 m of its demand point by a seeded random offset. Visit
/// rhythms, minutes and windows are fixed per category.
/// </summary>
public static class IllustrativeCases
{
    /// <summary>One category's rule: which census group, what share of it has a file, and the visits it asks for.</summary>
    /// <param name="Category">The case category.</param>
    /// <param name="Group">The population group it is drawn from.</param>
    /// <param name="PerThousand">Cases per 1,000 people of the group (illustrative).</param>
    /// <param name="VisitsPerMonth">Visits a month.</param>
    /// <param name="Minutes">Minutes a visit.</param>
    /// <param name="Window">The window, or null.</param>
    /// <param name="Kind">The visit kind (for volunteer skills), or null.</param>
    public sealed record Rule(string Category, string Group, double PerThousand, int VisitsPerMonth, double Minutes, VisitWindow? Window, string? Kind);

    /// <summary>The rules of the samples.</summary>
    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new(CaseCategories.ElderlyAlone, "elderly", 5, 2, 40, null, null),
        new(CaseCategories.SpecialHardship, "total", 0.5, 1, 45, null, null),
        new(CaseCategories.LeftBehindChild, "children", 2, 1, 45, new VisitWindow(14 * 60, 17 * 60), "tutoring"),
        new(CaseCategories.OrphanDeFacto, "children", 0.3, 2, 60, new VisitWindow(14 * 60, 17 * 60), null),
        new(CaseCategories.SevereDisability, "disabled", 5, 1, 45, null, null),
    ];

    /// <summary>The illustrative cases of <paramref name="region"/> (groups it lacks are skipped).</summary>
    public static IReadOnlyList<VisitCase> Generate(Region region, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(region);
        var random = new Random(seed);
        var projection = region.CreateProjection();
        var cases = new List<VisitCase>();
        foreach (var rule in Rules)
        {
            int group = region.Groups.Names.ToList().IndexOf(rule.Group);
            if (group < 0 || region.Demand.IsEmpty)
            {
                continue;
            }

            var weights = region.Demand.Select(d => d.Counts[group]).ToArray();
            double people = weights.Sum();
            if (!(people > 0))
            {
                continue;
            }

            var counts = LargestRemainder.Split((long)Math.Round(people * rule.PerThousand / 1000), weights);
            for (int p = 0; p < counts.Length; p++)
            {
                var home = projection.Project(region.Demand[p].Location);
                for (long k = 0; k < counts[p]; k++)
                {
                    double angle = random.NextDouble() * 2 * Math.PI, radius = 150 * Math.Sqrt(random.NextDouble());
                    var at = projection.Unproject(new ProjectedPoint(home.X + (radius * Math.Cos(angle)), home.Y + (radius * Math.Sin(angle))));
                    var id = string.Create(CultureInfo.InvariantCulture, $"X{cases.Count + 1:00000}");
                    cases.Add(new VisitCase(id, new GeoPoint(Math.Round(at.Lon, 6), Math.Round(at.Lat, 6)), region.Demand[p].UnitCode,
                        rule.Category, rule.VisitsPerMonth, rule.Minutes, Window: rule.Window, Kind: rule.Kind));
                }
            }
        }

        return cases;
    }

    /// <summary>The region.json note of the case layer.</summary>
    public static string Note(IReadOnlyList<VisitCase> cases) => string.Create(CultureInfo.InvariantCulture,
        $"ILLUSTRATIVE, not real people: {cases.Count} case files drawn from the modelled census population at fixed illustrative rates ({string.Join("; ", Rules.Select(r => $"{r.Category} {r.PerThousand} per 1,000 {r.Group}, {r.VisitsPerMonth}/month x {r.Minutes} min"))}), within 150 m of their demand point (planner visits --illustrative-cases; see data/README.md)");
}
