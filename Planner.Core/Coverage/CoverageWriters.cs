using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Planner.Core.Coverage;

/// <summary>
/// Writes a <see cref="CoverageReport"/> as the contract formats of <c>planner coverage</c>: JSON (camelCase),
/// CSV (coverage per group for the region and every unit; per-point results), and GeoJSON (WGS84 service
/// circles and gap outlines).
/// </summary>
public static class CoverageWriters
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The report as JSON (geometries and per-point rows left out).</summary>
    public static string ToJson(CoverageReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>
    /// Coverage per group as CSV: <c>scope,code,name,level,group,population,covered,share,circle,cap_m</c>; the
    /// region first, then every unit; every row names the life circle and its cap in metres (empty: no cap), so a
    /// copied row still says what it measured.
    /// </summary>
    public static string UnitsCsv(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("scope,code,name,level,group,population,covered,share,circle,cap_m\n");
        foreach (var (group, g) in report.Groups)
        {
            Row(sb, report, "region", string.Empty, report.Region, string.Empty, group, g);
        }

        foreach (var unit in report.Units)
        {
            foreach (var (group, g) in unit.Groups)
            {
                Row(sb, report, "unit", unit.Code, unit.Name, unit.Level, group, g);
            }
        }

        return sb.ToString();
    }

    /// <summary>Several tiers' coverage as one CSV: one header, then each report's rows (its circle in every row).</summary>
    public static string UnitsCsv(IReadOnlyList<CoverageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sb = new StringBuilder();
        for (int i = 0; i < reports.Count; i++)
        {
            var csv = UnitsCsv(reports[i]);
            sb.Append(i == 0 ? csv : csv[(csv.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        }

        return sb.ToString();
    }

    /// <summary>Several tiers as one JSON document: <c>{"tiers": [report, ...]}</c> in the order asked.</summary>
    public static string TiersJson(IReadOnlyList<CoverageReport> reports) => JsonSerializer.Serialize(new TiersDocument(reports), Json);

    private sealed record TiersDocument(IReadOnlyList<CoverageReport> Tiers);

    /// <summary>Per demand point: <c>id,nearest_station,minutes,covered</c>; minutes empty when unreachable.</summary>
    public static string PointsCsv(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("id,nearest_station,minutes,covered\n");
        foreach (var p in report.Points)
        {
            sb.Append(Escape(p.Id)).Append(',').Append(Escape(p.NearestStation ?? string.Empty)).Append(',')
                .Append(p.Minutes?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty).Append(',')
                .Append(p.Covered ? "true" : "false").Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Service circles as a GeoJSON FeatureCollection (WGS84), one feature per station with a circle.</summary>
    public static string CirclesGeoJson(CoverageReport report) => Serialize(CircleFeatures(report));

    /// <summary>Service circles and gap outlines together as one GeoJSON FeatureCollection (WGS84), with a <c>kind</c> property.</summary>
    public static string GeoJsonLayers(CoverageReport report) => Serialize(CircleFeatures(report).Concat(GapFeatures(report)));

    private static IEnumerable<IFeature> CircleFeatures(CoverageReport report) =>
        report.Stations.Where(s => s.Circle is not null).Select(s => (IFeature)new Feature(s.Circle, new AttributesTable
        {
            { "kind", "circle" }, { "id", s.Id }, { "name", s.Name }, { "status", s.Status }, { "areaKm2", s.AreaKm2 },
            { "minutes", report.Minutes }, { "mode", report.Mode }, { "method", report.Method },
        }));

    private static IEnumerable<IFeature> GapFeatures(CoverageReport report) =>
        report.Gaps.Where(g => g.Outline is not null).Select(g =>
        {
            var attributes = new AttributesTable { { "kind", "gap" }, { "id", g.Id }, { "points", g.Points } };
            foreach (var (group, people) in g.Groups)
            {
                attributes.Add(group, people);
            }

            return (IFeature)new Feature(g.Outline, attributes);
        });

    private static string Serialize(IEnumerable<IFeature> features)
    {
        var collection = new FeatureCollection();
        foreach (var f in features)
        {
            collection.Add(f);
        }

        return JsonSerializer.Serialize(collection, GeoJson);
    }

    private static void Row(StringBuilder sb, CoverageReport report, string scope, string code, string name, string level, string group, GroupCoverage g) =>
        sb.Append(scope).Append(',').Append(Escape(code)).Append(',').Append(Escape(name)).Append(',').Append(level).Append(',')
            .Append(Escape(group)).Append(',').Append(g.Population.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(g.Covered.ToString(CultureInfo.InvariantCulture)).Append(',').Append(g.Share.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Escape(report.Circle)).Append(',').Append(report.CapMeters?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append('\n');

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
