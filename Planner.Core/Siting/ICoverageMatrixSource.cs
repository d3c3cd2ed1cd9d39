using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// Builds the coverage matrix of a region: the seam between the siting models and whatever computes who
/// reaches whom. <see cref="RegionCoverageMatrixSource"/> does it from any <see cref="ITravelTimeSource"/>; the
/// road-network coverage engine will plug in there (bounded searches from every station and candidate).
/// </summary>
public interface ICoverageMatrixSource
{
    /// <summary>Demand points x (operating stations + candidates) within <paramref name="limitMinutes"/>.</summary>
    /// <param name="region">The region.</param>
    /// <param name="limitMinutes">Service-circle limit in minutes (the coverage radius).</param>
    /// <param name="keepMinutes">Keep pairs up to this many minutes (above the limit for p-median).</param>
    /// <param name="cancellationToken">Cancels a long computation.</param>
    CoverageMatrix Build(Region region, double limitMinutes, double keepMinutes, CancellationToken cancellationToken);
}
