using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Stations from a points CSV: every row (optionally only rows whose <c>whereColumn</c> is positive) inside
/// the region's extent becomes a station (an empty <c>whereColumn</c> cell counts as zero) with the given level, status and staff, named
/// "&lt;namePrefix&gt; &lt;id&gt;" so that stand-ins say what they are. Bad rows are reported by line and column.
/// </summary>
public static class StationCsvImporter
{
    /// <summary>Options of one import.</summary>
    /// <param name="LonColumn">Longitude column.</param>
    /// <param name="LatColumn">Latitude column.</param>
    /// <param name="IdColumn">Id column.</param>
    /// <param name="WhereColumn">Keep only rows where this column is a positive number; null keeps all.</param>
    /// <param name="NamePrefix">Prefix of every station name.</param>
    /// <param name="Level">Station level.</param>
    /// <param name="Status">Station status.</param>
    /// <param name="SocialWorkers">Social workers per station.</param>
    public sealed record Options(string LonColumn, string LatColumn, string IdColumn, string? WhereColumn, string NamePrefix, StationLevel Level, StationStatus Status, int SocialWorkers);

    /// <summary>The stations read from <paramref name="path"/> that lie inside <paramref name="region"/>.</summary>
    /// <exception cref="ImportException">Missing file or columns, or bad rows.</exception>
    public static ImmutableArray<Station> Read(Region region, string path, Options options)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, "file does not exist"));
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        var columns = new[] { options.LonColumn, options.LatColumn, options.IdColumn }.Concat(options.WhereColumn is null ? [] : [options.WhereColumn]);
        var missing = columns.Where(c => csv.HeaderRecord?.Contains(c) != true).Select(c => ImportException.Line(path, "line 1", c, "column is missing")).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(missing);
        }

        var points = new List<PopulationPoint>();
        var problems = new List<string>();
        while (csv.Read())
        {
            var line = $"line {csv.Parser.RawRow}";
            bool Parse(string column, out double value)
            {
                var text = csv.GetField(column);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
                {
                    return true;
                }

                problems.Add(ImportException.Line(path, line, column, $"'{text}' is not a number"));
                return false;
            }

            // An empty filter cell means "none" (the r5r hexgrid leaves healthcare empty where there is none).
            if (options.WhereColumn is not null && (string.IsNullOrWhiteSpace(csv.GetField(options.WhereColumn)) || !Parse(options.WhereColumn, out var w) || w <= 0))
            {
                continue;
            }

            if (Parse(options.LonColumn, out var lon) && Parse(options.LatColumn, out var lat))
            {
                var id = csv.GetField(options.IdColumn);
                if (string.IsNullOrWhiteSpace(id))
                {
                    problems.Add(ImportException.Line(path, line, options.IdColumn, "is empty"));
                    continue;
                }

                points.Add(new PopulationPoint(id, new GeoPoint(lon, lat), []));
            }
        }

        if (problems.Count > 0)
        {
            throw new ImportException(problems);
        }

        return [.. DemandAssembler.Assemble(region, points).Select(p => new Station(p.Id, $"{options.NamePrefix} {p.Id}", p.Location, options.Level, options.Status, options.SocialWorkers, p.UnitCode))];
    }
}
