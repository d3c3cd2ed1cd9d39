namespace Planner.Reports.Model;

/// <summary>
/// The words of a report in one language: headings, sheet names, column headers (with their units) and the
/// names of groups, levels, statuses and modes. Writers take every word from here, so a language is one object.
/// </summary>
public sealed record ReportText
{
    /// <summary>The language.</summary>
    public required ReportLanguage Language { get; init; }

    /// <summary>BCP 47 tag (zh-CN, en).</summary>
    public required string Tag { get; init; }

    /// <summary>Report name after the region name.</summary>
    public required string Title { get; init; }

    /// <summary>Heading of the summary in words.</summary>
    public required string Summary { get; init; }

    /// <summary>Headings and sheet names of the six tables, in order: overall, townships, villages, stations, gaps, checks.</summary>
    public required string Overall { get; init; }

    /// <inheritdoc cref="Overall"/>
    public required string Townships { get; init; }

    /// <inheritdoc cref="Overall"/>
    public required string Villages { get; init; }

    /// <inheritdoc cref="Overall"/>
    public required string Stations { get; init; }

    /// <inheritdoc cref="Overall"/>
    public required string Gaps { get; init; }

    /// <inheritdoc cref="Overall"/>
    public required string Checks { get; init; }

    /// <summary>Other headings and labels.</summary>
    public required string Parameters { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Circle { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string DataDate { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Value { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string CapMeters { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string NoCap { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Generated { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string NotStated { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Chart { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Sources { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Subtotal { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Pass { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string Fail { get; init; }

    /// <inheritdoc cref="Parameters"/>
    public required string NoChecks { get; init; }

    /// <summary>Column headers; those with a unit name it ("人口（人）", "Population (people)").</summary>
    public required string Group { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Population { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Covered { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string SharePercent { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Unreachable { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Code { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Name { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Township { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Village { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Level { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Status { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string SocialWorkers { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Catchment { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string AreaKm2 { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Ratio { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Accessibility { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Points { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string People { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string NearestStation { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string DistanceMeters { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Lon { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Lat { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Rule { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Subject { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Measured { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Required { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Result { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Note { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Layer { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Licence { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Modelled { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Minutes { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Mode { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string SpeedKmh { get; init; }

    /// <inheritdoc cref="Group"/>
    public required string Method { get; init; }

    /// <summary>Names of groups, unit levels, station levels and statuses, travel modes and methods; a key not listed is shown as it is.</summary>
    public required IReadOnlyDictionary<string, string> Terms { get; init; }

    /// <summary>A term in this language.</summary>
    public string Term(string key) => Terms.TryGetValue(key, out var t) ? t : key;

    /// <summary>A header for one group's column: "老年人覆盖率（%）".</summary>
    public string GroupHeader(ReportGroup group, string header) =>
        Language == ReportLanguage.Chinese ? group.Label + header : $"{header} – {group.Label}";

    /// <summary>The words for a language.</summary>
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.English ? English : Chinese;

    /// <summary>简体中文.</summary>
    public static readonly ReportText Chinese = new()
    {
        Language = ReportLanguage.Chinese, Tag = "zh-CN", Title = "社工站服务覆盖报告", Summary = "总体情况",
        Overall = "总体", Townships = "乡镇街道", Villages = "村社区", Stations = "站点", Gaps = "服务空白", Checks = "标准检查",
        Parameters = "基本信息", Circle = "服务圈", DataDate = "数据日期", Value = "值", CapMeters = "距离上限（米）", NoCap = "不设", Generated = "生成时间", NotStated = "未注明",
        Chart = "各乡镇（街道）分人群覆盖率", Sources = "数据来源与许可", Subtotal = "小计", Pass = "达标", Fail = "不达标",
        NoChecks = "未进行标准检查。",
        Group = "人群", Population = "人口（人）", Covered = "已覆盖（人）", SharePercent = "覆盖率（%）", Unreachable = "无法到达（人）",
        Code = "区划代码", Name = "名称", Township = "乡镇（街道）", Village = "村（社区）", Level = "层级", Status = "状态",
        SocialWorkers = "专职社工（人）", Catchment = "服务人口（人）", AreaKm2 = "服务圈面积（平方公里）", Ratio = "每千人社工数（人）",
        Accessibility = "可达性（每千人社工数）", Points = "需求点（个）", People = "人口（人）", NearestStation = "最近站点",
        DistanceMeters = "到最近站点直线距离（米）", Lon = "经度（度）", Lat = "纬度（度）", Rule = "规则", Subject = "对象",
        Measured = "实测值", Required = "要求值", Result = "结果", Note = "说明", Layer = "图层", Licence = "许可", Modelled = "模拟数据",
        Minutes = "时间上限（分钟）", Mode = "出行方式", SpeedKmh = "速度（公里/小时）", Method = "计算方法",
        Terms = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["total"] = "全体", ["elderly"] = "老年人", ["children"] = "儿童", ["disabled"] = "残疾人", ["difficulty"] = "困难群众",
            ["county"] = "县（市、区）", ["township"] = "乡镇（街道）", ["village"] = "村（社区）", ["grid"] = "网格",
            ["CountyCenter"] = "县总站", ["AreaCenter"] = "片区中心站", ["TownshipStation"] = "乡镇社工站", ["VillagePoint"] = "村服务点",
            ["Planned"] = "规划中", ["Built"] = "已建成", ["Operating"] = "运营中",
            ["planned"] = "规划中", ["built"] = "已建成", ["operating"] = "运营中",
            ["walk"] = "步行", ["ebike"] = "电动自行车", ["drive"] = "驾车", ["network"] = "沿路网", ["straight-line"] = "直线距离（无路网）",
            ["unit"] = "区划", ["station"] = "站点", ["yes"] = "是", ["no"] = "否",
        },
    };

    /// <summary>English.</summary>
    public static readonly ReportText English = new()
    {
        Language = ReportLanguage.English, Tag = "en", Title = " social-work station coverage report", Summary = "Summary",
        Overall = "Overall", Townships = "Townships", Villages = "Villages", Stations = "Stations", Gaps = "Gaps", Checks = "Standards",
        Parameters = "About this report", Circle = "Service circle", DataDate = "Data date", Value = "Value", CapMeters = "Distance cap (m)", NoCap = "none", Generated = "Generated", NotStated = "not stated",
        Chart = "Covered share per township and group", Sources = "Data sources and licences", Subtotal = "subtotal", Pass = "pass", Fail = "FAIL",
        NoChecks = "No standards were checked.",
        Group = "Group", Population = "Population (people)", Covered = "Covered (people)", SharePercent = "Covered share (%)", Unreachable = "Unreachable (people)",
        Code = "Code", Name = "Name", Township = "Township", Village = "Village", Level = "Level", Status = "Status",
        SocialWorkers = "Social workers (people)", Catchment = "Catchment (people)", AreaKm2 = "Circle area (km²)", Ratio = "Workers per 1,000 people",
        Accessibility = "Accessibility (workers per 1,000)", Points = "Demand points", People = "People", NearestStation = "Nearest station",
        DistanceMeters = "Straight-line distance to nearest station (m)", Lon = "Longitude (°)", Lat = "Latitude (°)", Rule = "Rule", Subject = "Subject",
        Measured = "Measured", Required = "Required", Result = "Result", Note = "Note", Layer = "Layer", Licence = "Licence", Modelled = "Modelled",
        Minutes = "Limit (minutes)", Mode = "Travel mode", SpeedKmh = "Speed (km/h)", Method = "Method",
        Terms = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CountyCenter"] = "county centre", ["AreaCenter"] = "area centre", ["TownshipStation"] = "township station", ["VillagePoint"] = "village point",
            ["Planned"] = "planned", ["Built"] = "built", ["Operating"] = "operating", ["yes"] = "yes", ["no"] = "no",
        },
    };
}
