using Planner.Core.Siting;

namespace Planner.Api.Endpoints;

/// <summary>A recommended or kept site.</summary>
/// <param name="Id">Candidate or station id.</param>
/// <param name="Lon">Longitude (WGS84).</param>
/// <param name="Lat">Latitude (WGS84).</param>
/// <param name="Forced">Opened because the request forced it.</param>
/// <param name="Gain">People gained per group by opening it.</param>
/// <param name="Units">Units it serves.</param>
internal sealed record SiteResponse(string Id, double? Lon, double? Lat, bool Forced, IReadOnlyDictionary<string, double> Gain, IReadOnlyList<string> Units);

/// <summary>The candidate sites of a recommendation.</summary>
/// <param name="Count">How many.</param>
/// <param name="Source">region (the region's own), request (sent with it) or generated (unit centres, road intersections, public buildings).</param>
internal sealed record CandidatesResponse(int Count, string Source);

/// <summary>Covered people per group.</summary>
/// <param name="Covered">People covered.</param>
/// <param name="Population">People.</param>
/// <param name="Share">Covered / population.</param>
internal sealed record GroupShareResponse(double Covered, double Population, double Share);

/// <summary>The answer of a recommendation job (the fields of <c>planner recommend</c>'s JSON).</summary>
/// <param name="Model">mclp, lscp or pmedian.</param>
/// <param name="Method">exact or heuristic.</param>
/// <param name="Status">optimal, feasible or infeasible.</param>
/// <param name="StatusText">Why, in words.</param>
/// <param name="Objective">Objective value (null when not finite).</param>
/// <param name="Bound">Best bound.</param>
/// <param name="Gap">Relative gap between objective and bound.</param>
/// <param name="Seconds">Solve time.</param>
/// <param name="Minutes">Coverage limit used.</param>
/// <param name="TravelTimes">How travel times were measured (straight-line: distance × 1.3 at the mode's speed).</param>
/// <param name="Sites">Chosen sites with their gains.</param>
/// <param name="Before">Coverage per group before.</param>
/// <param name="After">Coverage per group after.</param>
/// <param name="UncoveredDemand">Demand points with people still uncovered (a point counts once however many paces it is split into).</param>
/// <param name="Mode">Travel mode.</param>
/// <param name="SpeedKmh">Base speed in km/h (the override, else the mode's).</param>
/// <param name="LockedIn">Counted stations kept as existing sites.</param>
/// <param name="Candidates">Candidate sites: how many and where from (region, request or generated).</param>
/// <param name="OwnPaceGroups">Groups covered at their own pace, as in coverage.</param>
internal sealed record RecommendationResponse(string Model, string Method, string Status, string StatusText, double? Objective, double? Bound, double? Gap,
    double Seconds, double Minutes, string TravelTimes, IReadOnlyList<SiteResponse> Sites, IReadOnlyDictionary<string, GroupShareResponse> Before,
    IReadOnlyDictionary<string, GroupShareResponse> After, int UncoveredDemand,
    string? Mode = null, double? SpeedKmh = null, int? LockedIn = null, CandidatesResponse? Candidates = null, IReadOnlyList<string>? OwnPaceGroups = null)
{
    /// <summary>The wire form of a recommendation: the siting answer and how it was reached.</summary>
    public static RecommendationResponse From(RecommendationResult r) => From(r.Siting, r.Minutes, r.TravelMethod) with
    {
        Mode = r.Mode,
        SpeedKmh = r.SpeedKmh,
        LockedIn = r.LockedIn,
        Candidates = new CandidatesResponse(r.CandidateCount, r.CandidateOrigin.ToString().ToLowerInvariant()),
        OwnPaceGroups = [.. r.OwnPaceGroups],
    };

    /// <summary>The wire form of a siting answer.</summary>
    public static RecommendationResponse From(SitingResult r, double minutes, string travelTimes) => new(
        r.Model switch { SitingModel.Mclp => "mclp", SitingModel.Lscp => "lscp", _ => "pmedian" },
        r.Method == SolveMethod.Exact ? "exact" : "heuristic",
        r.Status.ToString().ToLowerInvariant(),
        r.StatusText,
        Finite(r.Objective), Finite(r.Bound), Finite(r.Gap), Math.Round(r.Seconds, 3), minutes, travelTimes,
        [.. r.Sites.Select(s => new SiteResponse(s.Id, s.Location?.Lon, s.Location?.Lat, s.Forced,
            r.After.Select((g, i) => (g.Group, Gain: s.Gain[i])).ToDictionary(x => x.Group, x => x.Gain, StringComparer.Ordinal), [.. s.Units]))],
        Shares(r.Before), Shares(r.After), r.UncoveredDemand);

    private static Dictionary<string, GroupShareResponse> Shares(IEnumerable<GroupCoverage> coverage) =>
        coverage.ToDictionary(c => c.Group, c => new GroupShareResponse(c.Covered, c.Population, Math.Round(c.Share, 6)), StringComparer.Ordinal);

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
