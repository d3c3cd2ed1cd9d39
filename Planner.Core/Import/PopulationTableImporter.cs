using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Import.Boundaries;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>How population table rows are joined to units.</summary>
public enum PopulationJoin
{
    /// <summary>By unit code (the 12-digit statistical code; trailing 000 groups ignored).</summary>
    Code,

    /// <summary>By unit name (spaces and full-width brackets ignored).</summary>
    Name,
}

/// <summary>
/// People per unit from a census or register table (.xlsx/CSV), joined to the region's units by code or name and
/// spread over the demand points inside each unit (its own and its sub-units') in proportion to the walkable road
/// length (motorways and trunk roads excluded) of each point's unit cell, shared equally by the points of a cell;
/// equally when a unit has no such roads; a unit without demand points gets one at its interior point. Whole people
/// by largest remainder. Only the table's groups change: other groups keep their counts, groups new to the region are
/// added (zero outside the joined units), and points outside every joined unit keep their counts. The region has no
/// building footprints, so floor-area weighting is not available.
/// </summary>
public static class PopulationTableImporter
{
    private static readonly HashSet<string> Unwalkable = ["motorway", "motorway_link", "trunk", "trunk_link"];

    /// <summary>The usual header names of the join keys and of the total.</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> UsualNames = new Dictionary<string, ImmutableArray<string>>
    {
        ["code"] = ["code", "代码", "区划代码", "统计用区划代码", "编码", "村代码"],
        ["name"] = ["name", "名称", "村名", "村(社区)", "村(社区)名称", "单位名称", "村委会"],
        ["total"] = ["total", "常住人口", "总人口", "人口", "户籍人口"],
    }.ToImmutableDictionary();

    /// <summary>The updated region and what the join found.</summary>
    /// <param name="Region">The region with the table's groups spread over its demand.</param>
    /// <param name="Refused">Rows that could not be joined (with the nearest names) or have bad numbers.</param>
    /// <param name="UnitsWithoutRow">Units of the joined levels that no row names.</param>
    /// <param name="Groups">The groups written, in table order.</param>
    /// <param name="Joined">Rows joined.</param>
    public sealed record Result(Region Region, ImmutableArray<RowProblem> Refused, ImmutableArray<string> UnitsWithoutRow, ImmutableArray<string> Groups, int Joined);

