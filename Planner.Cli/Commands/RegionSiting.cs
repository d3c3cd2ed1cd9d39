using System.Globalization;
using System.Text.Json.Nodes;
using Planner.Core.Siting;

namespace Planner.Cli.Commands;

/// <summary>
/// Region mode of <c>recommend</c>: the facts <see cref="Recommendation.Run"/> reports about how its answer was
/// reached (travel method, candidates, locked-in stations, paces), in the CLI's JSON.
/// </summary>
internal static class RegionSiting
{
    /// <summary>The facts the answer reports about how the matrix was built.</summary>
    public static JsonObject Context(RecommendationResult r)
    {
        string source = r.CandidateOrigin switch
        {
            CandidateOrigin.Generated => string.Create(CultureInfo.InvariantCulture,
                $"generated: unit centres, road intersections on a {r.CandidateSpacingMeters} m grid and {r.PublicBuildingCandidates} public building{(r.PublicBuildingCandidates == 1 ? string.Empty : "s")}"),
            _ => "candidates.geojson",
        };
        var context = new JsonObject
        {
            ["travel"] = r.TravelMethod == "straight-line" ? "straight-line (the region has no roads)" : "network",
            ["minutes"] = r.Minutes,
            ["mode"] = r.Mode,
            ["lockedIn"] = r.LockedIn,
            ["candidates"] = new JsonObject { ["count"] = r.CandidateCount, ["source"] = source },
            ["demandPoints"] = r.DemandPoints,
            ["matrixSeconds"] = Math.Round(r.MatrixSeconds, 3),
        };
        if (r.OwnPaceGroups.Length > 0)
        {
            context["paceNote"] = $"{string.Join(", ", r.OwnPaceGroups)} covered at their own pace, as in planner coverage";
        }

        return context;
    }
}
