namespace Planner.Core.IO;

/// <summary>
/// CSV as Excel reads it on Chinese Windows: Excel takes a CSV file without a byte-order mark to be in the
/// system's ANSI code page (GBK there) and garbles UTF-8 names, so a file meant for it starts with the UTF-8 BOM
/// (EF BB BF). Piped output stays without one: tools reading a stream do not expect it.
/// </summary>
public static class CsvForExcel
{
    /// <summary>The byte-order mark as a character: written in UTF-8 it is the bytes EF BB BF.</summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary><paramref name="csv"/> with the byte-order mark in front (once, however often it is applied).</summary>
    public static string WithBom(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return csv.Length > 0 && csv[0] == ByteOrderMark ? csv : ByteOrderMark + csv;
    }
}
