using System.Globalization;

namespace Planner.Reports.Model;

/// <summary>
/// The summary in words (总体情况) of a report: covered share per group; the three townships and five villages
/// with the lowest share of the first group (the total); the rules that failed. Stations over capacity join it
/// when the coverage run measures capacity (it does not yet).
/// </summary>
internal static class ReportSummary
{
    /// <summary>How many of the lowest townships and villages are named.</summary>
    private const int LowestTownships = 3, LowestVillages = 5;

    public static IReadOnlyList<string> Write(ReportDocument d)
    {
        bool zh = d.Text.Language == ReportLanguage.Chinese;
        var c = d.Circles[0];
        var paragraphs = new List<string>();
        var perGroup = d.Groups.Select((g, i) => zh
            ? $"{g.Label}{ReportNumbers.People(d.Overall[i].Population)}人，已覆盖{ReportNumbers.People(d.Overall[i].Covered)}人，覆盖率{ReportNumbers.Percent(d.Overall[i].Share)}"
            : $"{g.Label}: {ReportNumbers.People(d.Overall[i].Covered)} of {ReportNumbers.People(d.Overall[i].Population)} people covered ({ReportNumbers.Percent(d.Overall[i].Share)})");
        var cap = c.CapMeters is { } m ? (zh ? $"，路网距离不超过{ReportNumbers.Meters(m)}米" : $", at most {ReportNumbers.Meters(m)} m along the roads") : string.Empty;
        var circle = zh
            ? $"{c.Title}（{c.ModeLabel}{c.Minutes.ToString(CultureInfo.InvariantCulture)}分钟{cap}）"
            : $"the {c.Title} ({c.Minutes.ToString(CultureInfo.InvariantCulture)} min by {c.ModeLabel}{cap})";
        paragraphs.Add(zh
            ? $"在{circle}内，{d.RegionName}{string.Join("；", perGroup)}。"
            : $"Within {circle} of {d.RegionName}: {string.Join("; ", perGroup)}.");

        if (d.Groups.Count > 0)
        {
            var first = d.Groups[0].Label;
            paragraphs.Add(Lowest(d.Townships.Select(t => t.Township), LowestTownships, zh
                ? $"{first}覆盖率最低的乡镇（街道）："
                : $"Townships with the lowest share ({first}): ", zh));
            paragraphs.Add(Lowest(d.Villages, LowestVillages, zh
                ? $"{first}覆盖率最低的村（社区）："
                : $"Villages with the lowest share ({first}): ", zh));
        }

        paragraphs.Add(Checks(d, zh));
        return paragraphs;
    }

    private static string Lowest(IEnumerable<Model.UnitRow> units, int count, string lead, bool zh)
    {
        var lowest = units.Where(u => u.Figures[0].Population > 0)
            .OrderBy(u => u.Figures[0].Share).ThenBy(u => u.Code, StringComparer.Ordinal).Take(count)
            .Select(u => $"{u.Name}（{ReportNumbers.Percent(u.Figures[0].Share)}）").ToList();
        if (!zh)
        {
            lowest = lowest.Select(s => s.Replace("（", " (", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal)).ToList();
        }

        return lead + (lowest.Count == 0 ? "–" : string.Join(zh ? "、" : ", ", lowest)) + (zh ? "。" : ".");
    }

    private static string Checks(ReportDocument d, bool zh)
    {
        if (d.Checks.Count == 0)
        {
            return d.Text.NoChecks;
        }

        int failed = d.Checks.Count(x => !x.Passed);
        var head = zh
            ? $"标准检查共{d.Checks.Count}项，达标{d.Checks.Count - failed}项，不达标{failed}项"
            : $"{d.Checks.Count} standards checks: {d.Checks.Count - failed} pass, {failed} fail";
        if (failed == 0)
        {
            return head + (zh ? "。" : ".");
        }

        var rules = d.Checks.Where(x => !x.Passed).GroupBy(x => x.RuleId).Select(g =>
        {
            var names = string.Join(zh ? "、" : ", ", g.Take(3).Select(x => x.SubjectName)) + (g.Count() > 3 ? (zh ? "等" : ", ...") : string.Empty);
            return zh ? $"{g.First().RuleText.TrimEnd('。')}（{g.Count()}处：{names}）" : $"{g.First().RuleText.TrimEnd('.')} ({g.Count()}: {names})";
        });
        return head + (zh ? "。未达标的规则：" : ". Rules failed: ") + string.Join(zh ? "；" : "; ", rules) + (zh ? "。" : ".");
    }

    /// <summary>The comparison in one sentence: the first group's share in base and scenario, and the station changes.</summary>
    public static string Comparison(ReportDocument d)
    {
        var c = d.Comparison ?? throw new ArgumentException("the report has no comparison", nameof(d));
        bool zh = d.Text.Language == ReportLanguage.Chinese;
        var g = c.Groups.Count > 0 ? c.Groups[0] : new ShareChange(0, 0);
        var label = d.Groups.Count > 0 ? d.Groups[0].Label : string.Empty;
        int added = c.Stations.Count(s => s.Kind == StationChangeKind.Added), moved = c.Stations.Count(s => s.Kind == StationChangeKind.Moved);
        int removed = c.Stations.Count(s => s.Kind == StationChangeKind.Removed);
        return zh
            ? $"与{c.BaseName}相比，方案“{c.ScenarioName}”{label}覆盖率由{ReportNumbers.Percent(g.Base)}变为{ReportNumbers.Percent(g.Scenario)}（{ReportNumbers.Points(g.Change)}个百分点）；新增站点{added}个，迁移{moved}个，撤除{removed}个。"
            : $"Against the {c.BaseName}, scenario '{c.ScenarioName}' moves the {label} share from {ReportNumbers.Percent(g.Base)} to {ReportNumbers.Percent(g.Scenario)} ({ReportNumbers.Points(g.Change)} points); {added} stations added, {moved} moved, {removed} removed.";
    }
}
