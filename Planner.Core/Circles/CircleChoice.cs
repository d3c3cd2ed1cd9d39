using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Core.Circles;

/// <summary>
/// Which life circles a coverage run uses, the one rule the CLI, the API and the page share: named circles
/// (ids from a <see cref="LifeCircleCatalog"/>), else an ad-hoc circle when the caller set minutes, mode or
/// speed, else the region's own default (<see cref="RegionInfo.DefaultCircle"/>, region.json
/// <c>defaults.circle</c>), else the standard (<see cref="LifeCircleCatalog.DefaultId"/>, GB 50180-2018's
/// 15-minute walk capped at 1,000 m). A cap can be lifted (<c>--no-cap</c>).
/// </summary>
public static class CircleChoice
{
    /// <summary>
    /// The id of the circle a run on <paramref name="region"/> uses when it names none and sets no minutes, mode or
    /// speed: the region's <see cref="RegionInfo.DefaultCircle"/>, else <see cref="LifeCircleCatalog.DefaultId"/>;
    /// <see cref="LifeCircle.AdHocId"/> means the ad-hoc circle of the region's default minutes and mode.
    /// </summary>
    public static string DefaultId(RegionInfo region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.DefaultCircle ?? LifeCircleCatalog.DefaultId;
    }

    /// <summary>
    /// The options of each circle chosen for a run on <paramref name="region"/>: as
    /// <see cref="Resolve(CoverageOptions, LifeCircleCatalog, IReadOnlyList{string}, bool, bool, string, string)"/>,
    /// but when no circle is named and nothing ad hoc is set, the region's default (<see cref="DefaultId"/>); an
    /// ad-hoc region default takes the region's default minutes and mode.
    /// </summary>
    public static (IReadOnlyList<CoverageOptions> Runs, IReadOnlyList<string> Problems) Resolve(
        RegionInfo region, CoverageOptions options, LifeCircleCatalog catalog, IReadOnlyList<string> ids, bool adHoc, bool noCap,
        string circleField = "circle", string adHocField = "minutes/mode/speed")
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > 0 || adHoc)
        {
            return Resolve(options, catalog, ids, adHoc, noCap, circleField, adHocField);
        }

        var id = DefaultId(region);
        return id == LifeCircle.AdHocId
            ? Resolve(options with { Minutes = region.DefaultMinutes, Mode = region.DefaultMode }, catalog, [], adHoc: true, noCap, circleField, adHocField)
            : Resolve(options, catalog, [id], adHoc: false, noCap, circleField, adHocField);
    }

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
