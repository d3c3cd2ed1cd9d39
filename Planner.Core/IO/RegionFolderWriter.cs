using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.IO;

/// <summary>
/// Writes a <see cref="Region"/> as a region folder (WGS84, <c>crs</c> = wgs84). Output is deterministic
/// (same region, same bytes), so import commands can be checked to rebuild the shipped samples exactly.
/// Each file is written to a temporary name and moved into place, so a failed write leaves the old file.
/// </summary>
public static class RegionFolderWriter
{
    private static readonly GeometryFactory Factory = GeometryFactories.Wgs84;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every layer of <paramref name="region"/> into <paramref name="folder"/> (created if needed). Optional layers are written only when not empty.</summary>
    public static void Write(Region region, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteInfo(region.Info, folder);
        WriteUnits(region, folder);
        WriteRoads(region, folder);
        WriteDemand(region, folder);
        WriteStations(region, folder);
        if (!region.Teams.IsEmpty)
        {
            Atomically(Path.Combine(folder, RegionFiles.Teams), p => GeoJsonWriter.Write(p, region.Teams.Select(t => (Point(t.Base), Props(
                ("id", t.Id), ("name", t.Name), ("members", t.Members), ("active_members", t.ActiveMembers),
                ("registered_members", t.RegisteredMembers), ("skills", string.Join(";", t.Skills)), ("weekly_hours", t.WeeklyHours), ("unit", t.UnitCode))))));
        }

        if (!region.Needs.IsEmpty)
        {
            Atomically(Path.Combine(folder, RegionFiles.Needs), p => GeoJsonWriter.Write(p, region.Needs.Select(n => (Point(n.Location), Props(
                ("id", n.Id), ("kind", n.Kind), ("group", n.Group), ("hours_per_week", n.HoursPerWeek), ("unit", n.UnitCode))))));
        }

        if (!region.Candidates.IsEmpty)
        {
            Atomically(Path.Combine(folder, RegionFiles.Candidates), p => GeoJsonWriter.Write(p, region.Candidates.Select(c => (Point(c.Location), Props(
                ("id", c.Id), ("name", c.Name), ("cost", c.Cost))))));
        }

        if (!region.PublicBuildings.IsEmpty)
        {
            Atomically(Path.Combine(folder, RegionFiles.PublicBuildings), p => GeoJsonWriter.Write(p, region.PublicBuildings.Select(b => (Point(b.Location), Props(
                ("id", b.Id), ("name", b.Name), ("kind", b.Kind), ("source", b.Source))))));
        }
    }

    /// <summary>
    /// Deletes the optional layer files (teams, needs, candidates, public buildings) that
    /// <paramref name="region"/> does not have, so that the folder reads back as exactly that region after
    /// <see cref="Write"/>; returns the names of the files removed. Only for writing a whole stored region
    /// over a folder (export): importers that add layers to a folder must not call it.
    /// </summary>
    public static IReadOnlyList<string> RemoveAbsentOptionalLayers(Region region, string folder)
    {
        ArgumentNullException.ThrowIfNull(region);
        var absent = new List<string>();
        foreach (var (file, empty) in new[]
        {
            (RegionFiles.Teams, region.Teams.IsEmpty), (RegionFiles.Needs, region.Needs.IsEmpty),
            (RegionFiles.Candidates, region.Candidates.IsEmpty), (RegionFiles.PublicBuildings, region.PublicBuildings.IsEmpty),
        })
        {
            var path = Path.Combine(folder, file);
            if (empty && File.Exists(path))
            {
                File.Delete(path);
                absent.Add(file);
            }
        }

        return absent;
    }

