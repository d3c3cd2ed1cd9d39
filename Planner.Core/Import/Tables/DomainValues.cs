using System.Diagnostics.CodeAnalysis;
using Planner.Core.Model;

namespace Planner.Core.Import.Tables;

/// <summary>
/// Levels and statuses as county offices write them, in Chinese or as the region files' English names:
/// 县级/片区/乡镇(街道)/村(社区) for station levels, 运营中/已建成/规划中 for statuses, 乡镇/街道/村/社区/网格 for units.
/// </summary>
public static class DomainValues
{
    /// <summary>Station level from Chinese (县级…, 片区…, 乡镇/街道…, 村/社区…) or English (county_center, …).</summary>
    public static bool TryParseStationLevel(string? text, [NotNullWhen(true)] out StationLevel? level)
    {
        if (DomainNames.TryParseStationLevel(text, out level))
        {
            return true;
        }

        var t = Normal(text);
        level = t switch
        {
            _ when t.Length == 0 => null,
            _ when t.Contains('县') || t.Contains("市级", StringComparison.Ordinal) || t.Contains("区级", StringComparison.Ordinal) => StationLevel.CountyCenter,
            _ when t.Contains("片区", StringComparison.Ordinal) || t.Contains("区域", StringComparison.Ordinal) => StationLevel.AreaCenter,
            _ when t.Contains('乡') || t.Contains('镇') || t.Contains("街道", StringComparison.Ordinal) => StationLevel.TownshipStation,
            _ when t.Contains('村') || t.Contains("社区", StringComparison.Ordinal) || t.Contains("居委", StringComparison.Ordinal) => StationLevel.VillagePoint,
            _ => null,
        };
        return level is not null;
    }

    /// <summary>Station status from Chinese (规划中/拟建/在建, 已建成/建成未运营, 运营中/运行中) or English.</summary>
    public static bool TryParseStationStatus(string? text, [NotNullWhen(true)] out StationStatus? status)
    {
        if (DomainNames.TryParseStationStatus(text, out status))
        {
            return true;
        }

        var t = Normal(text);

        // 建成 before 运营: "建成未运营" is built, not operating.
        status = t switch
        {
            _ when t.Length == 0 => null,
            _ when t.Contains("建成", StringComparison.Ordinal) || t == "已建" => StationStatus.Built,
            _ when t.Contains("规划", StringComparison.Ordinal) || t.Contains("拟建", StringComparison.Ordinal) || t.Contains("在建", StringComparison.Ordinal)
                || t.Contains("筹建", StringComparison.Ordinal) || t.Contains("待建", StringComparison.Ordinal) || t.Contains("计划", StringComparison.Ordinal) => StationStatus.Planned,
            _ when t.Contains("运营", StringComparison.Ordinal) || t.Contains("运行", StringComparison.Ordinal) || t.Contains("开放", StringComparison.Ordinal) => StationStatus.Operating,
            _ => null,
        };
        return status is not null;
    }

    /// <summary>Admin level from Chinese (县/市/区 county, 乡/镇/街道 township, 村/社区/居委会 village, 网格 grid) or English.</summary>
    public static bool TryParseAdminLevel(string? text, [NotNullWhen(true)] out AdminLevel? level)
    {
        if (DomainNames.TryParseAdminLevel(text, out level))
        {
            return true;
        }

        var t = Normal(text);
        level = t switch
        {
            _ when t.Length == 0 => null,
            _ when t.Contains("网格", StringComparison.Ordinal) => AdminLevel.Grid,
            _ when t.Contains('村') || t.Contains("社区", StringComparison.Ordinal) || t.Contains("居委", StringComparison.Ordinal) => AdminLevel.Village,
            _ when t.Contains('乡') || t.Contains('镇') || t.Contains("街道", StringComparison.Ordinal) => AdminLevel.Township,
            _ when t.Contains('县') || t.Contains('市') || t.Contains('区') => AdminLevel.County,
            _ => null,
        };
        return level is not null;
    }

    private static string Normal(string? s) => (s ?? string.Empty).Trim().Replace('（', '(').Replace('）', ')').Replace(" ", string.Empty, StringComparison.Ordinal);
}
