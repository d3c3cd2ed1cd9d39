using Planner.Core.Coverage;

namespace Planner.Core.Circles;

/// <summary>
/// Which life circles a coverage run uses, the one rule the CLI, the API and the page share: named circles
/// (ids from a <see cref="LifeCircleCatalog"/>), else an ad-hoc circle when the caller set minutes, mode or
/// speed, else the standard (<see cref="LifeCircleCatalog.DefaultId"/>, GB 50180-2018's 15-minute walk capped at
/// 1,000 m). A cap can be lifted (<c>--no-cap</c>).
/// </summary>
public static class CircleChoice
{
    /// <summary>
    /// The options of each circle chosen, in the order asked, over <paramref name="options"/> (its minutes, mode
    /// and speed are the ad-hoc circle's); problems name the field as <paramref name="circleField"/> and
    /// <paramref name="adHocField"/> (e.g. <c>--tiers</c> and <c>--minutes/--mode/--speed-kmh</c>).
    /// </summary>
    public static (IReadOnlyList<CoverageOptions> Runs, IReadOnlyList<string> Problems) Resolve(
        CoverageOptions options, LifeCircleCatalog catalog, IReadOnlyList<string> ids, bool adHoc, bool noCap,
        string circleField = "circle", string adHocField = "minutes/mode/speed")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ids);
        var problems = new List<string>();
        if (ids.Count > 0 && adHoc)
        {
            problems.Add($"{circleField}: give either circle ids or {adHocField}, not both.");
            return ([], problems);
        }

        if (adHoc)
        {
            return ([options with { Circle = LifeCircle.AdHoc(options.Minutes, options.Mode), CapMeters = null, StationLevels = [], Statuses = [] }], []);
        }

        var runs = new List<CoverageOptions>();
        foreach (var id in ids.Count == 0 ? [LifeCircleCatalog.DefaultId] : ids)
        {
            if (catalog.Find(id) is { } circle)
            {
                if (runs.Any(r => r.CircleId == id))
                {
                    problems.Add($"{circleField}: circle '{id}' is named twice.");
                }

                runs.Add(options.ForCircle(circle, noCap));
            }
            else
            {
                problems.Add($"{circleField}: {catalog.IdProblem(id)}");
            }
        }

        return problems.Count > 0 ? ([], problems) : (runs, []);
    }
}
