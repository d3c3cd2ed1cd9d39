namespace Planner.Core.Geo;

/// <summary>A position in WGS84 (EPSG:4326) degrees, longitude first as in GeoJSON.</summary>
/// <param name="Lon">Longitude in degrees east, -180..180.</param>
/// <param name="Lat">Latitude in degrees north, -90..90.</param>
public readonly record struct GeoPoint(double Lon, double Lat)
{
    /// <summary>True when both ordinates are finite and inside the valid WGS84 range.</summary>
    public bool IsInRange => double.IsFinite(Lon) && double.IsFinite(Lat)
        && Lon is >= -180 and <= 180 && Lat is >= -90 and <= 90;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({Lon:0.######}, {Lat:0.######})");
}
