using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Planner.Core.Geo;

namespace Planner.Core.Import;

/// <summary>
/// Reads population points from a CSV with a header: a longitude column, a latitude column, one column per
/// count and optionally an id column (else the line number). Every bad row is reported with its line,
/// column and reason; nothing is read when any row is bad.
/// </summary>
public static class PopulationCsvReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file (UTF-8, comma-separated, header row).</param>
    /// <param name="lonColumn">Longitude column (WGS84 degrees).</param>
    /// <param name="latColumn">Latitude column.</param>
    /// <param name="countColumns">Count columns, in the order of the groups they fill.</param>
    /// <param name="idColumn">Id column, or null to use "row&lt;line&gt;".</param>
    /// <exception cref="ImportException">Missing columns or bad rows, one line each.</exception>
    public static List<PopulationPoint> Read(string path, string lonColumn, string latColumn, IReadOnlyList<string> countColumns, string? idColumn)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, "file does not exist"));
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new ImportException(ImportException.Line(path, "line 1", string.Empty, "no header row"));
        }

        var header = csv.HeaderRecord;
        var wanted = new[] { lonColumn, latColumn }.Concat(countColumns).Concat(idColumn is null ? [] : [idColumn]);
        var missing = wanted.Where(c => !header.Contains(c)).Select(c => ImportException.Line(path, "line 1", c, $"column is missing (header: {string.Join(",", header)})")).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(missing);
        }

        var points = new List<PopulationPoint>();
        var problems = new List<string>();
        while (csv.Read())
        {
            var line = $"line {csv.Parser.RawRow}";
            double? Number(string column, bool count)
            {
                var text = csv.GetField(column);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    problems.Add(ImportException.Line(path, line, column, $"'{text}' is not a number"));
                    return null;
                }

                if (count && v < 0)
                {
                    problems.Add(ImportException.Line(path, line, column, $"{text} is negative"));
                    return null;
                }

                return v;
            }

            var lon = Number(lonColumn, false);
            var lat = Number(latColumn, false);
            var counts = countColumns.Select(c => Number(c, true)).ToList();
            if (lon is null || lat is null || counts.Any(c => c is null))
            {
                continue;
            }

            var location = new GeoPoint(lon.Value, lat.Value);
            if (!location.IsInRange)
            {
                problems.Add(ImportException.Line(path, line, $"{lonColumn}/{latColumn}", $"{location} is outside the WGS84 range (swapped?)"));
                continue;
            }

            var id = idColumn is null ? $"row{csv.Parser.RawRow}" : csv.GetField(idColumn) ?? string.Empty;
            points.Add(new PopulationPoint(id, location, [.. counts.Select(c => c!.Value)]));
        }

        return problems.Count > 0 ? throw new ImportException(problems) : points;
    }
}
