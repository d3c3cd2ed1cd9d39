using Planner.Core.Model;

namespace Planner.Reports.Model;

/// <summary>
/// One coverage report as an official hands it in, in one language: what every writer (Word, PDF, Excel,
/// GeoPackage, Shapefile, HTML) renders, so they all show the same numbers. Built by
/// <see cref="ReportBuilder"/> from a coverage run, its standards checks and the region. Shares are 0..1,
/// people are counts of residents, distances metres, geometries WGS84/CGCS2000 longitude-latitude.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>The words of the report (headings, column headers, terms) in its language.</summary>
    public required ReportText Text { get; init; }

    /// <summary>Region name (贵溪市).</summary>
    public required string RegionName { get; init; }

    /// <summary>Region division code, or empty.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The service circle(s) the figures are for (the life circle, its minutes, mode and cap); one per report today.</summary>
    public required IReadOnlyList<ReportCircle> Circles { get; init; }

    /// <summary>The date the region's data describe, when known.</summary>
    public DateOnly? DataDate { get; init; }

    /// <summary>When the report was generated, in Asia/Shanghai time (UTC+8).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The population groups reported on, in the region's order (the first is the total).</summary>
    public required IReadOnlyList<ReportGroup> Groups { get; init; }

    /// <summary>Region-wide figures, one per group in <see cref="Groups"/> order.</summary>
    public required IReadOnlyList<GroupFigure> Overall { get; init; }

    /// <summary>People per group far from every road (never covered), in <see cref="Groups"/> order.</summary>
    public required IReadOnlyList<double> Unreachable { get; init; }

    /// <summary>Townships (乡镇街道) with their villages and communities (村社区), by code.</summary>
    public required IReadOnlyList<TownshipSection> Townships { get; init; }

    /// <summary>Counted stations.</summary>
    public required IReadOnlyList<StationRow> Stations { get; init; }

    /// <summary>Uncovered clusters, largest first.</summary>
    public required IReadOnlyList<GapRow> Gaps { get; init; }

    /// <summary>Name of the standards rule set, or null when none was checked.</summary>
    public string? RuleSetName { get; init; }

    /// <summary>Standards checks.</summary>
    public required IReadOnlyList<CheckRow> Checks { get; init; }

    /// <summary>The summary in words (总体情况), one paragraph per topic.</summary>
    public required IReadOnlyList<string> Summary { get; init; }

    /// <summary>Sources and licences of the region's data.</summary>
    public required IReadOnlyList<DataSource> Sources { get; init; }

    /// <summary>Residents by minutes to their nearest station, or null when the run has no per-point times (a narrowed report).</summary>
    public MinutesHistogram? Minutes { get; init; }

    /// <summary>The scenario the figures are of, or null for the region as it is.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>The scenario set against its base, when a comparison was asked for (<see cref="ReportComparisonBuilder"/>).</summary>
    public ReportComparison? Comparison { get; init; }

    /// <summary>The units the report is narrowed to (花园街道), or null for the whole region.</summary>
    public string? ScopeName { get; init; }

    /// <summary>The title: region, the units it is narrowed to, and report name.</summary>
    public string Title => ScopeName is null ? $"{RegionName}{Text.Title}"
        : Text.Language == ReportLanguage.Chinese ? $"{RegionName}{ScopeName}{Text.Title}" : $"{RegionName} {ScopeName}{Text.Title}";

    /// <summary>Every village row of every township.</summary>
    public IEnumerable<UnitRow> Villages => Townships.SelectMany(t => t.Villages);
}

/// <summary>
/// One service circle: the life circle it is (id and title), a limit in minutes by one travel mode and the
/// network-distance cap a covered point had to be within.
/// </summary>
/// <param name="Id">Life-circle id (<c>gb50180-15min</c>), or <c>custom</c> for an ad-hoc circle of minutes and mode.</param>
/// <param name="Title">The circle's title in the report's language (十五分钟生活圈).</param>
/// <param name="Minutes">Limit in minutes.</param>
/// <param name="Mode">Travel mode key (walk, ebike, drive).</param>
/// <param name="ModeLabel">Travel mode in the report's language.</param>
/// <param name="CapMeters">Network-distance cap in metres, or null when time alone decided.</param>
/// <param name="SpeedKmh">Base speed in km/h.</param>
/// <param name="Method">network or straight-line.</param>
/// <param name="MethodLabel">Method in the report's language.</param>
public sealed record ReportCircle(string Id, string Title, double Minutes, string Mode, string ModeLabel, double? CapMeters, double SpeedKmh, string Method, string MethodLabel)
{
    /// <summary>
    /// The circle in one line of <paramref name="text"/>'s language, as every format prints it:
    /// "十五分钟生活圈（gb50180-15min）：步行15分钟，路网距离不超过1,000米（4.8公里/小时，沿路网）".
    /// </summary>
    public string Describe(ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var minutes = ReportNumbers.Number(Minutes);
        var speed = ReportNumbers.Number(SpeedKmh);
        if (text.Language == ReportLanguage.Chinese)
        {
            var cap = CapMeters is { } c ? $"路网距离不超过{ReportNumbers.Meters(c)}米" : "不设距离上限";
            return $"{Title}（{Id}）：{ModeLabel}{minutes}分钟，{cap}（{speed}公里/小时，{MethodLabel}）";
        }

        var capEn = CapMeters is { } m ? $"network distance at most {ReportNumbers.Meters(m)} m" : "no distance cap";
        return $"{Title} ({Id}): {ModeLabel} {minutes} min, {capEn} ({speed} km/h, {MethodLabel})";
    }
}

/// <summary>A population group: its key and its name in the report's language.</summary>
/// <param name="Key">Group key (total, elderly, ...).</param>
/// <param name="Label">Name shown (全体, 老年人, ...).</param>
public sealed record ReportGroup(string Key, string Label);

/// <summary>People, covered people and covered share (0..1) of one group.</summary>
/// <param name="Population">Residents of the group.</param>
/// <param name="Covered">Of them, within the circle of a counted station.</param>
/// <param name="Share">Covered / population; 0 when nobody lives there.</param>
public sealed record GroupFigure(double Population, double Covered, double Share);
