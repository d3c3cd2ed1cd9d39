namespace Planner.Core.Validation;

/// <summary>Tolerances of <see cref="RegionValidator"/>.</summary>
/// <param name="MaxRoadDistanceMeters">A station or demand point farther than this from every road is reported (500 m, the default snap limit).</param>
/// <param name="MaxSpreadKm">A feature farther than this from the region's centre is reported as misplaced (lon/lat swapped or a wrong CRS).</param>
public sealed record ValidationOptions(double MaxRoadDistanceMeters = 500, double MaxSpreadKm = 100)
{
    /// <summary>The defaults.</summary>
    public static ValidationOptions Default { get; } = new();
}
