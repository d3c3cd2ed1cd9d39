using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Planner.Reports.Model;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Planner.Reports.Tests;

/// <summary>
/// One report, four formats, each read back by its own reader (OpenXml for Word and Excel, pdftotext for PDF,
/// AngleSharp for HTML): covered people and share per group, the share of every township and village per group,
/// and the failed rules are the same in all of them, and equal to the JSON report and the standards checker.
/// </summary>
[Collection(GuixiCollection.Name)]
public partial class CrossFormatTests(GuixiReport guixi)
{
    [Fact]
    public void Report_Guixi_DocxPdfXlsxHtmlShowTheSameGroupUnitAndRuleFigures()
    {
        var expected = Expected();
        Assert.True(expected.FailedSubjects.Count > 0, "the Guixi checks should fail somewhere, or the rule comparison proves nothing");

        AssertSame("docx", expected, FromCells(DocxRows(Render(ReportFormat.Docx))));
        AssertSame("html", expected, FromCells(HtmlRows(Render(ReportFormat.Html))));
        AssertSame("pdf", expected, FromPdfText(Tool.Run("pdftotext", "-layout", "-enc", "UTF-8", Render(ReportFormat.Pdf), "-"), expected));
        AssertSame("xlsx", expected, FromWorkbook(Render(ReportFormat.Xlsx)));
    }

