namespace Planner.Api.Reports;

/// <summary>The words of the printable report in one language.</summary>
internal sealed record ReportLabels(
    string Lang, string Title, string Parameters, string Minutes, string Mode, string Speed, string Method, string Map, string Legend,
    string Units, string Stations, string Circles, string Gaps, string ByGroup, string ByUnit, string Group, string Population, string Covered,
    string Share, string Unit, string Level, string Accessibility, string Unreachable, string StationsTable, string Name, string Status,
    string SocialWorkers, string Catchment, string Area, string GapsTable, string Points, string Standards, string Rule, string Subject,
    string Measured, string Required, string Result, string Pass, string Fail, string Sources, string Layer, string Licence, string Modelled,
    string MethodText, string Generated, string NoRules)
{
    /// <summary>English.</summary>
    public static readonly ReportLabels English = new(
        "en", "Coverage report", "Parameters", "Limit (minutes)", "Travel mode", "Speed (km/h)", "Method", "Map", "Legend",
        "Units", "Stations", "Service circles", "Gaps", "Coverage by group", "Coverage by unit", "Group", "Population", "Covered",
        "Share", "Unit", "Level", "Accessibility (workers per 1,000)", "Unreachable (far from roads)", "Stations", "Name", "Status",
        "Social workers", "People in catchment", "Circle area (km²)", "Uncovered clusters", "Points", "Standards checks", "Rule", "Subject",
        "Measured", "Required", "Result", "pass", "FAIL", "Sources", "Layer", "Licence", "Modelled",
        "Travel times are measured along the roads from every demand point to the nearest counted station (one multi-source Dijkstra search); a group is covered where it reaches a station within the limit at its own pace. Service circles are the buffered road pieces a station reaches; gaps are clusters of uncovered points. Accessibility is the two-step floating catchment (Luo & Wang 2003) with social workers as supply.",
        "Generated", "No rule set is installed.");

    /// <summary>Chinese (简体中文).</summary>
    public static readonly ReportLabels Chinese = new(
        "zh-CN", "服务覆盖报告", "参数", "时间上限（分钟）", "出行方式", "速度（公里/小时）", "计算方法", "地图", "图例",
        "行政区划", "社工站点", "服务圈", "服务空白", "按人群覆盖", "按行政区划覆盖", "人群", "人口", "已覆盖",
        "覆盖率", "行政区划", "层级", "可达性（每千人社工数）", "无法到达（远离道路）", "站点", "名称", "状态",
        "专职社工", "服务范围内人口", "服务圈面积（平方公里）", "未覆盖人口聚集区", "需求点数", "标准核查", "规则", "对象",
        "实测值", "要求值", "结果", "达标", "不达标", "数据来源", "图层", "许可", "模拟数据",
        "出行时间沿道路计算：从每个需求点到最近的计入站点（一次多源 Dijkstra 搜索）；某人群在其步速下于时间上限内可到达站点即为覆盖。服务圈为站点可到达的道路段缓冲区；服务空白为未覆盖需求点的聚集区。可达性采用两步移动搜索法（Luo & Wang 2003），以专职社工为供给。",
        "生成时间", "未安装标准规则集。");

    /// <summary>Chinese names of the usual groups, levels and statuses (others are shown as they are).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseTerms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["total"] = "全体", ["elderly"] = "老年人", ["children"] = "儿童", ["disabled"] = "残疾人", ["difficulty"] = "困难群众",
        ["county"] = "县（区）", ["township"] = "乡镇（街道）", ["village"] = "村（社区）", ["grid"] = "网格",
        ["planned"] = "规划中", ["built"] = "已建成", ["operating"] = "运营中",
        ["walk"] = "步行", ["ebike"] = "电动自行车", ["drive"] = "驾车", ["network"] = "路网", ["straight-line"] = "直线距离",
        ["unit"] = "区划", ["station"] = "站点",
    };

    /// <summary>A term in this language.</summary>
    public string Term(string term) => Lang == "en" ? term : ChineseTerms.TryGetValue(term, out var zh) ? zh : term;
}
