using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Validation;

namespace Planner.Core.IO;

/// <summary>
/// Reads <c>demand.csv</c>: <c>id,lon,lat[,unit],&lt;one column per population group&gt;</c>. A row with a
/// bad value is left out and reported with its id, column and reason.
/// </summary>
internal static class DemandCsvReader
{
    private const string File = Model.RegionLayer.Demand;

    public static ImmutableArray<DemandPoint> Read(string path, Model.RegionInfo info, List<ValidationProblem> problems)
    {
        try
        {
            return ReadRows(path, info, problems);
        }
        catch (CsvHelperException ex)
        {
            // A stray quote inside an unquoted field (BadDataException) threw out of the reader (found by fuzzing).
            problems.Add(new(File, string.Empty, string.Empty, $"not readable CSV: {ex.Message.Split('\n')[0].Trim()}"));
            return [];
        }
    }

    private static ImmutableArray<DemandPoint> ReadRows(string path, Model.RegionInfo info, List<ValidationProblem> problems)
    {
        if (!System.IO.File.Exists(path))
        {
            problems.Add(new(File, string.Empty, string.Empty, "file is missing: coverage needs people", ProblemSeverity.Warning));
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read())
        {
            problems.Add(new(File, string.Empty, string.Empty, "file is empty: expected a header id,lon,lat,unit,<groups>"));
            return [];
        }

        var header = csv.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        int Col(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        int idCol = Col("id"), lonCol = Col("lon"), latCol = Col("lat"), unitCol = Col("unit");
        var groupCols = info.Groups.Names.Select(Col).ToArray();
        var missing = new[] { ("id", idCol), ("lon", lonCol), ("lat", latCol) }.Concat(info.Groups.Names.Zip(groupCols))
            .Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(File, string.Empty, string.Join(",", missing), $"column missing from header '{string.Join(",", header)}'"));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<DemandPoint>();
        while (csv.Read())
        {
            var row = csv.Record!;
            var id = idCol < row.Length && row[idCol].Length > 0 ? row[idCol] : $"row {csv.Row}";
            if (row.Length < header.Length)
            {
                problems.Add(new(File, id, string.Empty, $"row has {row.Length} values, the header has {header.Length}"));
                continue;
            }

            bool ok = true;
            double Number(int col, string name)
            {
                if (double.TryParse(row[col], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                {
                    return v;
                }

                problems.Add(new(File, id, name, $"'{row[col]}' is not a number"));
                ok = false;
                return 0;
            }

            var p = new GeoPoint(Number(lonCol, "lon"), Number(latCol, "lat"));
            var counts = new double[groupCols.Length];
            for (int g = 0; g < counts.Length; g++)
            {
                counts[g] = Number(groupCols[g], info.Groups.Names[g]);
                if (ok && counts[g] < 0)
                {
                    problems.Add(new(File, id, info.Groups.Names[g], $"count {counts[g]} is negative"));
                    ok = false;
                }
            }

            if (ok && !p.IsInRange)
            {
                var swapped = Math.Abs(p.Lat) > 90 && Math.Abs(p.Lon) <= 90;
                problems.Add(new(File, id, "lon,lat", swapped
                    ? $"position {p} is out of range: lon/lat look swapped"
                    : $"position {p} is out of the WGS84 range"));
                ok = false;
            }

            if (ok)
            {
                var unit = unitCol >= 0 && row[unitCol].Length > 0 ? row[unitCol] : null;
                result.Add(new DemandPoint(id, ChinaCoordinates.ToWgs84(p, info.Crs), unit, [.. counts]));
            }
        }

        return result.ToImmutable();
    }
}
