namespace Planner.Core.Geo;

/// <summary>A longitude-latitude bounding box in WGS84 degrees.</summary>
public readonly record struct GeoBounds(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>An empty box that any <see cref="Include(GeoPoint)"/> replaces.</summary>
    public static GeoBounds Empty => new(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity);

    /// <summary>True when nothing has been included.</summary>
    public bool IsEmpty => MinLon > MaxLon;

    /// <summary>The centre of the box.</summary>
    public GeoPoint Center => new((MinLon + MaxLon) / 2, (MinLat + MaxLat) / 2);

    /// <summary>This box grown to contain <paramref name="p"/>.</summary>
    public GeoBounds Include(GeoPoint p) =>
        new(Math.Min(MinLon, p.Lon), Math.Min(MinLat, p.Lat), Math.Max(MaxLon, p.Lon), Math.Max(MaxLat, p.Lat));

    /// <summary>This box grown to contain <paramref name="other"/>.</summary>
    public GeoBounds Include(GeoBounds other) => other.IsEmpty ? this :
        new(Math.Min(MinLon, other.MinLon), Math.Min(MinLat, other.MinLat), Math.Max(MaxLon, other.MaxLon), Math.Max(MaxLat, other.MaxLat));

    /// <summary>True when <paramref name="p"/> lies inside or on the box.</summary>
    public bool Contains(GeoPoint p) => p.Lon >= MinLon && p.Lon <= MaxLon && p.Lat >= MinLat && p.Lat <= MaxLat;

    /// <summary>
    /// Degrees around a region's bounding box in which input positions (stations, candidates, edits) are still
    /// accepted: about 5 km, so a site just outside the outermost feature is not refused.
    /// </summary>
    public const double InputMarginDegrees = 0.05;

    /// <summary>These bounds grown by <paramref name="marginDegrees"/> on every side.</summary>
    public GeoBounds Grown(double marginDegrees) => new(MinLon - marginDegrees, MinLat - marginDegrees, MaxLon + marginDegrees, MaxLat + marginDegrees);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"[{MinLon:0.######}, {MinLat:0.######}, {MaxLon:0.######}, {MaxLat:0.######}]");
}