    /// <summary>The travel-time rows (bin, people, share) are the histogram's, printed alike in Word, PDF and HTML, and the charts are embedded.</summary>
    [Fact]
    public void Report_Guixi_TravelTimeRowsAreInDocxPdfAndHtml()
    {
        var h = guixi.Document.Minutes!;
        var expected = h.Bins.Select(b => (Label: MinutesText.Label(b), People: People(b.People), Share: GuixiReport.Printed(b.People / h.People)))
            .Append((Label: MinutesText.Chinese.NoStation, People: People(h.NoStation), Share: GuixiReport.Printed(h.NoStation / h.People))).ToList();
        var docx = DocxRows(Render(ReportFormat.Docx));
        var html = HtmlRows(Render(ReportFormat.Html));
        var pdf = Tool.Run("pdftotext", "-layout", "-enc", "UTF-8", Render(ReportFormat.Pdf), "-").Split('\n').Select(l => Regex.Split(l.Trim(), "\\s{2,}")).ToList();
        foreach (var (label, people, share) in expected)
        {
            string[] row = [label, people, share];
            Assert.Contains(docx, r => r.SequenceEqual(row));
            Assert.Contains(html, r => r.SequenceEqual(row));
            Assert.Contains(pdf, r => r.SequenceEqual(row));
        }

        using var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(GuixiReport.OutputDirectory, "guixi-cross.html")));
        Assert.Equal(2, page.Body!.Children.Count(c => c.LocalName == "svg")); // the share chart and the histogram
    }

    /// <summary>The figures as the JSON report and the checker state them, printed as the report prints them.</summary>
    private Figures Expected()
    {
        var json = guixi.Json.RootElement;
        var keys = json.GetProperty("groups").EnumerateObject().Select(g => g.Name).ToList();
        var overall = keys.ToDictionary(k => Label(k), k =>
        {
            var g = json.GetProperty("groups").GetProperty(k);
            return new GroupLine(People(g.GetProperty("population").GetDouble()), People(g.GetProperty("covered").GetDouble()), GuixiReport.Printed(g.GetProperty("share").GetDouble()));
        });
        var units = guixi.JsonUnits("township").Concat(guixi.JsonUnits("village"))
            .ToDictionary(u => u.Code, u => string.Join(" ", keys.Select(k => GuixiReport.Printed(u.Shares[k]))));
        return new Figures(overall, units, Sorted(guixi.Checks.Where(c => !c.Passed).Select(c => c.SubjectName)));
    }

    private static void AssertSame(string format, Figures expected, Figures actual)
    {
        Assert.True(expected.Overall.Count == actual.Overall.Count && expected.Overall.All(e => actual.Overall.TryGetValue(e.Key, out var a) && a == e.Value),
            $"{format} groups: expected {string.Join("; ", expected.Overall)}, got {string.Join("; ", actual.Overall)}");
        foreach (var (code, shares) in expected.UnitShares)
        {
            Assert.True(actual.UnitShares.TryGetValue(code, out var got), $"{format} has no row for unit {code}");
            Assert.True(shares == got, $"{format} unit {code}: expected {shares}, got {got}");
        }

        Assert.Equal(expected.UnitShares.Count, actual.UnitShares.Count);
        Assert.True(expected.FailedSubjects.SequenceEqual(actual.FailedSubjects),
            $"{format} failed rules: expected {expected.FailedSubjects.Count} ({string.Join(", ", expected.FailedSubjects)}), got {actual.FailedSubjects.Count} ({string.Join(", ", actual.FailedSubjects)})");
    }

    /// <summary>Word and HTML print the same table cells: group rows (label, people, covered, share, unreachable), unit rows (code first), check rows (result last).</summary>
    private Figures FromCells(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var labels = guixi.Json.RootElement.GetProperty("groups").EnumerateObject().Select(g => Label(g.Name)).ToHashSet();
        var overall = rows.Where(r => r.Count == 5 && labels.Contains(r[0])).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => new GroupLine(g.First()[1], g.First()[2], g.First()[3]));
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.Count > 3 && UnitCode().IsMatch(r[0])))
        {
            var shares = string.Join(" ", r.Skip(3));
            Assert.True(units.TryAdd(r[0], shares) || units[r[0]] == shares, $"unit {r[0]} is printed twice with different shares");
        }

        var failed = rows.Where(r => r.Count == 5 && r[4] == ReportText.Chinese.Fail).Select(r => r[1]);
        return new Figures(overall, units, Sorted(failed));
    }

    /// <summary>
    /// pdftotext -layout puts the first line of every cell of a table row on one text line, so a unit's line holds its
    /// code and its shares, a group's line its people, covered and share, and a failed check's line ends in 不达标.
    /// </summary>
    private static Figures FromPdfText(string text, Figures expected)
    {
        var lines = text.Split('\n');
        var overall = new Dictionary<string, GroupLine>();
        foreach (var (label, e) in expected.Overall)
        {
            var line = lines.FirstOrDefault(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal) && Regex.IsMatch(l, "%\\s+[0-9,]+\\s*$"));
            if (line is not null)
            {
                var cells = Regex.Split(line.Trim(), "\\s{2,}");
                overall[label] = new GroupLine(cells[1], cells[2], cells[3]);
            }
        }

        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var cells = Regex.Split(line.Trim(), "\\s{2,}");
            if (cells.Length > 3 && UnitCode().IsMatch(cells[0]))
            {
                units.TryAdd(cells[0], string.Join(" ", cells.Where(c => c.EndsWith('%'))));
            }
        }

        // The subject's name may wrap in the PDF; a failed rule is known here by its line only, so the subjects are
        // checked to appear on those lines in the order the checker gives them.
        var failedLines = lines.Where(l => FailCell().IsMatch(l)).ToList();
        var failed = failedLines.Count == expected.FailedSubjects.Count ? expected.FailedSubjects.Where(s => failedLines.Any(l => l.Contains(s, StringComparison.Ordinal))).ToList() : [.. failedLines];
        return new Figures(overall, units, failed);
    }

    /// <summary>Excel holds numbers: they are compared as numbers (people to 0.01, shares to 0.005 points) with the JSON report.</summary>
    private Figures FromWorkbook(string path)
    {
        using var book = SpreadsheetDocument.Open(path, false);
        var expected = Expected();
        var json = guixi.Json.RootElement;
        var keys = json.GetProperty("groups").EnumerateObject().Select(g => g.Name).ToList();
        var overallRows = SheetRows(book, "总体");
        var overall = new Dictionary<string, GroupLine>();
        foreach (var row in overallRows.Skip(1))
        {
            var g = json.GetProperty("groups").GetProperty(keys.Single(k => Label(k) == row[0]));
            Assert.Equal(g.GetProperty("population").GetDouble(), Number(row[1]), 0.01);
            Assert.Equal(g.GetProperty("covered").GetDouble(), Number(row[2]), 0.01);
            Assert.Equal(g.GetProperty("share").GetDouble() * 100, Number(row[3]), 0.005 + 1e-9);
            overall[row[0]] = expected.Overall[row[0]];
        }

        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        var jsonUnits = guixi.JsonUnits("township").Concat(guixi.JsonUnits("village")).ToDictionary(u => u.Code);
        foreach (var sheet in new[] { "乡镇街道", "村社区" })
        {
            var rows = SheetRows(book, sheet);
            var shareColumns = keys.Select(k => rows[0].IndexOf($"{Label(k)}覆盖率（%）")).ToList();
            foreach (var row in rows.Skip(1))
            {
                var json1 = jsonUnits[row[0]];
                for (int i = 0; i < keys.Count; i++)
                {
                    Assert.Equal(json1.Shares[keys[i]] * 100, Number(row[shareColumns[i]]), 0.005 + 1e-9);
                }

                units[row[0]] = expected.UnitShares[row[0]];
            }
        }

        var checks = SheetRows(book, "标准检查");
        int subject = checks[0].IndexOf("对象"), result = checks[0].IndexOf("结果");
        var failed = checks.Skip(1).Where(r => r[result] == ReportText.Chinese.Fail).Select(r => r[subject][(r[subject].IndexOf('：', StringComparison.Ordinal) + 1)..]);
        return new Figures(overall, units, Sorted(failed));
    }

    private string Render(ReportFormat format)
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi-cross" + format.Extension);
        File.WriteAllBytes(path, ReportRenderer.Render(guixi.Document, format));
        return path;
    }

    private static List<IReadOnlyList<string>> DocxRows(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
    }

    private static List<IReadOnlyList<string>> HtmlRows(string path)
    {
        using var page = new HtmlParser().ParseDocument(File.ReadAllText(path));
        return page.QuerySelectorAll("tr").Select(r => (IReadOnlyList<string>)r.Children.Select(c => c.TextContent).ToList()).ToList();
    }

    private static List<List<string>> SheetRows(SpreadsheetDocument book, string name)
    {
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable?.Elements<Sheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = book.WorkbookPart.Workbook!.Sheets!.Elements<Sheet.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Sheet.Row>().Select(r => r.Elements<Sheet.Cell>().Select(c =>
        {
            var raw = c.CellValue?.Text ?? c.InnerText;
            return c.DataType?.Value == Sheet.CellValues.SharedString ? strings[int.Parse(raw, CultureInfo.InvariantCulture)] : raw;
        }).ToList()).ToList();
    }

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Label(string groupKey) => ReportText.Chinese.Term(groupKey);

    private static string People(double people) => Math.Round(people, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    [GeneratedRegex("^[0-9]{9,12}$")]
    private static partial Regex UnitCode();

    [GeneratedRegex("\\s{2,}不达标\\s*$")]
    private static partial Regex FailCell();

    private sealed record GroupLine(string Population, string Covered, string Share);

    private sealed record Figures(IReadOnlyDictionary<string, GroupLine> Overall, IReadOnlyDictionary<string, string> UnitShares, IReadOnlyList<string> FailedSubjects);
}
