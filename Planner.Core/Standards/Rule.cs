using System.Text.Json.Serialization;

namespace Planner.Core.Standards;

/// <summary>
/// One rule of a standards rule set, as written in a JSON file under <c>data/standards/</c>. The
/// <see cref="Kind"/> says what is measured; the other fields parameterise it. Rules are data: places set
/// their own numbers.
/// </summary>
public sealed record Rule
{
    /// <summary>Stable id, e.g. <c>staffing.township_station</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What is measured: station_staff, unit_has_station, unit_covered, volunteer_activity, volunteer_registration, supervision_ratio.</summary>
    public required string Kind { get; init; }

    /// <summary>The rule in words (shown in reports).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The rule in Chinese (shown in Chinese reports; <see cref="Text"/> otherwise).</summary>
    public string TextZh { get; init; } = string.Empty;

    /// <summary>For unit_covered: the life circle (an id in <c>circles.json</c>) whose coverage is checked; null for the run's own circle.</summary>
    public string? Circle { get; init; }

    /// <summary>Station level the rule applies to (station_staff), in file names (township_station, ...).</summary>
    public string? StationLevel { get; init; }

    /// <summary>Station levels that satisfy unit_has_station; any level when empty.</summary>
    public IReadOnlyList<string> StationLevels { get; init; } = [];

    /// <summary>Station status that counts (unit_has_station); operating by default; <c>built</c> counts built and operating stations (the ministry's full-coverage count).</summary>
    public string Status { get; init; } = "operating";

    /// <summary>Unit level the rule is checked per (unit_has_station, unit_covered, volunteer_*).</summary>
    public string? UnitLevel { get; init; }

    /// <summary>Population group for unit_covered; total by default.</summary>
    public string Group { get; init; } = "total";

    /// <summary>The required minimum (count or share 0..1).</summary>
    public double Min { get; init; }

    /// <summary>For station_staff: additional required staff per village/community governed by the station's township (Taicang: 0.5).</summary>
    public double PerGovernedVillage { get; init; }

    /// <summary>For supervision_ratio: social workers one full-time supervisor may cover (Taicang: 5).</summary>
    public double WorkersPerSupervisor { get; init; }

    /// <summary>True when the measured value must exceed <see cref="Min"/> strictly (Datong: more than 50% active).</summary>
    public bool Strict { get; init; }

    /// <summary>Where the rule comes from.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = string.Empty;
}
