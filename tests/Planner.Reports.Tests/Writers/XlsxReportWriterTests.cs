using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Planner.Reports.Writers;

namespace Planner.Reports.Tests.Writers;

/// <summary>Written with MiniExcel, read back with DocumentFormat.OpenXml.</summary>
[Collection(GuixiCollection.Name)]
public class XlsxReportWriterTests(GuixiReport guixi)
{
    [Fact]
    public void Xlsx_Guixi_AboutSheetThenOneSheetPerTableInChinese()
    {
        using var book = Open();
        Assert.Equal(["基本信息", "总体", "乡镇街道", "村社区", "站点", "服务空白", "标准检查"], book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void Xlsx_Guixi_VillageSheetIsWideWithNumbersEqualToTheJsonReport()
    {
        using var book = Open();
        var rows = Rows(book, "村社区");
        var header = rows[0].Select(c => c.Text).ToList();
        Assert.Equal(["区划代码", "名称", "乡镇（街道）"], header.Take(3));
        var json = guixi.JsonUnits("village");
        Assert.Equal(json.Count, rows.Count - 1);
        foreach (var (code, name, shares) in json)
        {
            var row = rows.Single(r => r[0].Text == code);
            Assert.Equal(name, row[1].Text);
            foreach (var (group, share) in shares)
            {
                var column = header.IndexOf($"{guixi.Document.Text.Term(group)}覆盖率（%）");
                Assert.True(column > 0, $"no share column for {group}: {string.Join(" | ", header)}");
                Assert.True(row[column].IsNumber, $"{code} {group} share is not stored as a number");
                Assert.Equal(share * 100, row[column].Number, 0.005 + 1e-9);
            }
        }
    }

    [Fact]
    public void Xlsx_Guixi_OverallSheetMatchesJsonGroupsAndHeaderIsFrozenWithFilter()
    {
        using var book = Open();
        var rows = Rows(book, "总体");
        Assert.Equal(["人群", "人口（人）", "已覆盖（人）", "覆盖率（%）", "无法到达（人）"], rows[0].Select(c => c.Text));
        var groups = guixi.Json.RootElement.GetProperty("groups");
        foreach (var (g, i) in guixi.Document.Groups.Select((g, i) => (g, i)))
        {
            var row = rows[i + 1];
            Assert.Equal(g.Label, row[0].Text);
            Assert.Equal(groups.GetProperty(g.Key).GetProperty("population").GetDouble(), row[1].Number, 0.005 + 1e-9);
            Assert.Equal(groups.GetProperty(g.Key).GetProperty("covered").GetDouble(), row[2].Number, 0.005 + 1e-9);
            Assert.Equal(groups.GetProperty(g.Key).GetProperty("share").GetDouble() * 100, row[3].Number, 0.005 + 1e-9);
        }

        foreach (var sheet in new[] { "总体", "村社区", "站点" })
        {
            var part = SheetPart(book, sheet);
            var pane = part.Worksheet!.Descendants<Pane>().Single();
            Assert.Equal(1, pane.VerticalSplit!.Value);
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.NotNull(part.Worksheet.Elements<AutoFilter>().SingleOrDefault());
        }
    }

    private SpreadsheetDocument Open()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi.xlsx");
        using (var file = File.Create(path))
        {
            XlsxReportWriter.Write(guixi.Document, file);
        }

        return SpreadsheetDocument.Open(path, false);
    }

    private static WorksheetPart SheetPart(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static List<List<CellValue>> Rows(SpreadsheetDocument book, string name)
    {
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return SheetPart(book, name).Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => Value(c, strings)).ToList()).ToList();
    }

    private static CellValue Value(Cell c, List<string> strings)
    {
        var raw = c.CellValue?.Text ?? c.InnerText;
        if (c.DataType?.Value == CellValues.SharedString)
        {
            return new CellValue(strings[int.Parse(raw, CultureInfo.InvariantCulture)], false, double.NaN);
        }

        if (c.DataType is null || c.DataType.Value == CellValues.Number)
        {
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? new CellValue(raw, true, n) : new CellValue(raw, false, double.NaN);
        }

        return new CellValue(raw, false, double.NaN);
    }

    private sealed record CellValue(string Text, bool IsNumber, double Number);
}
