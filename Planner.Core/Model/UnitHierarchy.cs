using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>
/// The administrative tree of a region: parents, children, ancestors at a level, and the unit at a level that
/// contains a point (by the feature's own unit code first, then by boundary containment).
/// </summary>
public sealed class UnitHierarchy
{
    private readonly Dictionary<string, AdminUnit> _byCode;
    private readonly Dictionary<string, List<AdminUnit>> _children;
    private readonly Dictionary<AdminLevel, List<(AdminUnit Unit, IPreparedGeometry Shape)>> _shapes;
    private readonly GeometryFactory _factory = new();

    /// <summary>Builds the tree of <paramref name="units"/>; duplicate codes keep the first.</summary>
    public UnitHierarchy(IEnumerable<AdminUnit> units)
    {
        _byCode = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            _byCode.TryAdd(u.Code, u);
        }

        _children = _byCode.Values.Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _shapes = _byCode.Values.GroupBy(u => u.Level)
            .ToDictionary(g => g.Key, g => g.Select(u => (u, PreparedGeometryFactory.Prepare(u.Boundary))).ToList());
    }

    /// <summary>The unit with that code, or null.</summary>
    public AdminUnit? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var u) ? u : null;

    /// <summary>The direct children of a unit.</summary>
    public IReadOnlyList<AdminUnit> Children(string code) => _children.TryGetValue(code, out var c) ? c : [];

    /// <summary>The codes <paramref name="roots"/> and the codes of every unit under them, through <c>parent</c>.</summary>
    public HashSet<string> Subtree(IEnumerable<string> roots)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
        {
            var code = stack.Pop();
            if (codes.Add(code))
            {
                foreach (var child in Children(code))
                {
                    stack.Push(child.Code);
                }
            }
        }

        return codes;
    }

    /// <summary>True when a unit above <paramref name="code"/> (its parent, the parent's parent, ...) is one of <paramref name="codes"/>.</summary>
    public bool HasAncestorIn(string code, IReadOnlySet<string> codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        for (var parent = Find(code)?.ParentCode; parent is not null && seen.Add(parent); parent = Find(parent)?.ParentCode)
        {
            if (codes.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The unit itself or its ancestor at <paramref name="level"/>, or null when the chain does not reach that level.</summary>
    public AdminUnit? AncestorAt(string? code, AdminLevel level)
    {
        var u = Find(code);
        for (int guard = 0; u is not null && guard < 16; guard++)
        {
            if (u.Level == level)
            {
                return u;
            }

            if (u.Level < level)
            {
                return null;
            }

            u = Find(u.ParentCode);
        }

        return null;
    }

    /// <summary>
    /// The unit at <paramref name="level"/> a feature belongs to: from its own unit code when that code (or an
    /// ancestor) is at the level, else the unit whose boundary contains <paramref name="location"/>.
    /// </summary>
    public AdminUnit? UnitAt(AdminLevel level, string? unitCode, GeoPoint location)
    {
        if (AncestorAt(unitCode, level) is { } byCode)
        {
            return byCode;
        }

        if (!_shapes.TryGetValue(level, out var shapes))
        {
            return null;
        }

        var point = _factory.CreatePoint(new Coordinate(location.Lon, location.Lat));
        foreach (var (unit, shape) in shapes)
        {
            if (shape.Covers(point))
            {
                return unit;
            }
        }

        return null;
    }
}
