using System.Globalization;

namespace Planner.Reports.Model;

/// <summary>How numbers are written in the text of a report (Word, PDF, HTML, the summary): one place, so every format agrees.</summary>
public static class ReportNumbers
{
    /// <summary>A share 0..1 as a percentage with one decimal: 0.8234 → "82.3%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count of people, rounded to whole people with thousands separators.</summary>
    public static string People(double people) => people.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A distance in whole metres with thousands separators: 1000 → "1,000".</summary>
    public static string Meters(double meters) => meters.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A measured quantity with up to two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A check's value: shares (below 1 and not whole) as percentages, counts as they are.</summary>
    public static string Measured(double? value) => value switch
    {
        null => "–",
        { } v when v is > 0 and < 1 => Percent(v),
        { } v => Number(v),
    };

    /// <summary>A change of share as signed percentage points with one decimal: 0.0512 → "+5.1", −0.002 → "-0.2", 0 → "0.0".</summary>
    public static string Points(double change)
    {
        var text = (change * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return text is "0.0" or "-0.0" ? "0.0" : change > 0 ? "+" + text : text;
    }
}
