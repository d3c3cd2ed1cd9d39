using System.Globalization;

namespace Planner.Core.Visits;

/// <summary>
/// The clock hours within which a visit may start (e.g. 14:00-17:00 for a child back from school), in minutes
/// after midnight, local time.
/// </summary>
/// <param name="StartMinute">Earliest start, minutes after midnight.</param>
/// <param name="EndMinute">Latest start, minutes after midnight (after <paramref name="StartMinute"/>).</param>
public readonly record struct VisitWindow(int StartMinute, int EndMinute)
{
    /// <summary>Parses <c>HH:MM-HH:MM</c>; null when the text is not such a window.</summary>
    public static VisitWindow? Parse(string text)
    {
        var parts = text.Trim().Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || Minute(parts[0]) is not { } start || Minute(parts[1]) is not { } end || end <= start)
        {
            return null;
        }

        return new VisitWindow(start, end);
    }

    /// <summary>The window as <c>HH:MM-HH:MM</c>.</summary>
    public override string ToString() => $"{Clock(StartMinute)}-{Clock(EndMinute)}";

    /// <summary>A minute of the day as <c>HH:MM</c>.</summary>
    public static string Clock(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static int? Minute(string hhmm)
    {
        var p = hhmm.Split(':');
        return p.Length == 2
            && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            && h is >= 0 and <= 24 && m is >= 0 and < 60 && (h * 60) + m <= 24 * 60
            ? (h * 60) + m
            : null;
    }
}