    /// <summary>Joins <paramref name="table"/> to <paramref name="region"/>'s units and spreads its groups.</summary>
    public static Result Read(Region region, Table table, PopulationJoin by, ColumnMapping columns)
    {
        var file = table.FileName;
        var key = by == PopulationJoin.Code ? "code" : "name";
        var keyColumn = columns.Find(table, key, UsualNames[key], out var keyError);
        var groupFields = columns.GivenFields.Where(f => f is not "code" and not "name").ToList();
        if (groupFields.Count == 0)
        {
            groupFields.Add(PopulationGroups.Total);
        }

        var header = new List<RowProblem>();
        if (keyColumn is null)
        {
            header.Add(new RowProblem(file, "header", key, keyError ?? $"no column for the {key}: name it with --columns {key}=<header>"));
        }

        var groupColumns = new List<(string Group, string Column)>();
        foreach (var g in groupFields)
        {
            if (g.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                header.Add(new RowProblem(file, "header", g, $"'{g}' is not a group name (letters, digits, underscore)"));
                continue;
            }

            var col = columns.Find(table, g, g == PopulationGroups.Total ? UsualNames["total"] : [g], out var error);
            if (col is null)
            {
                header.Add(new RowProblem(file, "header", g, error ?? $"no column for group {g}: name it with --columns {g}=<header>"));
            }
            else
            {
                groupColumns.Add((g, col));
            }
        }

        if (header.Count > 0)
        {
            return new Result(region, [.. header], [], [], 0);
        }

        var lookup = region.Units.Where(u => u.Level != AdminLevel.County).GroupBy(u => by == PopulationJoin.Code ? UnitBoundaryImporter.Significant(u.Code) : Normal(u.Name))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var refused = new List<RowProblem>();
        var rows = new Dictionary<string, (AdminUnit Unit, double[] Counts)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var value = row[keyColumn!];
            var k = by == PopulationJoin.Code ? UnitBoundaryImporter.Significant(value) : Normal(value);
            if (!lookup.TryGetValue(k, out var matches))
            {
                refused.Add(new RowProblem(file, $"row {row.Number}", keyColumn!, $"no unit with {key} '{value}'{Nearest(region, value, by)}", row));
                continue;
            }

            if (matches.Count > 1)
            {
                refused.Add(new RowProblem(file, $"row {row.Number}", keyColumn!, $"{matches.Count} units are named '{value}' ({string.Join(", ", matches.Select(m => m.Code))}): join by code", row));
                continue;
            }

            var counts = new double[groupColumns.Count];
            string? bad = null;
            for (int i = 0; i < groupColumns.Count && bad is null; i++)
            {
                var text = row[groupColumns[i].Column];
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out counts[i]) || counts[i] < 0 || !double.IsFinite(counts[i]))
                {
                    bad = groupColumns[i].Column;
                    refused.Add(new RowProblem(file, $"row {row.Number}", bad, $"'{text}' is not a number of people", row));
                }
            }

            if (bad is null && !rows.TryAdd(matches[0].Code, (matches[0], counts)))
            {
                refused.Add(new RowProblem(file, $"row {row.Number}", keyColumn!, $"unit {matches[0].Code} {matches[0].Name} has an earlier row", row));
            }
        }

        var levels = rows.Values.Select(r => r.Unit.Level).ToHashSet();
        var without = region.Units.Where(u => levels.Contains(u.Level) && !rows.ContainsKey(u.Code)).Select(u => $"{u.Code} {u.Name}").ToImmutableArray();
        var updated = Spread(region, rows.Values.ToList(), groupColumns.Select(g => g.Group).ToList());
        return new Result(updated, [.. refused], without, [.. groupColumns.Select(g => g.Group)], rows.Count);
    }

    /// <summary>The region's sources note for a stored table: measured per unit, modelled within it, and how it was spread.</summary>
    public static string SourceNote(Result result, string fileName, PopulationJoin by)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"MEASURED per unit, MODELLED within it: groups {string.Join(",", result.Groups)} of {result.Joined} units from {fileName} (joined by {(by == PopulationJoin.Code ? "code" : "name")}), "
            + "spread over each unit's demand points by walkable road length (motorways and trunk roads excluded; no building footprints in the region); "
            + $"other groups and units without a row unchanged ({result.UnitsWithoutRow.Length} units without a row)";
    }

    private static Region Spread(Region region, List<(AdminUnit Unit, double[] Counts)> rows, List<string> groups)
    {
        var names = region.Groups.Names.Concat(groups.Where(g => !region.Groups.Contains(g))).ToList();
        var catalogue = new PopulationGroups(names);
        var demand = region.Demand.Select(d => d with { Counts = [.. d.Counts, .. Enumerable.Repeat(0.0, names.Count - d.Counts.Length)] }).ToList();
        var hierarchy = new UnitHierarchy(region.Units);
        var projection = region.CreateProjection();
        var roads = new STRtree<Geometry>();
        foreach (var r in region.Roads.Where(r => !Unwalkable.Contains(r.Highway)))
        {
            var line = projection.Project(r.Line);
            roads.Insert(line.EnvelopeInternal, line);
        }

        roads.Build();
        foreach (var (unit, counts) in rows)
        {
            var subtree = hierarchy.Subtree([unit.Code]);
            var members = demand.Select((d, i) => (d, i)).Where(p => p.d.UnitCode is not null && subtree.Contains(p.d.UnitCode)).Select(p => p.i).ToList();
            if (members.Count == 0)
            {
                var at = unit.Boundary.InteriorPoint;
                demand.Add(new DemandPoint(UniqueId(demand, unit.Code), new Geo.GeoPoint(at.X, at.Y), unit.Code, [.. Enumerable.Repeat(0.0, names.Count)]));
                members.Add(demand.Count - 1);
            }

            var weights = Weights(members.Select(i => demand[i].UnitCode!).ToList(), hierarchy, unit, projection, roads);
            for (int g = 0; g < groups.Count; g++)
            {
                var split = LargestRemainder.Split((long)Math.Round(counts[g]), weights);
                int index = catalogue.IndexOf(groups[g]);
                for (int m = 0; m < members.Count; m++)
                {
                    var d = demand[members[m]];
                    demand[members[m]] = d with { Counts = d.Counts.SetItem(index, split[m]) };
                }
            }
        }

        return region with { Info = region.Info with { Groups = catalogue }, Demand = [.. demand] };
    }

    private static double[] Weights(List<string> cells, UnitHierarchy hierarchy, AdminUnit unit, Geo.LocalProjection projection, STRtree<Geometry> roads)
    {
        var clip = projection.Project(unit.Boundary);
        var lengths = new Dictionary<string, double>(StringComparer.Ordinal);
        var shapes = cells.Distinct().Where(c => c != unit.Code).ToDictionary(c => c, c => RobustOverlay.Intersection(projection.Project(hierarchy.Find(c)!.Boundary), clip), StringComparer.Ordinal);
        if (cells.Contains(unit.Code))
        {
            // Points placed in the unit itself stand for the part of it that its sub-units with points do not cover.
            shapes[unit.Code] = shapes.Values.Aggregate(clip, (rest, sub) => RobustOverlay.Difference(rest, sub));
        }

        foreach (var cell in cells.Distinct())
        {
            var shape = shapes[cell];
            lengths[cell] = roads.Query(shape.EnvelopeInternal).Sum(road => RobustOverlay.Intersection(shape, road).Length);
        }

        var perCell = cells.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var weights = cells.Select(c => lengths[c] / perCell[c]).ToArray();
        return weights.Sum() > 0 ? weights : [.. cells.Select(_ => 1.0)];
    }

    private static string UniqueId(List<DemandPoint> demand, string code)
    {
        var id = code;
        for (int n = 2; demand.Any(d => d.Id == id); n++)
        {
            id = $"{code}-{n}";
        }

        return id;
    }

    private static string Nearest(Region region, string value, PopulationJoin by)
    {
        var candidates = region.Units.Where(u => u.Level != AdminLevel.County)
            .Select(u => (u, d: Distance(Normal(by == PopulationJoin.Code ? u.Code : u.Name), Normal(value))))
            .OrderBy(p => p.d).ThenBy(p => p.u.Code, StringComparer.Ordinal).Take(3).Select(p => $"{p.u.Name} ({p.u.Code})").ToList();
        return candidates.Count == 0 ? string.Empty : $"; nearest: {string.Join(", ", candidates)}";
    }

    private static string Normal(string s) => s.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('（', '(').Replace('）', ')');

    /// <summary>Levenshtein edit distance, to suggest the unit a mistyped name meant.</summary>
    private static int Distance(string a, string b)
    {
        var prev = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var cur = new int[b.Length + 1];
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            prev = cur;
        }

        return prev[b.Length];
    }
}
