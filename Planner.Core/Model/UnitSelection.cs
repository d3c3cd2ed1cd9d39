using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>
/// A selection of a region's units: some units (the roots) with every unit under them, followed by
/// <c>parent</c> so that codes need not share prefixes; their joint boundary; and the one test of whether a
/// feature lies in them, the <see cref="UnitHierarchy"/> rule (the unit its own code names when the region has
/// it, else the deepest unit containing its location). What a <c>?unit=</c> request or a township-scoped key
/// sees. Built once per region version and root set, then only read (safe for concurrent readers).
/// </summary>
public sealed class UnitSelection
{
    private readonly HashSet<string> _codes;
    private readonly HashSet<string> _regionCodes;
    private readonly IPreparedGeometry _shape;
    private readonly UnitHierarchy _hierarchy;

    private UnitSelection(Region region, UnitHierarchy hierarchy, IReadOnlyList<AdminUnit> roots)
    {
        Roots = roots;
        _hierarchy = hierarchy;
        _regionCodes = region.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        _codes = hierarchy.Subtree(roots.Select(r => r.Code));

        Boundary = roots.Count == 1 ? roots[0].Boundary : Union(roots);
        _shape = PreparedGeometryFactory.Prepare(Boundary);
    }

    /// <summary>The units whose subtrees these are (none lies under another).</summary>
    public IReadOnlyList<AdminUnit> Roots { get; }

    /// <summary>The roots' joint boundary, WGS84 (shared: do not change it).</summary>
    public Geometry Boundary { get; }

    /// <summary>Codes of the roots and of every unit under them.</summary>
    public IReadOnlySet<string> Codes => _codes;

    /// <summary>A cache key naming the roots.</summary>
    public string Key => string.Join(",", Roots.Select(r => r.Code));

    /// <summary>The subtree of one unit (the <c>?unit=</c> narrowing of a report).</summary>
    public static UnitSelection Of(Region region, AdminUnit unit)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(unit);
        return new(region, new UnitHierarchy(region.Units), [unit]);
    }

    /// <summary>
    /// The units under a division-code prefix: every unit whose code starts with <paramref name="prefix"/>, with
    /// the units under them; null when no unit's code starts with it.
    /// </summary>
    public static UnitSelection? UnderPrefix(Region region, string prefix)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(prefix);
        var matching = region.Units.Where(u => u.Code.StartsWith(prefix, StringComparison.Ordinal)).DistinctBy(u => u.Code).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        // A matching unit is a root unless it lies under another matching unit.
        var hierarchy = new UnitHierarchy(region.Units);
        var codes = matching.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return new UnitSelection(region, hierarchy, [.. matching.Where(u => !hierarchy.HasAncestorIn(u.Code, codes))]);
    }

    /// <summary>True when the unit with <paramref name="code"/> is a root or lies under one.</summary>
    public bool Contains(string code) => _codes.Contains(code);

    /// <summary>
    /// True when a feature belongs here: its unit (<see cref="UnitHierarchy.Holding"/>, the core's one rule: the unit
    /// its code names, else the deepest unit containing <paramref name="location"/>) is a root or lies under one.
    /// </summary>
    public bool Holds(string? unitCode, GeoPoint location) => _hierarchy.HeldBy(unitCode, location, _codes);

    /// <summary>
    /// True when a feature belongs here: by <paramref name="unitCode"/> when it names a unit of the region, else by
    /// its geometry: a point inside or on the boundary, a line or area that meets it.
    /// </summary>
    public bool Holds(string? unitCode, Geometry geometry) =>
        unitCode is not null && _regionCodes.Contains(unitCode) ? _codes.Contains(unitCode) : Meets(geometry);

    /// <summary>True when the point lies inside or on the boundary.</summary>
    public bool Covers(GeoPoint location) => Meets(Boundary.Factory.CreatePoint(new Coordinate(location.Lon, location.Lat)));

    /// <summary>True for a point inside or on the boundary, or a line or area that meets it.</summary>
    public bool Meets(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return !Boundary.IsEmpty && (geometry is Point ? _shape.Covers(geometry) : _shape.Intersects(geometry));
    }

    private static Geometry Union(IReadOnlyList<AdminUnit> roots)
    {
        var all = GeometryFactories.Wgs84.BuildGeometry([.. roots.Select(r => r.Boundary)]);
        try
        {
            return all.Union();
        }
        catch (TopologyException)
        {
            // Modelled boundaries may overlap slightly or touch badly; a zero buffer unions what the overlay refuses.
            return all.Buffer(0);
        }
    }
}
