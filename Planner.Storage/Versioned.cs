using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Regions;
using Planner.Core.Scenarios;

namespace Planner.Storage;

/// <summary>A stored value with the version it was stored as (1 on creation, +1 per save).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Version">Its version; pass it back as the expected version when saving a change.</param>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>A region's key and its stored version.</summary>
/// <param name="Name">The region's key.</param>
/// <param name="Version">Current version.</param>
public sealed record StoredVersion(string Name, long Version);

/// <summary>A scenario's key and its stored version.</summary>
/// <param name="Key">Base region key and scenario name.</param>
/// <param name="Version">Current version.</param>
public sealed record StoredScenarioVersion(ScenarioKey Key, long Version);

/// <summary>What a listing shows of a stored region, read without its features.</summary>
/// <param name="Key">The key it is stored under (<c>guixi</c>).</param>
/// <param name="Code">Its division code (<c>360681</c>), or empty.</param>
/// <param name="Title">Its own name (<c>贵溪市</c>).</param>
/// <param name="Version">Its stored version.</param>
public sealed record RegionHeader(string Key, string Code, string Title, long Version)
{
    /// <summary>The key and the aliases it answers to, for <see cref="RegionAliases"/>.</summary>
    public RegionIdentity Identity => new(new RegionKey(Key), Code, Title);
}

/// <summary>A saved result of a scenario: a JSON document (the coverage report) and optional circle polygons.</summary>
/// <param name="Scenario">The scenario's key (base region key and name).</param>
/// <param name="Name">Result name (e.g. <c>coverage</c>).</param>
/// <param name="Json">The result document; must be valid JSON.</param>
/// <param name="Circles">Service circles for display, WGS84.</param>
public sealed record ScenarioResult(ScenarioKey Scenario, string Name, string Json, ImmutableArray<ServiceCircleFeature> Circles)
{
    /// <inheritdoc />
    public bool Equals(ScenarioResult? other) =>
        other is not null && Scenario == other.Scenario && Name == other.Name && Json == other.Json && Circles.SequenceEqual(other.Circles);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scenario, Name, Json, Circles.Length);
}

/// <summary>A service circle (the area a station reaches within the limit) as stored in the <c>circles</c> layer.</summary>
/// <param name="StationId">Station id.</param>
/// <param name="LimitMinutes">Limit the circle was computed for.</param>
/// <param name="Area">Polygon or MultiPolygon, WGS84.</param>
public sealed record ServiceCircleFeature(string StationId, double LimitMinutes, Geometry Area)
{
    /// <inheritdoc />
    public bool Equals(ServiceCircleFeature? other) =>
        other is not null && StationId == other.StationId && LimitMinutes.Equals(other.LimitMinutes) && Area.EqualsExact(other.Area);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StationId, LimitMinutes);
}
