namespace Planner.Core.Geo;

/// <summary>A position in a region's local metric projection (UTM), in metres.</summary>
/// <param name="X">Easting in metres.</param>
/// <param name="Y">Northing in metres.</param>
public readonly record struct ProjectedPoint(double X, double Y)
{
    /// <summary>Straight-line distance in metres to another projected point.</summary>
    public double DistanceMeters(ProjectedPoint other)
    {
        double dx = X - other.X, dy = Y - other.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
