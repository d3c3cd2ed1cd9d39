using System.Text.Json;
using System.Text.Json.Nodes;
using Planner.Core.Siting;

namespace Planner.Cli.Commands;

/// <summary>Writes a siting answer as the JSON (model, method, objective, bound, gap, seconds, sites, before, after, uncoveredDemand) or as GeoJSON.</summary>
internal static class SitingJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(SitingResult r, JsonObject? context = null)
    {
        var sites = new JsonArray();
        foreach (var s in r.Sites)
        {
            sites.Add(new JsonObject
            {
                ["id"] = s.Id,
                ["lon"] = s.Location?.Lon,
                ["lat"] = s.Location?.Lat,
                ["forced"] = s.Forced,
                ["gain"] = Gain(r, s),
                ["units"] = new JsonArray([.. s.Units.Select(u => (JsonNode?)u)]),
            });
        }

        var json = new JsonObject
        {
            ["model"] = Name(r.Model),
            ["method"] = r.Method == SolveMethod.Exact ? "exact" : "heuristic",
            ["status"] = r.Status.ToString().ToLowerInvariant(),
            ["statusText"] = r.StatusText,
            ["objective"] = Number(r.Objective),
            ["bound"] = Number(r.Bound),
            ["gap"] = Number(r.Gap),
            ["seconds"] = Math.Round(r.Seconds, 3),
            ["sites"] = sites,
            ["before"] = Coverage(r.Before),
            ["after"] = Coverage(r.After),
            ["uncoveredDemand"] = r.UncoveredDemand,
        };
        foreach (var (key, value) in context ?? [])
        {
            json[key] = value?.DeepClone();
        }

        return json.ToJsonString(Indented);
    }

    public static string GeoJson(SitingResult r, JsonObject? context = null)
    {
        var features = new JsonArray();
        foreach (var s in r.Sites.Where(s => s.Location is not null))
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(s.Location!.Value.Lon, s.Location.Value.Lat) },
                ["properties"] = new JsonObject { ["id"] = s.Id, ["forced"] = s.Forced, ["gain"] = Gain(r, s) },
            });
        }

        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["model"] = Name(r.Model),
            ["objective"] = Number(r.Objective),
        };
        foreach (var (key, value) in context ?? [])
        {
            collection[key] = value?.DeepClone();
        }

        collection["features"] = features;
        return collection.ToJsonString(Indented);
    }

    public static string Name(SitingModel model) => model switch
    {
        SitingModel.Mclp => "mclp",
        SitingModel.Lscp => "lscp",
        _ => "pmedian",
    };

    private static JsonObject Gain(SitingResult r, ChosenSite s)
    {
        var gain = new JsonObject();
        for (int g = 0; g < r.After.Length; g++)
        {
            gain[r.After[g].Group] = s.Gain[g];
        }

        return gain;
    }

    private static JsonObject Coverage(IEnumerable<GroupCoverage> coverage)
    {
        var o = new JsonObject();
        foreach (var c in coverage)
        {
            o[c.Group] = new JsonObject { ["covered"] = c.Covered, ["population"] = c.Population, ["share"] = Math.Round(c.Share, 6) };
        }

        return o;
    }

    private static double? Number(double v) => double.IsFinite(v) ? v : null;
}
