namespace Planner.Core.Network;

/// <summary>
/// The travel parameters a planner may ask for, defined once: the CLI options, the API's queries and bodies, the
/// scenario edits and the desktop page (through <c>GET /travel-limits</c>) all accept exactly these values.
/// </summary>
/// <remarks>
/// Four hours bounds both a service-circle limit and a volunteer's trip: beyond that a "circle" spans more than a
/// county and a bounded search visits the whole graph. 120 km/h is the Chinese expressway speed limit; a base
/// speed above it describes no real travel mode.
/// </remarks>
public static class TravelLimits
{
    /// <summary>Minutes of a service-circle limit or of a volunteer's trip (matching): more than 0, at most 240.</summary>
    public static ValueRange Minutes { get; } = new(0, 240, MinExclusive: true);

    /// <summary>A base speed override in km/h: more than 0, at most 120.</summary>
    public static ValueRange SpeedKmh { get; } = new(0, 120, MinExclusive: true);

    /// <summary>The travel modes that may be chosen: the embedded profiles (walk, ebike, drive).</summary>
    public static IReadOnlyList<string> Modes => TravelProfile.BuiltinNames;

    /// <summary>The largest accepted minutes (<see cref="Minutes"/>' maximum).</summary>
    public static double MaxMinutes => Minutes.Max;

    /// <summary>The largest accepted speed in km/h (<see cref="SpeedKmh"/>' maximum).</summary>
    public static double MaxSpeedKmh => SpeedKmh.Max;

    /// <summary>True when <paramref name="mode"/> names one of <see cref="Modes"/> (exactly, lower case).</summary>
    public static bool IsMode(string? mode) => mode is not null && Modes.Contains(mode);

    /// <summary>What is wrong with a limit in minutes, or null when it is accepted.</summary>
    public static string? MinutesProblem(double minutes) =>
        Minutes.Contains(minutes) ? null : $"{Format(minutes)} is out of range; give {Minutes.Describe("minutes")}.";

    /// <summary>What is wrong with a speed in km/h, or null when it is accepted.</summary>
    public static string? SpeedProblem(double speedKmh) =>
        SpeedKmh.Contains(speedKmh) ? null : $"{Format(speedKmh)} km/h is out of range; give {SpeedKmh.Describe("km/h")}.";

    /// <summary>What is wrong with a mode name, or null when it is accepted.</summary>
    public static string? ModeProblem(string? mode) =>
        IsMode(mode) ? null : $"'{mode}' is not a travel mode; use one of {string.Join(", ", Modes)}.";

    private static string Format(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
