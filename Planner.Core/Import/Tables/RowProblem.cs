using System.Text;

namespace Planner.Core.Import.Tables;

/// <summary>A refused table row or feature: where it is, which column, why.</summary>
/// <param name="File">The file name.</param>
/// <param name="Row">Row number (spreadsheet row or CSV line; header = 1) or feature number.</param>
/// <param name="Column">The column or field at fault.</param>
/// <param name="Reason">Why the row is refused.</param>
/// <param name="Cells">The row's cells as read, for the refused-rows file.</param>
public sealed record RowProblem(string File, string Row, string Column, string Reason, TableRow? Cells = null)
{
    /// <summary>One problem line: <c>file: row N: column: reason</c>.</summary>
    public string Line() => ImportException.Line(File, Row, Column, Reason);

    /// <summary>
    /// Writes the refused rows as CSV (UTF-8 with BOM, which Excel opens as UTF-8): row, column, reason, then the
    /// table's own columns, so they can be fixed and imported again.
    /// </summary>
    public static void WriteCsv(string path, Table table, IEnumerable<RowProblem> problems)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", new[] { "row", "column", "reason" }.Concat(table.Headers).Select(Quote))).Append('\n');
        foreach (var p in problems)
        {
            var cells = table.Headers.Select(h => p.Cells?[h] ?? string.Empty);
            sb.Append(string.Join(",", new[] { p.Row, p.Column, p.Reason }.Concat(cells).Select(Quote))).Append('\n');
        }

        System.IO.File.WriteAllText(path, sb.ToString(), new UTF8Encoding(true));
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
