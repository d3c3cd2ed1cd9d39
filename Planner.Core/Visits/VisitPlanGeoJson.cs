using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planner.Core.Visits;

/// <summary>
/// A plan's worker days as GeoJSON (WGS84): one LineString per worker day along the roads, station → homes in
/// visit order → station (<see cref="VisitRoutes"/>). Holds case locations: for planners and admins only.
/// </summary>
public static class VisitPlanGeoJson
{
    /// <summary>The FeatureCollection of the routes (properties station, worker, day, minutes, stops, cases).</summary>
    public static string Days(IReadOnlyList<WorkerDayRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        bool first = true;
        foreach (var route in routes)
        {
            var day = route.Day;
            var points = route.Line.Length >= 2 ? route.Line : [route.Line[0], route.Line[0]];
            var props = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["station"] = day.StationId, ["worker"] = day.WorkerId, ["day"] = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["minutes"] = Math.Round(route.Minutes, 1), ["stops"] = day.Stops.Length, ["service_minutes"] = Math.Round(day.ServiceMinutes, 1),
                ["cases"] = string.Join(';', day.Stops.Select(s => s.CaseId)),
                ["stop_coordinates"] = route.Stops.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToArray(),
            });
            var coords = string.Join(',', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon:0.######},{p.Lat:0.######}]")));
            text.Append(first ? string.Empty : ",").Append("\n{\"type\":\"Feature\",\"properties\":").Append(props)
                .Append(",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[").Append(coords).Append("]}}");
            first = false;
        }

        return text.Append("\n]}").ToString();
    }
}
