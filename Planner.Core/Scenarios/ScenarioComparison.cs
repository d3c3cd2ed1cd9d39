using System.Globalization;
using System.Text;
using Planner.Core.Coverage;

namespace Planner.Core.Scenarios;

/// <summary>The difference between two coverage reports (scenario A → scenario B).</summary>
/// <param name="A">Name of the first scenario.</param>
/// <param name="B">Name of the second scenario.</param>
/// <param name="Groups">Per group for the whole region: covered people and share in A and B.</param>
/// <param name="Units">Per unit and group whose covered people differ.</param>
/// <param name="Stations">Stations added, removed, or whose catchment changed.</param>
/// <param name="NewGaps">Gaps of B with no gap of A near them.</param>
/// <param name="ClosedGaps">Gaps of A with no gap of B near them.</param>
public sealed record ScenarioComparison(string A, string B, IReadOnlyList<GroupDifference> Groups, IReadOnlyList<UnitDifference> Units,
    IReadOnlyList<StationDifference> Stations, IReadOnlyList<CoverageGap> NewGaps, IReadOnlyList<CoverageGap> ClosedGaps)
{
    /// <summary>Two gaps whose centroids are at most this far apart (metres) are the same gap.</summary>
    public const double DefaultGapMatchMeters = 500;

    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>.</summary>
    public static ScenarioComparison Compare(string nameA, CoverageReport a, string nameB, CoverageReport b, double gapMatchMeters = DefaultGapMatchMeters)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var groups = a.Groups.Keys.Union(b.Groups.Keys).Select(g =>
        {
            var ga = a.Groups.GetValueOrDefault(g) ?? new GroupCoverage(0, 0, 0);
            var gb = b.Groups.GetValueOrDefault(g) ?? new GroupCoverage(0, 0, 0);
            return new GroupDifference(g, ga.Population, ga.Covered, gb.Covered, gb.Covered - ga.Covered, ga.Share, gb.Share, Math.Round(gb.Share - ga.Share, 6));
        }).ToList();

        var unitsB = b.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var units = new List<UnitDifference>();
        foreach (var ua in a.Units)
        {
            if (!unitsB.TryGetValue(ua.Code, out var ub))
            {
                continue;
            }

            foreach (var (g, ca) in ua.Groups)
            {
                var cb = ub.Groups.GetValueOrDefault(g) ?? new GroupCoverage(0, 0, 0);
                if (ca.Covered != cb.Covered)
                {
                    units.Add(new UnitDifference(ua.Code, ua.Name, ua.Level, g, ca.Covered, cb.Covered, cb.Covered - ca.Covered, Math.Round(cb.Share - ca.Share, 6)));
                }
            }
        }

        var stationsA = a.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stationsB = b.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stations = new List<StationDifference>();
        foreach (var sa in a.Stations)
        {
            if (!stationsB.TryGetValue(sa.Id, out var sb))
            {
                stations.Add(new StationDifference(sa.Id, sa.Name, "removed", sa.Catchment, new Dictionary<string, double>()));
            }
            else if (!SameCatchment(sa.Catchment, sb.Catchment))
            {
                stations.Add(new StationDifference(sa.Id, sb.Name, "changed", sa.Catchment, sb.Catchment));
            }
        }

        stations.AddRange(b.Stations.Where(s => !stationsA.ContainsKey(s.Id))
            .Select(s => new StationDifference(s.Id, s.Name, "added", new Dictionary<string, double>(), s.Catchment)));

        return new ScenarioComparison(nameA, nameB, groups, units, stations,
            [.. b.Gaps.Where(gb => !a.Gaps.Any(ga => Near(ga, gb, gapMatchMeters)))],
            [.. a.Gaps.Where(ga => !b.Gaps.Any(gb => Near(ga, gb, gapMatchMeters)))]);
    }

    /// <summary>
    /// The comparison as CSV: <c>section,key,name,group,a,b,change</c> rows for groups (region), units,
    /// stations (a and b are the catchment people of the group) and gaps (a or b is the gap's people).
    /// </summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("section,key,name,group,a,b,change\n");
        foreach (var g in Groups)
        {
            Row(sb, "region", string.Empty, string.Empty, g.Group, g.CoveredA, g.CoveredB);
        }

        foreach (var u in Units)
        {
            Row(sb, "unit", u.Code, u.Name, u.Group, u.CoveredA, u.CoveredB);
        }

        foreach (var s in Stations)
        {
            foreach (var g in s.CatchmentA.Keys.Union(s.CatchmentB.Keys))
            {
                Row(sb, "station:" + s.Change, s.Id, s.Name, g, s.CatchmentA.GetValueOrDefault(g), s.CatchmentB.GetValueOrDefault(g));
            }
        }

        foreach (var (gaps, section, inB) in new[] { (NewGaps, "gap:new", true), (ClosedGaps, "gap:closed", false) })
        {
            foreach (var gap in gaps)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"{gap.Centroid[0]:0.######} {gap.Centroid[1]:0.######}");
                foreach (var (g, people) in gap.Groups)
                {
                    Row(sb, section, key, gap.Id, g, inB ? 0 : people, inB ? people : 0);
                }
            }
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string section, string key, string name, string group, double a, double b) =>
        sb.Append(CultureInfo.InvariantCulture, $"{section},{Csv(key)},{Csv(name)},{Csv(group)},{a:0.###},{b:0.###},{b - a:0.###}\n");

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
        ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : s;

    private static bool SameCatchment(IReadOnlyDictionary<string, double> x, IReadOnlyDictionary<string, double> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && Math.Abs(v - kv.Value) < 1e-9);

    private static bool Near(CoverageGap x, CoverageGap y, double meters)
    {
        const double r = 6_371_008.8;
        double lat1 = x.Centroid[1] * Math.PI / 180, lat2 = y.Centroid[1] * Math.PI / 180;
        double dLat = lat2 - lat1, dLon = (y.Centroid[0] - x.Centroid[0]) * Math.PI / 180;
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(h))) <= meters;
    }
}

