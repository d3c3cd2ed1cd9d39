using System.Diagnostics;
using System.Text.Json;
using Planner.Cli.Commands;

namespace Planner.Cli.Tests.Commands;

public class ReportCommandTests
{
    private static readonly string Tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");

    [Theory]
    [InlineData("docx", "PK")]
    [InlineData("xlsx", "PK")]
    [InlineData("shp", "PK")]
    [InlineData("pdf", "%PDF")]
    [InlineData("gpkg", "SQLite format 3")]
    [InlineData("html", "<!DOCTYPE html>")]
    public void Report_EachFormat_WritesThatKindOfFileAndExitsZero(string format, string magic)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("planner-report-").FullName, "tiny." + format);
        var errors = new StringWriter();
        var code = ReportCommand.Run(new ReportRequest(Tiny, format, "zh", new FileInfo(path), null, null, null, "2026-06-30"), new StringWriter(), errors);

        Assert.True(code == ExitCodes.Ok, errors.ToString());
        var head = File.ReadAllBytes(path)[..magic.Length];
        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(head));
    }

    [Fact]
    public void Report_Pdf_TextHasEveryTownshipNameOfTheRegion()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("planner-report-").FullName, "tiny.pdf");
        Assert.Equal(ExitCodes.Ok, ReportCommand.Run(new ReportRequest(Tiny, "pdf", "zh", new FileInfo(path), null, null, null, null), new StringWriter(), new StringWriter()));

        using var units = JsonDocument.Parse(File.ReadAllText(Path.Combine(Tiny, "units.geojson")));
        var townships = units.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("level").GetString() == "township").Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(townships);
        var text = PdfText(path);
        Assert.All(townships, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Contains("数据日期: 未注明", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BadFormatLanguageAndDate_ExitsTwoWithOneLineEach()
    {
        var errors = new StringWriter();
        var code = ReportCommand.Run(new ReportRequest(Tiny, "odt", "fr", new FileInfo(Path.Combine(Path.GetTempPath(), "x.odt")), null, null, null, "30/06/2026"), new StringWriter(), errors);

        Assert.Equal(ExitCodes.BadInput, code);
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("--format:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("--lang:", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("--data-date:", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ThroughTheCommandLine_MissingOutIsBadInput()
    {
        var parse = CommandCatalog.Root().Parse(["report", Tiny, "--format", "pdf"]);
        Assert.Equal(ExitCodes.BadInput, ParseErrors.Report(parse, new StringWriter()));
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
