using System.Diagnostics.CodeAnalysis;

namespace Planner.Core.Model;

/// <summary>The snake_case names the region files use for levels and statuses, and their parsing.</summary>
public static class DomainNames
{
    /// <summary>File name of a level: county, township, village, grid.</summary>
    public static string Of(AdminLevel level) => level switch
    {
        AdminLevel.County => "county",
        AdminLevel.Township => "township",
        AdminLevel.Village => "village",
        _ => "grid",
    };

    /// <summary>File name of a station level: county_center, area_center, township_station, village_point.</summary>
    public static string Of(StationLevel level) => level switch
    {
        StationLevel.CountyCenter => "county_center",
        StationLevel.AreaCenter => "area_center",
        StationLevel.TownshipStation => "township_station",
        _ => "village_point",
    };

    /// <summary>File name of a status: planned, built, operating.</summary>
    public static string Of(StationStatus status) => status switch
    {
        StationStatus.Planned => "planned",
        StationStatus.Built => "built",
        _ => "operating",
    };

    /// <summary>Parses an admin level name (case-insensitive).</summary>
    public static bool TryParseAdminLevel(string? text, [NotNullWhen(true)] out AdminLevel? level) =>
        TryParse(text, Enum.GetValues<AdminLevel>(), Of, out level);

    /// <summary>Parses a station level name (case-insensitive).</summary>
    public static bool TryParseStationLevel(string? text, [NotNullWhen(true)] out StationLevel? level) =>
        TryParse(text, Enum.GetValues<StationLevel>(), Of, out level);

    /// <summary>Parses a station status name (case-insensitive).</summary>
    public static bool TryParseStationStatus(string? text, [NotNullWhen(true)] out StationStatus? status) =>
        TryParse(text, Enum.GetValues<StationStatus>(), Of, out status);

    private static bool TryParse<T>(string? text, T[] values, Func<T, string> name, [NotNullWhen(true)] out T? result)
        where T : struct
    {
        foreach (var v in values)
        {
            if (string.Equals(name(v), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = v;
                return true;
            }
        }

        result = null;
        return false;
    }
}
