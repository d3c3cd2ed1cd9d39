using System.Collections.Immutable;
using Planner.Core.Circles;
using Planner.Core.Model;
using Planner.Core.Network;

namespace Planner.Core.Coverage;

/// <summary>The planning parameters of one coverage run.</summary>
public sealed record CoverageOptions
{
    /// <summary>Service-circle limit in minutes (15 by default; see <see cref="TravelLimits.Minutes"/>).</summary>
    public double Minutes { get; init; } = 15;

    /// <summary>Travel mode name of an embedded profile (walk, ebike, drive); ignored when <see cref="Profile"/> is set.</summary>
    public string Mode { get; init; } = "walk";

    /// <summary>A travel profile to use instead of the embedded one named by <see cref="Mode"/>.</summary>
    public TravelProfile? Profile { get; init; }

    /// <summary>
    /// Overrides the profile's base speed in km/h (every highway class is scaled by the same factor); groups with
    /// their own speed in the profile keep it. Null keeps the profile's speeds.
    /// </summary>
    public double? SpeedKmh { get; init; }

    /// <summary>
    /// Largest network distance in metres from the station (off-road legs included) at which a point still counts
    /// as covered, whatever its time; null for no cap (GB 50180-2018's 15-minute circle: 1,000 m).
    /// </summary>
    public double? CapMeters { get; init; }

    /// <summary>Station levels that count; empty counts every level.</summary>
    public ImmutableArray<StationLevel> StationLevels { get; init; } = [];

    /// <summary>Station statuses that count besides operating ones (a circle counting built stations); <see cref="IncludePlanned"/> counts every status.</summary>
    public ImmutableArray<StationStatus> Statuses { get; init; } = [];

    /// <summary>
    /// The life circle these options were made from (<see cref="ForCircle"/>), for the reports; null for an
    /// ad-hoc circle of <see cref="Minutes"/> and <see cref="Mode"/>.
    /// </summary>
    public LifeCircle? Circle { get; init; }

    /// <summary>Counts planned and built stations as well as operating ones.</summary>
    public bool IncludePlanned { get; init; }

    /// <summary>Largest off-road leg in metres; farther points are unreachable (500).</summary>
    public double MaxSnapMeters { get; init; } = 500;

    /// <summary>Road distance over straight distance assumed by the straight-line fallback (1.3).</summary>
    public double CircuityFactor { get; init; } = 1.3;

    /// <summary>Half-width in metres of the buffer around reached road pieces forming a service circle (60).</summary>
    public double CircleBufferMeters { get; init; } = 60;

    /// <summary>
    /// Cell size in metres of the raster on which the buffered road pieces are unioned (10); 0 unions the vector
    /// buffers exactly, which is much slower for large circles.
    /// </summary>
    public double CircleCellMeters { get; init; } = 10;

    /// <summary>Douglas-Peucker tolerance in metres for simplifying service circles and gap outlines (10).</summary>
    public double SimplifyMeters { get; init; } = 10;

    /// <summary>Builds service-circle polygons and their areas (the slowest part; off for pure figures).</summary>
    public bool BuildCircles { get; init; } = true;

    /// <summary>Uncovered points closer than this (metres) fall in the same gap (400).</summary>
    public double GapLinkMeters { get; init; } = 400;

    /// <summary>Islands with fewer road vertices are dropped before snapping (40).</summary>
    public int MinIslandVertices { get; init; } = 40;

    /// <summary>Threads for the per-station searches; 0 uses every core.</summary>
    public int Parallelism { get; init; }

    /// <summary>
    /// These options with the minutes, mode, cap and station levels of <paramref name="circle"/>;
    /// <paramref name="noCap"/> lifts its distance cap (the CLI's <c>--no-cap</c>).
    /// </summary>
    public CoverageOptions ForCircle(LifeCircle circle, bool noCap = false)
    {
        ArgumentNullException.ThrowIfNull(circle);
        return this with
        {
            Minutes = circle.Minutes,
            Mode = circle.Mode,
            CapMeters = noCap ? null : circle.CapMeters,
            StationLevels = circle.StationLevels,
            Statuses = circle.Statuses,
            Circle = noCap ? circle with { CapMeters = null } : circle,
        };
    }

    /// <summary>The id of the circle used: the circle's, else "custom".</summary>
    public string CircleId => Circle?.Id ?? LifeCircle.AdHocId;

    /// <summary>True when <paramref name="station"/> counts for these options: its status (<see cref="StationCounting"/>) and its level.</summary>
    public bool Counts(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        bool status = StationCounting.Counts(station, IncludePlanned) || (!Statuses.IsDefault && Statuses.Contains(station.Status));
        return status && (StationLevels.IsDefaultOrEmpty || StationLevels.Contains(station.Level));
    }

    /// <summary>The counted stations of <paramref name="region"/>, in the region's order.</summary>
    public ImmutableArray<Station> CountedStations(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return [.. region.Stations.Where(Counts)];
    }

    /// <summary>The travel profile these options select.</summary>
    public TravelProfile ResolveProfile() => Profile ?? TravelProfile.Builtin(Mode);

    /// <summary>Checks the values; returns one message per problem (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        // The limits every host shares (TravelLimits): a CLI option, an API query and a scenario edit accept the same values.
        if (TravelLimits.MinutesProblem(Minutes) is { } minutes)
        {
            problems.Add($"minutes: {minutes}");
        }

        if (SpeedKmh is { } s && TravelLimits.SpeedProblem(s) is { } speed)
        {
            problems.Add($"speed: {speed}");
        }

        if (CapMeters is { } cap && !(cap > 0 && double.IsFinite(cap)))
        {
            problems.Add($"cap: {cap.ToString(System.Globalization.CultureInfo.InvariantCulture)} m is not a distance; give more than 0 metres, or no cap.");
        }

        if (Profile is null && !TravelLimits.IsMode(Mode))
        {
            problems.Add($"mode '{Mode}' is unknown; use one of {string.Join(", ", TravelLimits.Modes)}.");
        }

        if (!(MaxSnapMeters >= 0) || !(CircuityFactor >= 1) || !(CircleBufferMeters > 0) || !(GapLinkMeters > 0))
        {
            problems.Add("snap distance, circle buffer and gap link must be positive and the circuity factor at least 1.");
        }

        return problems;
    }
}
