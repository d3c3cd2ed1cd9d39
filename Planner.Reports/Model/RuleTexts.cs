namespace Planner.Reports.Model;

/// <summary>
/// Chinese wording of the rules of the shipped rule set (<c>data/standards/default.json</c>), by rule id. The
/// rule files state their rules in English; a report in Chinese shows these, and a rule not listed keeps the
/// wording of its file.
/// </summary>
public static class RuleTexts
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["staffing.county_center"] = "县级社会工作服务中心专职社工不少于 4 人。",
        ["staffing.township_station"] = "乡镇（街道）社工站专职社工数不少于所辖村（社区）数的 50%，且不少于 3 人。",
        ["staffing.village_point"] = "每个村（社区）社工室至少配备 1 名专职社工。",
        ["staffing.supervision"] = "每 5 名社工配备 1 名专职督导（按全县已建成和运营中的站点计）。",
        ["coverage.township_station"] = "每个乡镇（街道）有一个运营中的社工站。",
        ["coverage.village_circle"] = "每个村（社区）都在站点或服务点的 15 分钟服务圈内（全体居民均被覆盖）。",
        ["volunteers.activity"] = "志愿者活跃率高于 50%；不高于 50% 的下发督办单。",
        ["volunteers.registration"] = "实名注册志愿者占比高于 90%；不高于 90% 的下发督办单。",
    };

    /// <summary>The rule in the report's language.</summary>
    public static string For(ReportLanguage language, string ruleId, string fileText) =>
        language == ReportLanguage.Chinese && Chinese.TryGetValue(ruleId, out var zh) ? zh : fileText;
}
