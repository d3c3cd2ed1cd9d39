using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Validation;

/// <summary>
/// Reports stations (errors: a station nobody can walk to is a data mistake) and demand points (warnings:
/// remote homes exist, coverage reports them as unreachable) farther than a limit from every road, measured
/// in the region's local metric projection.
/// </summary>
internal static class RoadDistanceCheck
{
    public static void Run(Region region, double maxMeters, List<ValidationProblem> problems)
    {
        // A feature already reported as misplaced is far from every road too; saying so again is noise.
        var misplaced = problems.Select(p => (p.Layer, p.FeatureId)).ToHashSet();
        var projection = region.CreateProjection();
        var tree = new STRtree<Geometry>();
        foreach (var r in region.Roads)
        {
            var line = projection.Project(r.Line);
            tree.Insert(line.EnvelopeInternal, line);
        }

        tree.Build();
        var factory = GeometryFactories.Projected;

        double Distance(GeoPoint p)
        {
            var q = projection.Project(p);
            var pt = factory.CreatePoint(new Coordinate(q.X, q.Y));
            var env = new Envelope(q.X - maxMeters, q.X + maxMeters, q.Y - maxMeters, q.Y + maxMeters);
            double best = double.PositiveInfinity;
            foreach (var line in tree.Query(env))
            {
                best = Math.Min(best, line.Distance(pt));
            }

            return best;
        }

        foreach (var s in region.Stations)
        {
            if (!misplaced.Contains((RegionLayer.Stations, s.Id)) && Distance(s.Location) > maxMeters)
            {
                problems.Add(new(RegionLayer.Stations, s.Id, "geometry", FormattableString.Invariant($"station is more than {maxMeters:0} m from every road: nobody could reach it along the network")));
            }
        }

        int far = 0;
        foreach (var d in region.Demand)
        {
            if (!misplaced.Contains((RegionLayer.Demand, d.Id)) && Distance(d.Location) > maxMeters && ++far <= 20)
            {
                problems.Add(new(RegionLayer.Demand, d.Id, "lon,lat", FormattableString.Invariant($"point is more than {maxMeters:0} m from every road: it will be reported unreachable"), ProblemSeverity.Warning));
            }
        }

        if (far > 20)
        {
            problems.Add(new(RegionLayer.Demand, string.Empty, "lon,lat", $"{far - 20} more points are more than {maxMeters:0} m from every road", ProblemSeverity.Warning));
        }
    }
}
