using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>
/// The speeds of one run, the single rule coverage and siting share: the road graph is built at the profile's
/// own speeds; a speed override scales every highway class by <see cref="ProfileToBase"/> (base speed / profile
/// speed), which is applied to the time limits and read-out times rather than to the graph, so one prepared
/// graph serves every speed; a group with its own pace in the profile keeps it (elderly at 3.6 km/h on foot
/// whatever the override).
/// </summary>
public sealed record TravelPaces
{
    private TravelPaces(double profileSpeedKmh, double baseSpeedKmh, IReadOnlyDictionary<string, double> groupSpeedsKmh)
    {
        ProfileSpeedKmh = profileSpeedKmh;
        BaseSpeedKmh = baseSpeedKmh;
        GroupSpeedsKmh = groupSpeedsKmh;
    }

    /// <summary>The profile's default speed in km/h (the speed the graph's edge times assume on a class without its own speed).</summary>
    public double ProfileSpeedKmh { get; }

    /// <summary>The base speed in km/h: the override when given, else the profile's.</summary>
    public double BaseSpeedKmh { get; }

    /// <summary>Base speed / profile speed: graph seconds divided by this are seconds at the base speed.</summary>
    public double ProfileToBase => BaseSpeedKmh / ProfileSpeedKmh;

    /// <summary>The region's groups with their own pace in the profile, in km/h (only positive speeds).</summary>
    public IReadOnlyDictionary<string, double> GroupSpeedsKmh { get; }

    /// <summary>The speeds for <paramref name="options"/> over the profile they select, for the groups of <paramref name="groups"/>.</summary>
    public static TravelPaces For(CoverageOptions options, PopulationGroups groups) => For(options.ResolveProfile(), options, groups);

    /// <summary>The speeds for <paramref name="options"/> over <paramref name="profile"/> (the profile a graph was built for).</summary>
    public static TravelPaces For(TravelProfile profile, CoverageOptions options, PopulationGroups groups)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(groups);
        var own = groups.Names.Where(g => profile.GroupSpeedsKmh.TryGetValue(g, out var v) && v > 0)
            .ToDictionary(g => g, g => profile.GroupSpeedsKmh[g], StringComparer.Ordinal);
        return new TravelPaces(profile.SpeedKmh, options.SpeedKmh ?? profile.SpeedKmh, own);
    }

    /// <summary>The pace of a group in km/h: its own in the profile, else the base speed.</summary>
    public double GroupSpeedKmh(string group) => GroupSpeedsKmh.TryGetValue(group, out var v) ? v : BaseSpeedKmh;

    /// <summary>
    /// Base speed / group speed for every group whose own pace differs from the base: the factor from minutes at
    /// the base speed to the group's minutes (elderly at 3.6 km/h when the base is 4.8: 1.333).
    /// </summary>
    public IReadOnlyDictionary<string, double> RatiosToBase() =>
        GroupSpeedsKmh.Where(g => g.Value != BaseSpeedKmh).ToDictionary(g => g.Key, g => BaseSpeedKmh / g.Value, StringComparer.Ordinal);
}
