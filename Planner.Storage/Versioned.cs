using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Planner.Storage;

/// <summary>A stored value with the version it was stored as (1 on creation, +1 per save).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Version">Its version; pass it back as the expected version when saving a change.</param>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>A name and its stored version.</summary>
/// <param name="Name">Region or scenario name.</param>
/// <param name="Version">Current version.</param>
public sealed record StoredVersion(string Name, long Version);

/// <summary>A saved result of a scenario: a JSON document (the coverage report) and optional circle polygons.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Name">Result name (e.g. <c>coverage</c>).</param>
/// <param name="Json">The result document; must be valid JSON.</param>
/// <param name="Circles">Service circles for display, WGS84.</param>
public sealed record ScenarioResult(string Scenario, string Name, string Json, ImmutableArray<ServiceCircleFeature> Circles)
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
