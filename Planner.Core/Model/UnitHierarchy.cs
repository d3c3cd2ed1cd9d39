using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>
/// The administrative tree of a region: parents, children, ancestors at a level, and the one rule for which
/// unit holds a feature, used by coverage (a demand point's unit), siting (a site's township for the township
/// floor), the standards check, scenario group scaling and the API's unit narrowing: a feature belongs to the
/// unit its own unit code names when the code names a unit of the region; otherwise to the deepest unit whose
/// boundary contains its location (boundary included), the first in the region's order when several do (a
/// point on a shared boundary goes to one unit only, the same one for every caller).
/// </summary>
public sealed class UnitHierarchy
{
    private readonly Dictionary<string, AdminUnit> _byCode;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, List<AdminUnit>> _children;
    private readonly List<AdminUnit> _units;
    private readonly Lazy<Locator> _locator;

    /// <summary>Builds the tree of <paramref name="units"/>; duplicate codes keep the first.</summary>
    public UnitHierarchy(IEnumerable<AdminUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _byCode = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        _units = [];
        foreach (var u in units)
        {
            if (_byCode.TryAdd(u.Code, u))
            {
                _units.Add(u);
            }
        }

        _order = _units.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _children = _units.Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Boundaries are indexed on the first lookup by location (thread-safe), so a hierarchy used only for its tree costs nothing more.
        _locator = new Lazy<Locator>(() => new Locator(_units), LazyThreadSafetyMode.ExecutionAndPublication);
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
    /// The unit a feature belongs to (the lowest one): the unit its own <paramref name="unitCode"/> names when the
    /// region has it, else the deepest unit whose boundary contains <paramref name="location"/> (WGS84; boundary
    /// included; the first in the region's order among equally deep ones); null when none does.
    /// </summary>
    public AdminUnit? Holding(string? unitCode, GeoPoint location) => Find(unitCode) ?? Deepest(location, null);

    /// <summary>
    /// The unit at <paramref name="level"/> a feature belongs to: from its own unit code when that code (or an
    /// ancestor) is at the level, else the unit at the level above the deepest unit containing
    /// <paramref name="location"/> (see <see cref="Holding"/>), else the first unit at the level whose boundary
    /// contains it.
    /// </summary>
    public AdminUnit? UnitAt(AdminLevel level, string? unitCode, GeoPoint location)
    {
        if (AncestorAt(unitCode, level) is { } byCode)
        {
            return byCode;
        }

        return AncestorAt(Deepest(location, null)?.Code, level) ?? Deepest(location, level);
    }

    /// <summary>True when the feature's unit (<see cref="Holding"/>) is one of <paramref name="codes"/>.</summary>
    public bool HeldBy(string? unitCode, GeoPoint location, IReadOnlySet<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return Holding(unitCode, location) is { } unit && codes.Contains(unit.Code);
    }

    /// <summary>The index of <paramref name="unit"/> among the hierarchy's distinct units (the region's order).</summary>
    internal int OrderOf(AdminUnit unit) => _order[unit.Code];

    /// <summary>The deepest unit (or, with <paramref name="level"/>, the unit at that level) containing the point, first in order on ties.</summary>
    private AdminUnit? Deepest(GeoPoint location, AdminLevel? level)
    {
        AdminUnit? best = null;
        int bestOrder = int.MaxValue;
        foreach (int u in _locator.Value.Containing(location))
        {
            var unit = _units[u];
            if (level is { } l && unit.Level != l)
            {
                continue;
            }

            if (best is null || unit.Level > best.Level || (unit.Level == best.Level && u < bestOrder))
            {
                (best, bestOrder) = (unit, u);
            }
        }

        return best;
    }

    /// <summary>Boundaries in an STR-tree with one point locator each, all built up front so concurrent lookups only read.</summary>
    private sealed class Locator
    {
        private readonly STRtree<int> _tree = new();
        private readonly IndexedPointInAreaLocator[] _locators;

        public Locator(List<AdminUnit> units)
        {
            _locators = new IndexedPointInAreaLocator[units.Count];
            int indexed = 0;
            for (int u = 0; u < units.Count; u++)
            {
                _locators[u] = new IndexedPointInAreaLocator(units[u].Boundary);
                if (!units[u].Boundary.IsEmpty)
                {
                    _tree.Insert(units[u].Boundary.EnvelopeInternal, u);
                    indexed++;

                    // A locator indexes itself on first use; warm it here so later (parallel) lookups only read.
                    _locators[u].Locate(units[u].Boundary.Coordinate);
                }
            }

            if (indexed > 0)
            {
                _tree.Build();
            }
        }

        public IEnumerable<int> Containing(GeoPoint location)
        {
            if (_tree.IsEmpty)
            {
                yield break;
            }

            var c = new Coordinate(location.Lon, location.Lat);
            foreach (int u in _tree.Query(new Envelope(c)))
            {
                if (_locators[u].Locate(c) != Location.Exterior)
                {
                    yield return u;
                }
            }
        }
    }
}
