using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Validation;

/// <summary>
/// The robust centre of a region: the coordinate-wise median of its road vertices (or of its demand points,
/// stations and unit centres when it has no roads). A median, unlike the bounding box, is not dragged away
/// by the few misplaced features that validation is looking for.
/// </summary>
internal static class RegionCenter
{
    public static GeoPoint? Of(Region region)
    {
        var lons = new List<double>();
        var lats = new List<double>();
        if (!region.Roads.IsEmpty)
        {
            foreach (var r in region.Roads)
            {
                foreach (var c in r.Line.Coordinates)
                {
                    lons.Add(c.X);
                    lats.Add(c.Y);
                }
            }
        }
        else
        {
            foreach (var p in region.Demand.Select(d => d.Location).Concat(region.Stations.Select(s => s.Location)))
            {
                lons.Add(p.Lon);
                lats.Add(p.Lat);
            }

            foreach (var u in region.Units)
            {
                var e = u.Boundary.EnvelopeInternal;
                lons.Add(e.Centre.X);
                lats.Add(e.Centre.Y);
            }
        }

        return lons.Count == 0 ? null : new GeoPoint(Median(lons), Median(lats));
    }

    /// <summary>Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        const double R = 6371.0088;
        double dLat = (b.Lat - a.Lat) * Math.PI / 180, dLon = (b.Lon - a.Lon) * Math.PI / 180;
        double h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(a.Lat * Math.PI / 180) * Math.Cos(b.Lat * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
