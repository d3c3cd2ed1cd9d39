using System.Collections.Immutable;

namespace Planner.Core.Import.Tables;

/// <summary>A table read from a spreadsheet or CSV: its header names and its rows, each cell as text.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Headers">Header names in column order (trimmed).</param>
/// <param name="Rows">The data rows, in file order; empty rows are left out.</param>
/// <param name="Encoding">The text encoding used (for CSV: detected or given), or "xlsx".</param>
public sealed record Table(string Path, ImmutableArray<string> Headers, ImmutableArray<TableRow> Rows, string Encoding)
{
    /// <summary>The file name, for problem lines.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>One data row of a <see cref="Table"/>.</summary>
/// <param name="Number">The row as a user finds it: the spreadsheet row number or the CSV line number (the header is 1).</param>
/// <param name="Cells">Cell text by header name (trimmed; empty when the cell is empty).</param>
public sealed record TableRow(int Number, ImmutableDictionary<string, string> Cells)
{
    /// <summary>The cell under <paramref name="header"/>, or empty.</summary>
    public string this[string header] => Cells.TryGetValue(header, out var v) ? v : string.Empty;
}
