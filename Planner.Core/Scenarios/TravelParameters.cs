namespace Planner.Core.Scenarios;

/// <summary>The travel parameters a scenario runs with: the circle limit, the mode and an optional speed override.</summary>
/// <param name="LimitMinutes">Service-circle limit in minutes.</param>
/// <param name="Mode">Travel mode (walk, ebike, drive).</param>
/// <param name="SpeedKmh">Speed override in km/h, or null for the mode's own speeds.</param>
/// <remarks>The accepted values are <see cref="Network.TravelLimits"/>'.</remarks>
public sealed record TravelParameters(double LimitMinutes, string Mode, double? SpeedKmh);
