using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>The contents of <c>region.json</c>: identity, input CRS, population groups, defaults and sources.</summary>
/// <param name="Name">Region name.</param>
/// <param name="Code">Division code of the region (e.g. 360681), or empty.</param>
/// <param name="Crs">The CRS the region's input files are written in; converted to WGS84 on load.</param>
/// <param name="Groups">Population groups reported on.</param>
/// <param name="DefaultMinutes">Default service-circle limit in minutes (15).</param>
/// <param name="DefaultMode">Default travel mode (walk).</param>
/// <param name="Sources">Provenance of each layer.</param>
public sealed record RegionInfo(
    string Name,
    string Code,
    InputCrs Crs,
    PopulationGroups Groups,
    double DefaultMinutes,
    string DefaultMode,
    ImmutableArray<DataSource> Sources)
{
    /// <summary>
    /// The life circle a run uses when it names none and sets no minutes, mode or speed (region.json
    /// <c>defaults.circle</c>): a catalogue id (<c>county-rural-ebike-15min</c>), <c>custom</c> for the ad-hoc circle
    /// of <see cref="DefaultMinutes"/> and <see cref="DefaultMode"/>, or null for the standard
    /// (GB 50180-2018's 15-minute walk capped at 1,000 m). Hosts read it through <c>CircleChoice</c>.
    /// </summary>
    public string? DefaultCircle { get; init; }
}
