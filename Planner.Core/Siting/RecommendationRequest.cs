using System.Collections.Immutable;
using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// What a planner asks of <see cref="Recommendation.Run"/>: where new stations should go in a region, under
/// the travel parameters of a coverage run, with the model and solver limits of a <see cref="SitingRequest"/>.
/// </summary>
public sealed record RecommendationRequest
{
    /// <summary>The model, its parameters (p, weights, target share, budget, township floor) and solver limits.</summary>
    public required SitingRequest Siting { get; init; }

    /// <summary>
    /// The travel parameters, read as coverage reads them: the limit in minutes, the mode (or profile), a speed
    /// override and whether planned and built stations count (locked in) as well as operating ones.
    /// </summary>
    public CoverageOptions Travel { get; init; } = new() { BuildCircles = false };

    /// <summary>Candidate sites to choose from; null uses the region's, or generates them when it has none.</summary>
    public ImmutableArray<Candidate>? Candidates { get; init; }

    /// <summary>Grid spacing in metres for generated road-intersection candidates (500).</summary>
    public double CandidateSpacingMeters { get; init; } = 500;
}
