using System.Collections.Immutable;
using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Siting.Csv;

/// <summary>
/// Reads an external travel-cost matrix (spopt's <c>from_cost_matrix</c> use case): <c>costs.csv</c> long format
/// <c>demand_id,site_id,cost</c>; <c>demand.csv</c> <c>id</c> plus one numeric column per population group
/// (<c>id,weight</c> gives the single group <c>weight</c>), optional <c>unit</c>, <c>lon</c>, <c>lat</c>;
/// <c>sites.csv</c> <c>id</c> with optional <c>cost</c> (default 1), <c>existing</c> (true/false/1/0/yes/no),
/// <c>role</c> (candidate, existing, forced, excluded), <c>township</c>, <c>lon</c>, <c>lat</c>, and a capacity
/// (capacitated MCLP): <c>capacity</c> in people, or <c>workers</c> (social workers) times people per worker.
/// Every problem is collected, none thrown: a file with problems yields no matrix.
/// </summary>
public static class SitingCsv
{
    private static readonly string[] DemandMeta = ["id", "unit", "lon", "lat"];

    /// <summary>Reads the three files into a matrix, or returns the problems found.</summary>
    /// <param name="costsPath">Long-format costs file.</param>
    /// <param name="demandPath">Demand file.</param>
    /// <param name="sitesPath">Sites file.</param>
    /// <param name="radius">Coverage radius in the cost unit.</param>
    /// <param name="maxCost">Keep pairs up to this cost (infinity for p-median); default the radius.</param>
    /// <param name="problems">Problems, one per bad row and field.</param>
    /// <param name="peoplePerWorker">People one social worker serves; with a <c>workers</c> column it gives each site's capacity.</param>
    public static CoverageMatrix? Read(
        string costsPath, string demandPath, string sitesPath, double radius, double? maxCost, out IReadOnlyList<InputProblem> problems, double? peoplePerWorker = null)
    {
        var list = new List<InputProblem>();
        problems = list;
        var (groups, demand) = ReadDemand(demandPath, list);
        var sites = ReadSites(sitesPath, list, peoplePerWorker);
        if (groups is null)
        {
            return null;
        }

        // Cost rows are checked even when the other files have problems, so one run lists them all.
        var demandIds = demand.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var siteIds = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var rows = new List<CostRow>();
        ReadRows(costsPath, list, ["demand_id", "site_id", "cost"], (row, get) =>
        {
            string d = get("demand_id"), s = get("site_id");
            bool ok = true;
            if (!demandIds.Contains(d))
            {
                list.Add(new InputProblem(Path.GetFileName(costsPath), row, d, "demand_id", "not in the demand file"));
                ok = false;
            }

            if (!siteIds.Contains(s))
            {
                list.Add(new InputProblem(Path.GetFileName(costsPath), row, s, "site_id", "not in the sites file"));
                ok = false;
            }

            if (Number(costsPath, row, d, "cost", get("cost"), list) is { } c && ok)
            {
                rows.Add(new CostRow(d, s, c));
            }
        });
        return list.Count > 0 ? null : CoverageMatrix.FromLongFormat(groups, demand, sites, rows, radius, maxCost);
    }

    private static (PopulationGroups?, List<SitingDemand>) ReadDemand(string path, List<InputProblem> problems)
    {
        var demand = new List<SitingDemand>();
        string[] groupNames = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(path, problems, ["id"], (row, get) =>
        {
            string id = get("id");
            if (!seen.Add(id))
            {
                problems.Add(new InputProblem(Path.GetFileName(path), row, id, "id", "duplicate id"));
            }

            var counts = groupNames.Select(g => Number(path, row, id, g, get(g), problems) ?? 0).ToImmutableArray();
            demand.Add(new SitingDemand(id, counts, NullIfEmpty(get("unit")), Point(path, row, id, get, problems)));
        }, header => groupNames = [.. header.Where(h => !DemandMeta.Contains(h, StringComparer.OrdinalIgnoreCase))]);
        if (groupNames.Length == 0 && problems.Count == 0)
        {
            problems.Add(new InputProblem(Path.GetFileName(path), null, null, null, "needs at least one group column (e.g. weight or total) besides id"));
            return (null, demand);
        }

        try
        {
            return (new PopulationGroups(groupNames), demand);
        }
        catch (ArgumentException e)
        {
            problems.Add(new InputProblem(Path.GetFileName(path), null, null, null, e.Message));
            return (null, demand);
        }
    }

