using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Api.Coverage;

/// <summary>
/// Service circles of single stations, kept by region version, travel parameters and station location. A
/// station's circle depends on nothing else (not on the other stations), so a what-if that moves one station
/// builds one circle and reuses the rest; building circles is by far the slowest part of a coverage run.
/// </summary>
internal sealed class StationCircleCache
{
    /// <summary>Entries kept before the cache is emptied (a planner's session makes a few hundred).</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<Key, Circle> _circles = new();

    /// <summary>A station's circle in WGS84 (null when it reaches no road) and its area in km².</summary>
    /// <param name="Geometry">The polygon, or null.</param>
    /// <param name="AreaKm2">Its area, km².</param>
    internal sealed record Circle(Geometry? Geometry, double AreaKm2);

    private readonly record struct Key(string Region, long Version, CoverageQuery Query, double Lon, double Lat);

    /// <summary>Number of circles held.</summary>
    public int Count => _circles.Count;

    /// <summary>Keeps the circles of a full coverage result (its counted stations) for reuse.</summary>
    public void Remember(CatalogRegion region, CoverageQuery query, CoverageReport report)
    {
        var byId = region.Region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var s in report.Stations)
        {
            if (byId.TryGetValue(s.Id, out var station))
            {
                Put(KeyOf(region, query, station), new Circle(s.Circle, s.AreaKm2));
            }
        }
    }

    /// <summary>
    /// The circles of <paramref name="stations"/> under <paramref name="query"/>: cached ones as they are, the others
    /// built in one coverage run over just those stations (each counted as operating, since a circle does not
    /// depend on status).
    /// </summary>
    public IReadOnlyDictionary<string, Circle> For(CatalogRegion region, CoverageQuery query, IReadOnlyList<Station> stations)
    {
        var result = new Dictionary<string, Circle>(StringComparer.Ordinal);
        var missing = new List<Station>();
        foreach (var s in stations)
        {
            if (_circles.TryGetValue(KeyOf(region, query, s), out var c))
            {
                result[s.Id] = c;
            }
            else
            {
                missing.Add(s);
            }
        }

        if (missing.Count > 0)
        {
            var only = region.Region with { Stations = [.. missing.Select(s => s with { Status = StationStatus.Operating })] };
            var report = CoverageCalculator.Compute(only, query.ToOptions() with { BuildCircles = true });
            var byId = missing.ToDictionary(m => m.Id, StringComparer.Ordinal);
            foreach (var s in report.Stations)
            {
                var circle = new Circle(s.Circle, s.AreaKm2);
                Put(KeyOf(region, query, byId[s.Id]), circle);
                result[s.Id] = circle;
            }
        }

        return result;
    }

    private static Key KeyOf(CatalogRegion region, CoverageQuery query, Station s) => new(region.Name, region.Version, query, s.Location.Lon, s.Location.Lat);

    private void Put(Key key, Circle circle)
    {
        if (_circles.Count >= MaxEntries)
        {
            _circles.Clear();
        }

        _circles[key] = circle;
    }
}
