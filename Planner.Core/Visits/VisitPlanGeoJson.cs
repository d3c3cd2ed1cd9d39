using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planner.Core.Visits;

/// <summary>
/// A plan's worker days as GeoJSON (WGS84): one LineString per worker day, station → homes in visit order →
/// station, with straight legs between stops (the travel minutes are along the roads). Holds case locations:
/// for planners and admins only.
/// </summary>
public static class VisitPlanGeoJson
{
    /// <summary>The FeatureCollection of <paramref name="plan"/>'s days.</summary>
    public static string Days(VisitPlan plan, IReadOnlyDictionary<string, Geo.GeoPoint>? stations = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        bool first = true;
        foreach (var day in plan.Days)
        {
            var points = day.Stops.Select(s => plan.Homes[s.CaseId]).ToList();
            if (stations is not null && stations.TryGetValue(day.StationId, out var station))
            {
                points.Insert(0, station);
                points.Add(station);
            }

            if (points.Count < 2)
            {
                points.Add(points[0]);
            }

            var props = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["station"] = day.StationId, ["worker"] = day.WorkerId, ["date"] = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["stops"] = day.Stops.Length, ["travel_minutes"] = Math.Round(day.TravelMinutes, 1), ["service_minutes"] = Math.Round(day.ServiceMinutes, 1),
                ["cases"] = string.Join(';', day.Stops.Select(s => s.CaseId)),
            });
            var coords = string.Join(',', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon:0.######},{p.Lat:0.######}]")));
            text.Append(first ? string.Empty : ",").Append("\n{\"type\":\"Feature\",\"properties\":").Append(props)
                .Append(",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[").Append(coords).Append("]}}");
            first = false;
        }

        return text.Append("\n]}").ToString();
    }
}
