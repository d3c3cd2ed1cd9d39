using System.Globalization;
using System.Text;

namespace Planner.Api.Jobs.Batches;

/// <summary>A batch summary as CSV: one row per county, a covered-share column per population group, failed rules and problems.</summary>
public static class BatchCsv
{
    /// <summary>The CSV text (UTF-8, RFC 4180 quoting).</summary>
    public static string Write(BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Results.SelectMany(r => r.Groups.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.Append("region,code,version,status");
        foreach (var g in groups)
        {
            csv.Append(",covered_share_").Append(Quote(g));
        }

        csv.Append(",failed_rule_count,failed_rules,problems\n");
        foreach (var r in report.Results)
        {
            csv.Append(Quote(r.Region)).Append(',').Append(Quote(r.Code)).Append(',').Append(r.Version.ToString(CultureInfo.InvariantCulture)).Append(',').Append(r.Status);
            foreach (var g in groups)
            {
                csv.Append(',');
                if (r.Groups.TryGetValue(g, out var share))
                {
                    csv.Append(share.ToString("0.####", CultureInfo.InvariantCulture));
                }
            }

            csv.Append(',').Append(r.FailedRules.Count.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(Quote(string.Join("; ", r.FailedRules.Select(f => $"{f.Rule} {f.Subject}"))))
                .Append(',').Append(Quote(string.Join("; ", r.Problems))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