/// <summary>One group's region coverage in A and B.</summary>
/// <param name="Group">Group name.</param>
/// <param name="Population">People in the group (in A).</param>
/// <param name="CoveredA">Covered people in A.</param>
/// <param name="CoveredB">Covered people in B.</param>
/// <param name="Change">B − A.</param>
/// <param name="ShareA">Covered share in A.</param>
/// <param name="ShareB">Covered share in B.</param>
/// <param name="ShareChange">B − A.</param>
public sealed record GroupDifference(string Group, double Population, double CoveredA, double CoveredB, double Change, double ShareA, double ShareB, double ShareChange);

/// <summary>A unit and group whose covered people differ.</summary>
/// <param name="Code">Division code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Level">Unit level.</param>
/// <param name="Group">Group name.</param>
/// <param name="CoveredA">Covered people in A.</param>
/// <param name="CoveredB">Covered people in B.</param>
/// <param name="Change">B − A.</param>
/// <param name="ShareChange">Share B − share A.</param>
public sealed record UnitDifference(string Code, string Name, string Level, string Group, double CoveredA, double CoveredB, double Change, double ShareChange);

/// <summary>A station added, removed or whose catchment changed.</summary>
/// <param name="Id">Station id.</param>
/// <param name="Name">Station name.</param>
/// <param name="Change">added, removed or changed.</param>
/// <param name="CatchmentA">People per group in its catchment in A (empty when added).</param>
/// <param name="CatchmentB">People per group in its catchment in B (empty when removed).</param>
public sealed record StationDifference(string Id, string Name, string Change, IReadOnlyDictionary<string, double> CatchmentA, IReadOnlyDictionary<string, double> CatchmentB);
