using System.Collections.Immutable;
using System.Text.Json;
using Planner.Core.Circles;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Validation;

namespace Planner.Core.IO;

/// <summary>Reads <c>region.json</c>: name, code, crs, groups, defaults and sources.</summary>
internal static class RegionInfoReader
{
    /// <summary>The circles <c>defaults.circle</c> may name (the embedded catalogue; immutable).</summary>
    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    public static RegionInfo? Read(string path, List<ValidationProblem> problems)
    {
        const string File = Model.RegionLayer.Info;
        if (!System.IO.File.Exists(path))
        {
            problems.Add(new(File, string.Empty, string.Empty, "file is missing: every region folder needs region.json"));
            return null;
        }

        JsonElement root;
        var bytes = System.IO.File.ReadAllBytes(path);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // JsonDocument does not check the bytes inside strings; GetString would throw on them below (found by fuzzing).
            problems.Add(new(File, string.Empty, string.Empty, "not UTF-8 text: save region.json as UTF-8"));
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = doc.RootElement.Clone();
            GeoJsonFeatureReader.EnsureText(root, "$");
        }
        catch (JsonException ex)
        {
            problems.Add(new(File, string.Empty, string.Empty, $"not valid JSON: {ex.Message}"));
            return null;
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new(File, string.Empty, string.Empty, ex.Message));
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(File, string.Empty, string.Empty, "must be a JSON object"));
            return null;
        }

        var name = Text(root, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new(File, string.Empty, "name", "is missing or empty"));
            name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "region";
        }

        var crsText = Text(root, "crs") ?? "wgs84";
        InputCrs crs;
        switch (crsText.ToLowerInvariant())
        {
            case "wgs84" or "epsg:4326" or "cgcs2000" or "epsg:4490": crs = InputCrs.Wgs84; break;
            case "gcj02" or "gcj-02": crs = InputCrs.Gcj02; break;
            case "bd09" or "bd-09": crs = InputCrs.Bd09; break;
            default:
                problems.Add(new(File, string.Empty, "crs", $"unknown CRS '{crsText}': use wgs84, gcj02 or bd09"));
                return null;
        }

        var groups = ReadGroups(root, problems);
        if (groups is null)
        {
            return null;
        }

        double minutes = 15;
        string mode = "walk";
        string? circle = null;
        if (root.TryGetProperty("defaults", out var defaults) && defaults.ValueKind == JsonValueKind.Object)
        {
            if (defaults.TryGetProperty("minutes", out var m))
            {
                if (m.ValueKind == JsonValueKind.Number && m.GetDouble() is > 0 and <= 240)
                {
                    minutes = m.GetDouble();
                }
                else
                {
                    problems.Add(new(File, string.Empty, "defaults.minutes", $"'{m.GetRawText()}' is not a number of minutes between 0 and 240"));
                }
            }

            mode = Text(defaults, "mode") ?? mode;
            circle = ReadCircle(defaults, problems);
        }

        return new RegionInfo(name, Text(root, "code") ?? string.Empty, crs, groups, minutes, mode, ReadSources(root, problems)) { DefaultCircle = circle };
    }

    /// <summary>
    /// <c>defaults.circle</c>: a life circle of the catalogue, or <c>custom</c> for the ad-hoc circle of
    /// <c>defaults.minutes</c> and <c>defaults.mode</c>; null when absent (the standard's circle).
    /// </summary>
    private static string? ReadCircle(JsonElement defaults, List<ValidationProblem> problems)
    {
        if (!defaults.TryGetProperty("circle", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var id = c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : null;
        if (id == LifeCircle.AdHocId || (id is not null && Catalog.Find(id) is not null))
        {
            return id;
        }

        problems.Add(new(Model.RegionLayer.Info, string.Empty, "defaults.circle",
            $"'{(id ?? c.GetRawText())}' is not a life circle; use one of {string.Join(", ", Catalog.Circles.Select(x => x.Id))} or {LifeCircle.AdHocId} (the ad-hoc circle of defaults.minutes and defaults.mode)"));
        return null;
    }

    private static PopulationGroups? ReadGroups(JsonElement root, List<ValidationProblem> problems)
    {
        if (!root.TryGetProperty("groups", out var g) || g.ValueKind != JsonValueKind.Array || g.GetArrayLength() == 0)
        {
            problems.Add(new(Model.RegionLayer.Info, string.Empty, "groups", "is missing: list the population groups, e.g. [\"total\", \"elderly\"]"));
            return null;
        }

        var names = new List<string>();
        foreach (var item in g.EnumerateArray())
        {
            var n = item.ValueKind == JsonValueKind.String ? item.GetString() : Text(item, "id");
            if (string.IsNullOrWhiteSpace(n) || n.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                problems.Add(new(Model.RegionLayer.Info, string.Empty, "groups", $"'{item.GetRawText()}' is not a group name (letters, digits, underscore)"));
                return null;
            }

            if (names.Contains(n))
            {
                problems.Add(new(Model.RegionLayer.Info, string.Empty, "groups", $"group '{n}' is listed twice"));
                return null;
            }

            names.Add(n);
        }

        return new PopulationGroups(names);
    }

    private static ImmutableArray<DataSource> ReadSources(JsonElement root, List<ValidationProblem> problems)
    {
        if (!root.TryGetProperty("sources", out var s) || s.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(Model.RegionLayer.Info, string.Empty, "sources", "no sources listed: say where each layer comes from and whether it is modelled", ProblemSeverity.Warning));
            return [];
        }

        var list = ImmutableArray.CreateBuilder<DataSource>();
        foreach (var item in s.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            list.Add(new DataSource(
                Text(item, "layer") ?? string.Empty,
                Text(item, "name") ?? string.Empty,
                Text(item, "licence") ?? Text(item, "license") ?? string.Empty,
                item.TryGetProperty("modelled", out var m) && m.ValueKind == JsonValueKind.True,
                Text(item, "note") ?? string.Empty,
                Text(item, "url")));
        }

        return list.ToImmutable();
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
