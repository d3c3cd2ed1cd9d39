using System.Collections.Immutable;
using Planner.Core.Model;

namespace Planner.Core.Circles;

/// <summary>
/// A life circle (生活圈) as a standard defines it: a time at a travel mode, optionally capped by a network
/// distance, counting stations of some levels and statuses. A demand point is covered by the circle when the
/// network time at its group's own pace is within <see cref="Minutes"/> and the network distance is within
/// <see cref="CapMeters"/> (GB 50180-2018 table 4.0.1 defines the 15-minute circle by a walk of 800-1,000 m).
/// </summary>
public sealed record LifeCircle
{
    /// <summary>The id of an ad-hoc circle of minutes and mode (no catalogue entry).</summary>
    public const string AdHocId = "custom";

    /// <summary>Stable id (<c>gb50180-15min</c>); rules and hosts name circles by it.</summary>
    public required string Id { get; init; }

    /// <summary>Title in Chinese (十五分钟生活圈).</summary>
    public required string TitleZh { get; init; }

    /// <summary>Title in English.</summary>
    public required string TitleEn { get; init; }

    /// <summary>Time limit in minutes at each group's own pace (more than 0).</summary>
    public required double Minutes { get; init; }

    /// <summary>Travel mode: the name of an embedded profile (walk, ebike, drive).</summary>
    public required string Mode { get; init; }

    /// <summary>Largest network distance in metres (legs and partial edges included); null for no cap.</summary>
    public double? CapMeters { get; init; }

    /// <summary>Station levels that count; empty counts every level.</summary>
    public ImmutableArray<StationLevel> StationLevels { get; init; } = [];

    /// <summary>Station statuses that count (operating by default); a run that includes planned stations adds planned and built.</summary>
    public ImmutableArray<StationStatus> Statuses { get; init; } = [StationStatus.Operating];

    /// <summary>Smallest population of the unit the circle is meant for, or null.</summary>
    public double? PopulationMin { get; init; }

    /// <summary>Largest population of the unit the circle is meant for, or null.</summary>
    public double? PopulationMax { get; init; }

    /// <summary>Where the figures come from (a standard's clause, or "county setting").</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>False for a local setting that no national standard fixes (the rural e-bike default).</summary>
    public bool National { get; init; } = true;

    /// <summary>The title in <paramref name="language"/> (zh or en; en otherwise).</summary>
    public string Title(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TitleZh : TitleEn;

    /// <summary>An ad-hoc circle from minutes and a mode (the CLI's <c>--minutes/--mode</c>, a what-if body): no cap, every level.</summary>
    public static LifeCircle AdHoc(double minutes, string mode) => new()
    {
        Id = AdHocId,
        TitleZh = $"{minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}分钟圈（{mode}）",
        TitleEn = $"{minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}-minute {mode} circle",
        Minutes = minutes,
        Mode = mode,
        Source = "ad hoc",
        National = false,
    };
}
