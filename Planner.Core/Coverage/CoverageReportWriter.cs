using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Planner.Core.Coverage;

/// <summary>
/// The exchange formats of a <see cref="CoverageReport"/>, shared by the command line and the HTTP API so both
/// give the same bytes: JSON (camelCase, indented, Chinese left readable; geometries and per-point results
/// left out) and CSV (one row per unit and group).
/// </summary>
public static class CoverageReportWriter
{
    /// <summary>The serializer options of the JSON contract.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(CoverageReport report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>The CSV header of <see cref="WriteCsv"/>.</summary>
    public const string CsvHeader = "unit_code,unit_name,level,parent_code,group,population,covered,share,accessibility";

    /// <summary>
    /// Writes one row per unit and group: population, covered people, covered share (0..1) and the unit's
    /// mean 2SFCA accessibility; the first rows (level <c>region</c>) are the whole region.
    /// </summary>
    public static void WriteCsv(CoverageReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.Write(CsvHeader);
        output.Write('\n');
        foreach (var (group, g) in report.Groups)
        {
            output.Write(string.Join(",", string.Empty, Csv(report.Region), "region", string.Empty, Csv(group),
                g.Population.ToString("0.###", inv), g.Covered.ToString("0.###", inv), g.Share.ToString("0.######", inv), string.Empty));
            output.Write('\n');
        }

        foreach (var u in report.Units)
        {
            foreach (var (group, g) in u.Groups)
            {
                output.Write(string.Join(",", Csv(u.Code), Csv(u.Name), u.Level, Csv(u.ParentCode ?? string.Empty), Csv(group),
                    g.Population.ToString("0.###", inv), g.Covered.ToString("0.###", inv), g.Share.ToString("0.######", inv),
                    u.Accessibility.ToString("0.######", inv)));
                output.Write('\n');
            }
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToCsv(CoverageReport report)
    {
        var sb = new StringBuilder();
        using var writer = new StringWriter(sb, CultureInfo.InvariantCulture);
        WriteCsv(report, writer);
        return sb.ToString();
    }

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Csv(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
    }
}
