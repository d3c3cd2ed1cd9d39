using System.Collections.Immutable;
using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Import.Tables;

namespace Planner.Core.Visits;

/// <summary>
/// Reads a case table (<c>cases.csv</c> or <c>.xlsx</c>; UTF-8 or GBK CSV as <see cref="TableReader"/> reads them):
/// columns <c>id, lon, lat, unit, category, visits_per_month, minutes_per_visit</c> and optional <c>station,
/// worker, window (HH:MM-HH:MM), kind</c>. A row needs lon/lat or a unit. Every refused row is one
/// <see cref="RowProblem"/> naming the row and the column; the rows that pass are returned.
/// </summary>
public static class CaseTableReader
{
    /// <summary>The columns a case table must have.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["id", "category", "visits_per_month", "minutes_per_visit"];

    /// <summary>The most visits per month a file can ask for (one a working day).</summary>
    public const int MaxVisitsPerMonth = 23;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file is missing or not a table.</exception>
    public static (ImmutableArray<VisitCase> Cases, ImmutableArray<RowProblem> Problems) Read(string path)
    {
        var table = TableReader.Read(path);
        return Read(table);
    }

    /// <summary>Reads the rows of a table already loaded.</summary>
    public static (ImmutableArray<VisitCase> Cases, ImmutableArray<RowProblem> Problems) Read(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var problems = ImmutableArray.CreateBuilder<RowProblem>();
        var headers = table.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (!headers.Contains("unit") && !(headers.Contains("lon") && headers.Contains("lat")))
        {
            missing.Add("lon/lat or unit");
        }

        if (missing.Count > 0)
        {
            problems.Add(new RowProblem(table.FileName, "header", string.Join(", ", missing), "missing column(s); a case table has id, lon, lat or unit, category, visits_per_month, minutes_per_visit"));
            return ([], problems.ToImmutable());
        }

        var cases = ImmutableArray.CreateBuilder<VisitCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var parsed = Row(table.FileName, row, problems);
            if (parsed is not null && !seen.Add(parsed.Id))
            {
                problems.Add(Problem(table.FileName, row, "id", $"'{parsed.Id}' appears twice"));
            }
            else if (parsed is not null && problems.Count == before)
            {
                cases.Add(parsed);
            }
        }

        return (cases.ToImmutable(), problems.ToImmutable());
    }

    private static VisitCase? Row(string file, TableRow row, ImmutableArray<RowProblem>.Builder problems)
    {
        string Cell(string column) => Lookup(row, column);
        int before = problems.Count;
        void Add(string column, string reason) => problems.Add(Problem(file, row, column, reason));

        var id = Cell("id");
        if (id.Length == 0)
        {
            Add("id", "empty: every case needs an id");
        }

        GeoPoint? location = null;
        var lonText = Cell("lon");
        var latText = Cell("lat");
        if (lonText.Length > 0 || latText.Length > 0)
        {
            if (!TryNumber(lonText, out double lon) || !TryNumber(latText, out double lat))
            {
                Add(lonText.Length == 0 || !TryNumber(lonText, out _) ? "lon" : "lat", "not a number (decimal degrees, WGS84)");
            }
            else if (!new GeoPoint(lon, lat).IsInRange)
            {
                Add("lon", $"({lonText}, {latText}) is outside -180..180 / -90..90");
            }
            else
            {
                location = new GeoPoint(lon, lat);
            }
        }

        var unit = Cell("unit");
        if (location is null && unit.Length == 0 && lonText.Length == 0 && latText.Length == 0)
        {
            Add("lon", "no location: give lon/lat or the unit the address matched");
        }

        var category = Cell("category").ToLowerInvariant();
        if (!CaseCategories.IsKnown(category))
        {
            Add("category", $"'{Cell("category")}' is not a category; use one of {string.Join(", ", CaseCategories.Known)}");
        }

        if (!int.TryParse(Cell("visits_per_month"), NumberStyles.None, CultureInfo.InvariantCulture, out int visits) || visits < 1 || visits > MaxVisitsPerMonth)
        {
            Add("visits_per_month", $"'{Cell("visits_per_month")}' is not a whole number from 1 to {MaxVisitsPerMonth}");
        }

        if (!TryNumber(Cell("minutes_per_visit"), out double minutes) || !(minutes > 0) || minutes > 480)
        {
            Add("minutes_per_visit", $"'{Cell("minutes_per_visit")}' is not a number of minutes above 0 and at most 480");
        }

        VisitWindow? window = null;
        var windowText = Cell("window");
        if (windowText.Length > 0 && (window = VisitWindow.Parse(windowText)) is null)
        {
            Add("window", $"'{windowText}' is not a window of the day; write HH:MM-HH:MM, e.g. 14:00-17:00");
        }

        if (problems.Count > before)
        {
            return id.Length == 0 ? null : new VisitCase(id, null, null, category, 1, 1);
        }

        return new VisitCase(id, location, Empty(unit), category, visits, minutes, Empty(Cell("station")), Empty(Cell("worker")), window, Empty(Cell("kind")));
    }

    private static string Lookup(TableRow row, string column)
    {
        foreach (var (header, value) in row.Cells)
        {
            if (string.Equals(header.Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return value.Trim();
            }
        }

        return string.Empty;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static RowProblem Problem(string file, TableRow row, string column, string reason) =>
        new(file, $"row {row.Number.ToString(CultureInfo.InvariantCulture)}", column, reason, row);
}
