using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Scenarios;

/// <summary>
/// Checks a list of typed scenario edits against a region, in order: each edit is checked against the region as the
/// edits before it left it (a station added by edit 1 may be moved by edit 2, one removed by edit 1 may not be).
/// Every host checks edits here (the API on save, the CLI on edit, <see cref="ScenarioApplier"/> before applying),
/// so an edit one accepts the others accept too.
/// </summary>
public static class ScenarioEditValidator
{
    /// <summary>
    /// Degrees around the region's bounding box (about 5 km) in which a new or moved station or team may still stand:
    /// a site just over the county line can serve the county, a site a province away is a slip of the keyboard.
    /// </summary>
    public const double DefaultRegionMarginDegrees = GeoBounds.InputMarginDegrees;

    /// <summary>
    /// Every problem of <paramref name="edits"/> against <paramref name="region"/>, in edit order, each with the field
    /// path of the JSON exchange form (<c>edits[2].speed_kmh</c>); empty when all apply.
    /// </summary>
    /// <param name="region">The base region.</param>
    /// <param name="edits">The edits, in the order they apply.</param>
    /// <param name="regionMarginDegrees">Degrees around the region's bounding box in which positions are accepted.</param>
    public static IReadOnlyList<ScenarioProblem> Validate(Region region, IReadOnlyList<ScenarioEdit?> edits, double regionMarginDegrees = DefaultRegionMarginDegrees)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(edits);
        var check = new ScenarioEditCheck(region, regionMarginDegrees);
        for (int i = 0; i < edits.Count; i++)
        {
            if (edits[i] is not { } edit)
            {
                check.Begin(i, "?");
                check.Problem(string.Empty, "edit is null", ScenarioProblemKind.Malformed);
                continue;
            }

            check.Begin(i, edit.Kind);
            edit.Check(check);
        }

        return check.Problems;
    }
}