    private static List<SitingSite> ReadSites(string path, List<InputProblem> problems, double? peoplePerWorker)
    {
        var sites = new List<SitingSite>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(path, problems, ["id"], (row, get) =>
        {
            string id = get("id");
            string file = Path.GetFileName(path);
            if (!seen.Add(id))
            {
                problems.Add(new InputProblem(file, row, id, "id", "duplicate id"));
            }

            double cost = get("cost") is { Length: > 0 } c ? Number(path, row, id, "cost", c, problems) ?? 1 : 1;
            var role = SiteRole.Candidate;
            if (get("existing") is { Length: > 0 } e)
            {
                if (!TryBool(e, out bool existing))
                {
                    problems.Add(new InputProblem(file, row, id, "existing", $"'{e}' is not true/false/1/0/yes/no"));
                }

                role = existing ? SiteRole.Existing : role;
            }

            if (get("role") is { Length: > 0 } r)
            {
                if (!Enum.TryParse(r, ignoreCase: true, out SiteRole parsed) || int.TryParse(r, out _))
                {
                    problems.Add(new InputProblem(file, row, id, "role", $"'{r}' is not candidate, existing, forced or excluded"));
                }

                role = parsed;
            }

            double? capacity = get("capacity") is { Length: > 0 } cap ? Number(path, row, id, "capacity", cap, problems) : null;
            if (capacity is null && peoplePerWorker is { } perWorker && get("workers") is { Length: > 0 } w)
            {
                capacity = Number(path, row, id, "workers", w, problems) * perWorker;
            }

            sites.Add(new SitingSite(id, cost, role, Point(path, row, id, get, problems), NullIfEmpty(get("township")), capacity));
        });
        return sites;
    }

    internal static void ReadRows(string path, List<InputProblem> problems, string[] required, Action<int, Func<string, string>> onRow, Action<string[]>? onHeader = null)
    {
        string file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new InputProblem(file, null, null, null, $"file not found ({path})"));
            return;
        }

        using var reader = new StreamReader(path);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            problems.Add(new InputProblem(file, null, null, null, "empty file, a header row is needed"));
            return;
        }

        string[] header = [.. records.Current.Select(h => h.Trim().TrimStart('\uFEFF'))];
        foreach (var name in required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new InputProblem(file, null, null, name, $"missing column (header is {string.Join(",", header)})"));
        }

        if (required.Any(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            return;
        }

        onHeader?.Invoke(header);
        int row = 0;
        while (records.MoveNext())
        {
            row++;
            var record = records.Current;
            string Get(string name)
            {
                int k = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
                return k >= 0 && k < record.Length ? record[k].Trim() : string.Empty;
            }

            if (Get(required[0]).Length == 0)
            {
                problems.Add(new InputProblem(file, row, null, required[0], "empty"));
                continue;
            }

            onRow(row, Get);
        }
    }

    internal static double? Number(string path, int row, string id, string field, string text, List<InputProblem> problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= 0)
        {
            return v;
        }

        problems.Add(new InputProblem(Path.GetFileName(path), row, id, field, text.Length == 0 ? "empty, a number >= 0 is needed" : $"'{text}' is not a number >= 0"));
        return null;
    }

    internal static GeoPoint? Point(string path, int row, string id, Func<string, string> get, List<InputProblem> problems)
    {
        string lon = get("lon"), lat = get("lat");
        if (lon.Length == 0 && lat.Length == 0)
        {
            return null;
        }

        if (double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out double y) && new GeoPoint(x, y).IsInRange)
        {
            return new GeoPoint(x, y);
        }

        problems.Add(new InputProblem(Path.GetFileName(path), row, id, "lon/lat", $"({lon}, {lat}) is not a WGS84 longitude/latitude"));
        return null;
    }

    private static bool TryBool(string text, out bool value)
    {
        value = text.ToUpperInvariant() is "TRUE" or "1" or "YES";
        return value || text.ToUpperInvariant() is "FALSE" or "0" or "NO";
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