    /// <summary>Writes <c>region.json</c>.</summary>
    public static void WriteInfo(Model.RegionInfo info, string folder)
    {
        var sources = new JsonArray();
        foreach (var s in info.Sources)
        {
            var o = new JsonObject { ["layer"] = s.Layer, ["name"] = s.Name, ["licence"] = s.Licence, ["modelled"] = s.Modelled, ["note"] = s.Note };
            if (s.Url is not null)
            {
                o["url"] = s.Url;
            }

            sources.Add(o);
        }

        var root = new JsonObject
        {
            ["name"] = info.Name,
            ["code"] = info.Code,
            // A Region always holds WGS84 (the reader converted gcj02/bd09 input), so the file says wgs84 whatever
            // the folder was read from; writing the input's crs would make the next read shift every point again.
            ["crs"] = "wgs84",
            ["groups"] = new JsonArray([.. info.Groups.Names.Select(n => (JsonNode)n)]),
            ["defaults"] = info.DefaultCircle is { } circle
                ? new JsonObject { ["minutes"] = info.DefaultMinutes, ["mode"] = info.DefaultMode, ["circle"] = circle }
                : new JsonObject { ["minutes"] = info.DefaultMinutes, ["mode"] = info.DefaultMode },
            ["sources"] = sources,
        };
        Atomically(Path.Combine(folder, RegionFiles.Info), p => File.WriteAllText(p, root.ToJsonString(JsonOptions) + "\n", new UTF8Encoding(false)));
    }

    private static void WriteUnits(Region region, string folder) =>
        Atomically(Path.Combine(folder, RegionFiles.Units), p => GeoJsonWriter.Write(p, region.Units.Select(u => (u.Boundary, Props(
            ("code", u.Code), ("name", u.Name), ("level", DomainNames.Of(u.Level)), ("parent", u.ParentCode), ("modelled", u.Modelled ? true : null))))));

    private static void WriteRoads(Region region, string folder) =>
        Atomically(Path.Combine(folder, RegionFiles.Roads), p => GeoJsonWriter.Write(p, region.Roads.Select(r => ((Geometry)r.Line,
            (IEnumerable<KeyValuePair<string, object?>>)[new("id", r.Id), .. r.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))]))));

    private static void WriteStations(Region region, string folder) =>
        Atomically(Path.Combine(folder, RegionFiles.Stations), p => GeoJsonWriter.Write(p, region.Stations.Select(s => (Point(s.Location), Props(
            ("id", s.Id), ("name", s.Name), ("level", DomainNames.Of(s.Level)), ("status", DomainNames.Of(s.Status)),
            ("social_workers", s.SocialWorkers), ("unit", s.UnitCode), ("supervisors", s.Supervisors))))));

    private static void WriteDemand(Region region, string folder) =>
        Atomically(Path.Combine(folder, RegionFiles.Demand), path =>
        {
            using var w = new StreamWriter(path, false, new UTF8Encoding(false));
            w.Write("id,lon,lat,unit");
            foreach (var g in region.Groups.Names)
            {
                w.Write(',');
                w.Write(g);
            }

            w.Write('\n');
            foreach (var d in region.Demand)
            {
                w.Write(Csv(d.Id));
                w.Write(',');
                w.Write(GeoJsonWriter.Number(d.Location.Lon));
                w.Write(',');
                w.Write(GeoJsonWriter.Number(d.Location.Lat));
                w.Write(',');
                w.Write(Csv(d.UnitCode ?? string.Empty));
                foreach (var c in d.Counts)
                {
                    w.Write(',');
                    w.Write(Math.Round(c, 3).ToString("0.###", CultureInfo.InvariantCulture));
                }

                w.Write('\n');
            }
        });

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static Geometry Point(GeoPoint p) => Factory.CreatePoint(new Coordinate(p.Lon, p.Lat));

    private static IEnumerable<KeyValuePair<string, object?>> Props(params (string Key, object? Value)[] props) =>
        props.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value));

    private static void Atomically(string path, Action<string> write)
    {
        var temp = path + ".tmp";
        write(temp);
        File.Move(temp, path, overwrite: true);
    }
}
