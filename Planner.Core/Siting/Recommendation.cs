using System.Collections.Immutable;
using System.Diagnostics;
using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// Siting as a use case, the only implementation that <c>planner recommend</c> (region mode) and
/// <c>POST /regions/{r}/recommendations</c> call: prepares the region once (<see cref="CoverageContext"/>, the
/// graph and snapper coverage runs on), takes the travel times from it (<see cref="NetworkTravelTimeSource.ForContext"/>,
/// so a speed override scales as in coverage), uses the request's candidates or the region's or generates them,
/// locks in the counted stations (<see cref="StationCounting"/>), splits demand by pace as coverage does
/// (<see cref="TravelPaces"/>), builds the coverage matrix and solves it (<see cref="SitingSolver"/>).
/// </summary>
public static class Recommendation
{
    /// <summary>
    /// Largest travel time kept in the matrix for <paramref name="model"/>: the limit for MCLP and LSCP (only
    /// coverage counts), every reachable pair for p-median. P-median minimises the summed travel time, so a pair
    /// cut at some multiple of the limit would be charged the solver's unreached penalty instead of its real
    /// time and could change which site wins; the searches stay bounded by the network itself, and the matrix is
    /// sites × demand points at most (81 × 156 pairs on the Guixi sample: 74 generated candidates, 7 stations).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="limitMinutes">The coverage limit in minutes.</param>
    public static double KeepMinutes(SitingModel model, double limitMinutes) =>
        model == SitingModel.PMedian ? double.PositiveInfinity : limitMinutes;

    /// <summary>Runs the recommendation.</summary>
    /// <param name="region">The region (its stations, candidates, demand and roads).</param>
    /// <param name="request">What to solve and under which travel parameters.</param>
    /// <param name="progress">Receives 0.3 once the matrix is built and 1 when solved; may be null.</param>
    /// <param name="cancellationToken">Cancels the searches and the solver.</param>
    /// <exception cref="ArgumentException">The travel parameters or the candidate spacing have problems.</exception>
    public static RecommendationResult Run(Region region, RecommendationRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Travel with { BuildCircles = false };
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var watch = Stopwatch.StartNew();
        var context = CoverageContext.Prepare(region, options);
        var travel = NetworkTravelTimeSource.ForContext(context, options);
        var origin = CandidateOrigin.Region;
        if (request.Candidates is { } given)
        {
            region = region with { Candidates = given };
            origin = CandidateOrigin.Request;
        }
        else if (region.Candidates.IsEmpty)
        {
            region = region with { Candidates = CandidateGenerator.Generate(region, context.Graph, request.CandidateSpacingMeters) };
            origin = CandidateOrigin.Generated;
        }

        var paces = TravelPaces.For(context.Profile, options, region.Groups);
        var ratios = paces.RatiosToBase();
        var source = new RegionCoverageMatrixSource(travel) { IncludePlanned = options.IncludePlanned, PaceRatios = ratios };
        double keep = KeepMinutes(request.Siting.Model, options.Minutes);
        var matrix = source.Build(region, options.Minutes, keep, cancellationToken);
        double matrixSeconds = watch.Elapsed.TotalSeconds;
        progress?.Report(0.3);
        var result = SitingSolver.Solve(matrix, request.Siting, cancellationToken);
        progress?.Report(1);
        return new RecommendationResult
        {
            Siting = result,
            TravelMethod = context.Method,
            Minutes = options.Minutes,
            Mode = context.Profile.Name,
            SpeedKmh = paces.BaseSpeedKmh,
            KeepMinutes = keep,
            LockedIn = matrix.Sites.Count(s => s.Role == SiteRole.Existing),
            CandidateOrigin = origin,
            CandidateCount = region.Candidates.Length,
            CandidateSpacingMeters = request.CandidateSpacingMeters,
            PublicBuildingCandidates = origin == CandidateOrigin.Generated ? region.PublicBuildings.Length : 0,
            DemandPoints = region.Demand.Length,
            OwnPaceGroups = [.. region.Groups.Names.Where(ratios.ContainsKey)],
            MatrixSeconds = matrixSeconds,
        };
    }
}
