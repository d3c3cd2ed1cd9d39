using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>
/// Straight-line travel times: great-circle (haversine, mean Earth radius 6,371,008.8 m) distance times a
/// circuity factor (road distance / straight distance, typically 1.2-1.4), at a constant speed. The fallback
/// for regions without roads; every pair is examined (O(origins x targets)).
/// </summary>
public sealed class StraightLineTravelTimes : ITravelTimeSource
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Creates the estimator.</summary>
    /// <param name="speedKmh">Travel speed in km/h (walk about 4.5-5).</param>
    /// <param name="circuityFactor">Road distance over straight distance, at least 1.</param>
    public StraightLineTravelTimes(double speedKmh, double circuityFactor)
    {
        if (!(speedKmh > 0) || !double.IsFinite(speedKmh))
        {
            throw new ArgumentOutOfRangeException(nameof(speedKmh), speedKmh, "The speed must be a positive number of km/h.");
        }

        if (!(circuityFactor >= 1) || !double.IsFinite(circuityFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(circuityFactor), circuityFactor, "The circuity factor must be at least 1.");
        }

        SpeedKmh = speedKmh;
        CircuityFactor = circuityFactor;
    }

    /// <summary>Speed in km/h.</summary>
    public double SpeedKmh { get; }

    /// <summary>Road distance over straight distance.</summary>
    public double CircuityFactor { get; }

    /// <inheritdoc />
    public bool IsStraightLine => true;

    /// <summary>Great-circle distance in metres.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        double dLat = double.DegreesToRadians(b.Lat - a.Lat), dLon = double.DegreesToRadians(b.Lon - a.Lon);
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(a.Lat)) * Math.Cos(double.DegreesToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Travel minutes between two places.</summary>
    public double Minutes(GeoPoint from, GeoPoint to) => DistanceMeters(from, to) * CircuityFactor / (SpeedKmh * 1000 / 60);

    /// <inheritdoc />
    public IReadOnlyList<(int Origin, int Target, double Minutes)> Within(
        IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> targets, double limitMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(targets);
        var pairs = new List<(int, int, double)>();
        for (int o = 0; o < origins.Count; o++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int t = 0; t < targets.Count; t++)
            {
                double minutes = Minutes(origins[o], targets[t]);
                if (minutes <= limitMinutes)
                {
                    pairs.Add((o, t, minutes));
                }
            }
        }

        return pairs;
    }
}
