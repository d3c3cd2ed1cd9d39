using Planner.Core.Geo;

namespace Planner.Core.Synthetic;

/// <summary>The size of a synthetic region.</summary>
/// <param name="Edges">Approximate number of walkable graph edges (road pieces between intersections).</param>
/// <param name="DemandPoints">Number of demand points.</param>
/// <param name="Stations">Number of stations (about 85% operating, the rest planned or built).</param>
/// <param name="Seed">Random seed; the same spec always gives the same region.</param>
/// <param name="BlockMeters">Street spacing of the town grid in metres (120).</param>
public sealed record SyntheticRegionSpec(int Edges, int DemandPoints, int Stations, int Seed = 1, double BlockMeters = 120)
{
    /// <summary>Where the region is placed: near Guixi, Jiangxi (UTM zone 50N).</summary>
    public GeoPoint Origin { get; init; } = new(117.2, 28.25);
}
