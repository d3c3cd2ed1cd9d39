using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Planner.Core.Import.Tables;

/// <summary>
/// Reads a table from <c>.xlsx</c> (first sheet, or a named one; MiniExcel) or from CSV in UTF-8, UTF-8 with a BOM or
/// GBK/GB18030. The CSV encoding is detected: a BOM says UTF-8; bytes that decode as strict UTF-8 are UTF-8; anything
/// else is read as GB18030, the superset of GBK and GB2312 that Chinese Excel writes. The first row holds the headers.
/// </summary>
public static class TableReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="encoding"/> (utf-8, gbk, gb18030, gb2312) forces the CSV encoding.</summary>
    /// <exception cref="ImportException">Missing file, unknown encoding or extension, or no header row.</exception>
    public static Table Read(string path, string? encoding = null, string? sheet = null)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, "file does not exist"));
        }

        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".xlsx" => ReadXlsx(path, sheet),
            ".csv" or ".txt" => ReadCsv(path, encoding),
            _ => throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"'{ext}' is not a table: give .xlsx or .csv (save .xls as .xlsx)")),
        };
    }

    /// <summary>The encoding a name stands for: utf-8, gbk/cp936, gb18030, gb2312; null when unknown.</summary>
    public static Encoding? EncodingNamed(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => new UTF8Encoding(false, true),
        "gbk" or "cp936" or "936" or "gb2312" => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936),
        "gb18030" or "54936" => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936),
        _ => null,
    };

    /// <summary>
    /// Decodes text bytes: a UTF-8 BOM or strict UTF-8 as UTF-8, else GB18030; returns the text and the name of the
    /// encoding used. Also used for .dbf attribute text without a .cpg.
    /// </summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, string? encoding, string path)
    {
        if (encoding is not null)
        {
            var forced = EncodingNamed(encoding)
                ?? throw new ImportException(ImportException.Line(path, string.Empty, "--encoding", $"unknown encoding '{encoding}': use utf-8, gbk or gb18030"));
            int skip = forced is UTF8Encoding && HasBom(bytes) ? 3 : 0;
            return (forced.GetString(bytes, skip, bytes.Length - skip), encoding.ToLowerInvariant());
        }

        if (HasBom(bytes))
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "utf-8 (BOM)");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (EncodingNamed("gb18030")!.GetString(bytes), "gb18030");
        }
    }

    private static bool HasBom(byte[] b) => b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;

    private static Table ReadCsv(string path, string? encoding)
    {
        var (text, used) = Decode(File.ReadAllBytes(path), encoding, path);
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new ImportException(ImportException.Line(path, "line 1", string.Empty, "no header row"));
        }

        var headers = header.Select(h => h.Trim()).ToImmutableArray();
        var rows = ImmutableArray.CreateBuilder<TableRow>();
        while (csv.Read())
        {
            var cells = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < headers.Length; i++)
            {
                cells[headers[i]] = (csv.TryGetField<string>(i, out var v) ? v : null)?.Trim() ?? string.Empty;
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add(new TableRow(csv.Parser.RawRow, cells.ToImmutable()));
            }
        }

        return new Table(path, headers, rows.ToImmutable(), used);
    }

    private static Table ReadXlsx(string path, string? sheet)
    {
        List<IDictionary<string, object?>> records;
        try
        {
            records = [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or KeyNotFoundException or System.Xml.XmlException)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable .xlsx: {ex.Message}"), ex);
        }

        var headers = MiniExcel.GetColumns(path, useHeaderRow: true, sheetName: sheet)?.Select(h => h.Trim()).ToImmutableArray() ?? [];
        if (headers.IsEmpty)
        {
            throw new ImportException(ImportException.Line(path, "row 1", string.Empty, "no header row"));
        }

        var rows = ImmutableArray.CreateBuilder<TableRow>();
        for (int i = 0; i < records.Count; i++)
        {
            var cells = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in records[i])
            {
                cells[key.Trim()] = Text(value);
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                // Row 1 is the header; MiniExcel returns the data rows in order, so data row i is spreadsheet row i + 2.
                rows.Add(new TableRow(i + 2, cells.ToImmutable()));
            }
        }

        return new Table(path, headers, rows.ToImmutable(), "xlsx");
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
