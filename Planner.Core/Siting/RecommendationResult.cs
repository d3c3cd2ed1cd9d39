using System.Collections.Immutable;

namespace Planner.Core.Siting;

/// <summary>The answer of <see cref="Recommendation.Run"/>: the siting answer and the facts every host reports about how it was reached.</summary>
public sealed record RecommendationResult
{
    /// <summary>The solver's answer: objective, bound, chosen sites, coverage before and after.</summary>
    public required SitingResult Siting { get; init; }

    /// <summary>"network", or "straight-line" when the region has no roads.</summary>
    public required string TravelMethod { get; init; }

    /// <summary>The coverage limit in minutes.</summary>
    public required double Minutes { get; init; }

    /// <summary>The travel mode (profile name).</summary>
    public required string Mode { get; init; }

    /// <summary>The base speed in km/h (the override, else the profile's).</summary>
    public required double SpeedKmh { get; init; }

    /// <summary>Largest travel time kept in the matrix, minutes (infinity for p-median: see <see cref="Recommendation.KeepMinutes"/>).</summary>
    public required double KeepMinutes { get; init; }

    /// <summary>Counted stations, locked in as existing sites.</summary>
    public required int LockedIn { get; init; }

    /// <summary>Where the candidates came from.</summary>
    public required CandidateOrigin CandidateOrigin { get; init; }

    /// <summary>Number of candidate sites.</summary>
    public required int CandidateCount { get; init; }

    /// <summary>The grid spacing in metres of generated road-intersection candidates (with <see cref="CandidateOrigin.Generated"/>).</summary>
    public required double CandidateSpacingMeters { get; init; }

    /// <summary>Public buildings offered as generated candidates (with <see cref="CandidateOrigin.Generated"/>).</summary>
    public required int PublicBuildingCandidates { get; init; }

    /// <summary>Demand points of the region.</summary>
    public required int DemandPoints { get; init; }

    /// <summary>Groups covered at their own pace (as in coverage), in the region's group order; empty when all go at the base speed.</summary>
    public required ImmutableArray<string> OwnPaceGroups { get; init; }

    /// <summary>Seconds spent building the coverage matrix (preparing the network, candidates and searches).</summary>
    public required double MatrixSeconds { get; init; }
}
