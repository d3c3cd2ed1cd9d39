using System.Collections.Immutable;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Visits;

/// <summary>
/// Draws a plan's worker days along the roads. The plan keeps only times (its searches keep no paths), so this
/// prepares the region's graph once per mode the stations used, snaps every stop as the plan did, and runs one
/// early-exit <see cref="PathSearch"/> per leg: the leg's minutes are the plan's (same graph, speeds and snap).
/// </summary>
public static class VisitRoutes
{
    /// <summary>The route of every day of <paramref name="plan"/>, in the plan's order.</summary>
    /// <param name="region">The region the plan was made for (stations and roads).</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels between days.</param>
    public static ImmutableArray<WorkerDayRoute> For(Region region, VisitPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(plan);
        var stations = region.Stations.ToDictionary(s => s.Id, s => s.Location, StringComparer.Ordinal);
        var modes = plan.Stations.ToDictionary(s => s.StationId, s => s.Mode, StringComparer.Ordinal);
        var drawers = new Dictionary<string, Drawer>(StringComparer.Ordinal);
        var routes = ImmutableArray.CreateBuilder<WorkerDayRoute>(plan.Days.Length);
        foreach (var day in plan.Days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string mode = modes.GetValueOrDefault(day.StationId, "walk");
            if (!drawers.TryGetValue(mode, out var drawer))
            {
                drawer = new Drawer(region, mode);
                drawers.Add(mode, drawer);
            }

            var station = stations[day.StationId];
            var stops = ImmutableArray.CreateBuilder<GeoPoint>(day.Stops.Length + 2);
            stops.Add(station);
            stops.AddRange(day.Stops.Select(s => plan.Homes[s.CaseId]));
            stops.Add(station);
            routes.Add(drawer.Draw(day, stops.ToImmutable()));
        }

        return routes.MoveToImmutable();
    }

    /// <summary>One mode's graph, snapper, pace and path search.</summary>
    private sealed class Drawer
    {
        private readonly CoverageContext _context;
        private readonly PathSearch? _search;
        private readonly double _profileToBase;

        public Drawer(Region region, string mode)
        {
            // The options the planner's travel-time source was prepared with, so snaps and speeds are the plan's.
            var options = new CoverageOptions { Mode = mode, BuildCircles = false };
            _context = CoverageContext.Prepare(region, options);
            _search = _context.Graph is null ? null : new PathSearch(_context.Graph);
            _profileToBase = TravelPaces.For(_context.Profile, options, region.Groups).ProfileToBase;
        }

        public WorkerDayRoute Draw(WorkerDay day, ImmutableArray<GeoPoint> stops)
        {
            if (_search is null || _context.Snapper is null)
            {
                // No roads: the plan timed straight legs, so they are the route.
                return new WorkerDayRoute(day, stops, stops, [.. day.Stops.Select(s => s.TravelMinutes).Append(day.TravelMinutes - day.Stops.Sum(s => s.TravelMinutes))]);
            }

            var projection = _context.Graph!.Projection;
            var xy = stops.Select(projection.Project).ToArray();
            var snapped = xy.Select(_context.Snapper.Snap).ToArray();
            var line = ImmutableArray.CreateBuilder<GeoPoint>();
            var minutes = ImmutableArray.CreateBuilder<double>(stops.Length - 1);
            for (int i = 1; i < xy.Length; i++)
            {
                var path = _search.Find(xy[i - 1], snapped[i - 1], xy[i], snapped[i]);
                // The stops themselves (not their round trip through the projection) join the legs.
                if (i == 1)
                {
                    line.Add(stops[0]);
                }

                var points = path.IsFound ? path.Points : [xy[i - 1], xy[i]];
                for (int k = 1; k < points.Length - 1; k++)
                {
                    line.Add(projection.Unproject(points[k]));
                }

                line.Add(stops[i]);

                minutes.Add(path.Seconds / _profileToBase / 60);
            }

            return new WorkerDayRoute(day, line.ToImmutable(), stops, minutes.MoveToImmutable());
        }
    }
}
