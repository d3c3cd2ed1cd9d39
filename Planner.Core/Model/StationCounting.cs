using System.Collections.Immutable;

namespace Planner.Core.Model;

/// <summary>
/// Which stations count, the one definition every use case reads: for coverage, siting (locked-in sites),
/// incremental coverage, what-if and the standards' coverage rules a station counts when it is operating, and
/// also when it is planned or built if the run includes planned stations. The standards' staffing rules look
/// at the stations that stand (<see cref="Stands"/>: built or operating), whatever the run counts.
/// </summary>
public static class StationCounting
{
    /// <summary>True when <paramref name="station"/> counts: operating, or any status with <paramref name="includePlanned"/>.</summary>
    public static bool Counts(Station station, bool includePlanned)
    {
        ArgumentNullException.ThrowIfNull(station);
        return includePlanned || station.Status == StationStatus.Operating;
    }

    /// <summary>The counted stations of <paramref name="region"/>, in the region's order.</summary>
    public static ImmutableArray<Station> Counted(Region region, bool includePlanned)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Counted(region.Stations, includePlanned);
    }

    /// <summary>The counted stations among <paramref name="stations"/>, in their order.</summary>
    public static ImmutableArray<Station> Counted(IEnumerable<Station> stations, bool includePlanned)
    {
        ArgumentNullException.ThrowIfNull(stations);
        return [.. stations.Where(s => Counts(s, includePlanned))];
    }

    /// <summary>True when <paramref name="station"/> stands (built or operating, not only planned): the stations staffing rules check.</summary>
    public static bool Stands(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return station.Status != StationStatus.Planned;
    }
}
