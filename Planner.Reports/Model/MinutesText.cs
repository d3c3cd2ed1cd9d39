using System.Globalization;

namespace Planner.Reports.Model;

/// <summary>The words of a report's travel-time section (<see cref="MinutesHistogram"/>) in one language.</summary>
/// <param name="Heading">Section heading and chart title.</param>
/// <param name="Range">Column header of the bins.</param>
/// <param name="People">Column header of the people.</param>
/// <param name="Share">Column header of their share.</param>
/// <param name="NoStation">Row of the people who reach no station.</param>
/// <param name="Note">How the minutes are measured.</param>
public sealed record MinutesText(string Heading, string Range, string People, string Share, string NoStation, string Note)
{
    /// <summary>简体中文.</summary>
    public static readonly MinutesText Chinese = new("居民到最近站点出行时间分布", "出行时间（分钟）", "人口（人）", "占比（%）", "无可达站点",
        "按基础步速沿路网计算到最近计入站点的时间。");

    /// <summary>English.</summary>
    public static readonly MinutesText English = new("Residents by travel time to the nearest station", "Travel time (minutes)", "People", "Share (%)", "no station reached",
        "Minutes along the roads to the nearest counted station, at the base pace.");

    /// <summary>The words for a language.</summary>
    public static MinutesText For(ReportLanguage language) => language == ReportLanguage.English ? English : Chinese;

    /// <summary>A bin's label: "0–5", "30+" for the open last bin.</summary>
    public static string Label(MinutesBin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        var from = bin.FromMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        return bin.ToMinutes is { } to ? $"{from}–{to.ToString("0.##", CultureInfo.InvariantCulture)}" : from + "+";
    }
}
