using System.Diagnostics;
using System.Text.Json.Nodes;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Siting;

namespace Planner.Cli.Commands;

/// <summary>
/// Region mode of <c>recommend</c>: the travel-time source of the region (road network, straight line only when
/// it has no roads), its candidates (candidates.geojson, or generated unit centres, road intersections and public
/// buildings) and the coverage matrix of operating stations (locked in) and candidates over its demand points.
/// </summary>
internal static class RegionSiting
{
    /// <summary>The matrix and the facts the answer reports about how it was built.</summary>
    public static (CoverageMatrix Matrix, JsonObject Context) BuildMatrix(Region region, CoverageOptions options, double spacingMeters, bool pMedian)
    {
        var watch = Stopwatch.StartNew();
        var travel = NetworkTravelTimeSource.ForRegion(region, options);
        string candidateSource = "candidates.geojson";
        if (region.Candidates.Length == 0)
        {
            region = region with { Candidates = CandidateGenerator.Generate(region, (travel as NetworkTravelTimeSource)?.Graph, spacingMeters) };
            candidateSource = $"generated: unit centres, road intersections on a {spacingMeters} m grid and {region.PublicBuildings.Length} public building{(region.PublicBuildings.Length == 1 ? string.Empty : "s")}";
        }

        var source = new RegionCoverageMatrixSource(travel) { IncludePlanned = options.IncludePlanned, PaceRatios = PaceRatios(region, options) };
        var matrix = source.Build(region, options.Minutes, pMedian ? double.PositiveInfinity : options.Minutes, CancellationToken.None);
        var context = new JsonObject
        {
            ["travel"] = travel.IsStraightLine ? "straight-line (the region has no roads)" : "network",
            ["minutes"] = options.Minutes,
            ["mode"] = options.Mode,
            ["lockedIn"] = matrix.Sites.Count(s => s.Role == SiteRole.Existing),
            ["candidates"] = new JsonObject { ["count"] = region.Candidates.Length, ["source"] = candidateSource },
            ["demandPoints"] = region.Demand.Length,
            ["matrixSeconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
        };
        if (source.PaceRatios.Count > 0)
        {
            context["paceNote"] = $"{string.Join(", ", source.PaceRatios.Keys)} covered at their own pace, as in planner coverage";
        }

        return (matrix, context);
    }

    /// <summary>Base speed / group speed for each of the region's groups with its own pace in the profile.</summary>
    public static IReadOnlyDictionary<string, double> PaceRatios(Region region, CoverageOptions options)
    {
        var profile = options.ResolveProfile();
        double baseKmh = options.SpeedKmh ?? profile.SpeedKmh;
        return profile.GroupSpeedsKmh.Where(g => region.Groups.Contains(g.Key) && g.Value > 0 && g.Value != baseKmh)
            .ToDictionary(g => g.Key, g => baseKmh / g.Value, StringComparer.Ordinal);
    }
}
