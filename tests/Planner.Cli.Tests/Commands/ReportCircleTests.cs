using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// <c>planner report</c> covers with the same life circle as <c>planner coverage</c> given the same arguments, and
/// names that circle (id, title, minutes, mode, cap) in what it writes. On the Guixi sample (data/guixi) the
/// standard's 1,000 m cap and the ad-hoc 15-minute walk (1,200 m) give different figures, so a report on the wrong
/// circle cannot pass.
/// </summary>
[Collection("Console")]
public sealed class ReportCircleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-circle").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("--minutes 15")]
    [InlineData("--no-cap")]
    [InlineData("--circle gb50180-10min")]
    public void Report_SameArgumentsAsCoverage_CoveredEqualsCoverages(string args)
    {
        var circleArgs = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var coverageArgs = circleArgs.Select(a => a == "--circle" ? "--tiers" : a).ToArray();
        var coverage = PlannerCli.Run(["coverage", Guixi, .. coverageArgs]);
        Assert.True(coverage.Exit == 0, coverage.Error);
        using var json = JsonDocument.Parse(coverage.Out);
        double covered = json.RootElement.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble();

        var xlsx = Path.Combine(_dir, "guixi.xlsx");
        var report = PlannerCli.Run(["report", Guixi, "--format", "xlsx", "--out", xlsx, .. circleArgs]);
        Assert.True(report.Exit == 0, report.Error);
        using var book = SpreadsheetDocument.Open(xlsx, false);
        var total = Rows(book, "总体").Single(r => r[0] == "全体");
        Assert.Equal(covered, double.Parse(total[2], CultureInfo.InvariantCulture), 0.005 + 1e-9);

        var about = Rows(book, "基本信息").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(json.RootElement.GetProperty("circle").GetString(), about["ID"]);
        Assert.Equal(json.RootElement.TryGetProperty("capMeters", out var cap) && cap.ValueKind == JsonValueKind.Number ? cap.GetDouble().ToString(CultureInfo.InvariantCulture) : "不设", about["距离上限（米）"]);
    }

    [Fact]
    public void Report_Default_CappedCircleCoversFewerThanTheAdHocWalk()
    {
        // The premise of the test above: on Guixi the two circles differ (60,748 against 108,159 people).
        static double Covered(params string[] args) =>
            JsonDocument.Parse(PlannerCli.Run(["coverage", Guixi, .. args]).Out).RootElement.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble();
        Assert.True(Covered() < Covered("--minutes", "15") - 1000);
    }

    [Theory]
    [InlineData("zh", "十五分钟生活圈（gb50180-15min）：步行15分钟，路网距离不超过1,000米")]
    [InlineData("en", "15-minute life circle (gb50180-15min): walk 15 min, network distance at most 1,000 m")]
    public void Report_Pdf_NamesTheCircleAndItsCap(string lang, string expected)
    {
        var pdf = Path.Combine(_dir, $"guixi-{lang}.pdf");
        var report = PlannerCli.Run("report", Guixi, "--format", "pdf", "--lang", lang, "--out", pdf);
        Assert.True(report.Exit == 0, report.Error);
        // Lines wrap anywhere in the PDF: compare without whitespace.
        static string Squeezed(string s) => string.Concat(s.Where(ch => !char.IsWhiteSpace(ch)));
        Assert.Contains(Squeezed(expected), Squeezed(PdfText(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CircleAndMinutesTogether_ExitsTwoNamingTheOption()
    {
        var (exit, _, error) = PlannerCli.Run("report", Guixi, "--format", "html", "--out", Path.Combine(_dir, "x.html"), "--circle", "gb50180-5min", "--minutes", "10");
        Assert.Equal(2, exit);
        Assert.StartsWith("--circle: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        (exit, _, error) = PlannerCli.Run("report", Guixi, "--format", "html", "--out", Path.Combine(_dir, "x.html"), "--circle", "gb50180-7min");
        Assert.Equal(2, exit);
        Assert.Contains("circle 'gb50180-7min' is unknown", error, StringComparison.Ordinal);
    }

    private static string Guixi
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder."), "data", "guixi");
        }
    }

    /// <summary>The cells of a sheet as text (shared strings resolved, numbers as written).</summary>
    private static List<List<string>> Rows(SpreadsheetDocument book, string name)
    {
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
        {
            var raw = c.CellValue?.Text ?? c.InnerText;
            return c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(raw, CultureInfo.InvariantCulture)] : raw;
        }).ToList()).ToList();
    }

    private static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-enc", "UTF-8", path, "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }
}
