namespace Planner.Core.Coverage;

/// <summary>
/// One demand point of a gap and the people it adds to the gap: per group (in the region's group order), its
/// people when that group is uncovered there, else 0. Kept so that a gap can be narrowed to some units exactly.
/// </summary>
/// <param name="Point">Index of the demand point in the region's demand (and in <see cref="CoverageReport.Points"/>).</param>
/// <param name="People">Uncovered people per group at the point, in the region's group order.</param>
public sealed record GapPoint(int Point, IReadOnlyList<double> People);
