using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Planner.Core.Tests.Import.Tables;

/// <summary>
/// Fixtures written by tools other than the product's readers: .xlsx by DocumentFormat.OpenXml (the reader is
/// MiniExcel), GBK text by the system's iconv, Shapefiles by GDAL's ogr2ogr.
/// </summary>
internal static class TestFiles
{
    /// <summary>Writes a one-sheet workbook: the first row the headers, then the rows; cells that parse as numbers are numeric cells, the rest shared strings.</summary>
    public static void WriteXlsx(string path, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        foreach (var row in new[] { headers }.Concat(rows))
        {
            var xr = new Row { RowIndex = r };
            for (int c = 0; c < row.Count; c++)
            {
                var reference = $"{(char)('A' + c)}{r}";
                var text = row[c];
                if (r > 1 && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    xr.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) });
                }
                else
                {
                    if (!index.TryGetValue(text, out var i))
                    {
                        i = index.Count;
                        index[text] = i;
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                    }

                    xr.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                }
            }

            data.Append(xr);
            r++;
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "社工站" }));
        workbook.Workbook.Save();
    }

    /// <summary>Converts a UTF-8 file to <paramref name="encoding"/> with iconv (e.g. GBK).</summary>
    public static void Iconv(string utf8Path, string targetPath, string encoding) =>
        Tool("iconv", ["-f", "UTF-8", "-t", encoding, "-o", targetPath, utf8Path]);

    /// <summary>Runs a command-line tool and fails the test with its error output when it fails.</summary>
    public static void Tool(string name, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start");
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{name} {string.Join(' ', args)} failed: {err}");
    }

    /// <summary>A fresh temporary folder.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "planner-table-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
