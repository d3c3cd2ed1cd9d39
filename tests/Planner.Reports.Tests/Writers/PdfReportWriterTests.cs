using Planner.Reports.Writers;

namespace Planner.Reports.Tests.Writers;

[Collection(GuixiCollection.Name)]
public class PdfReportWriterTests(GuixiReport guixi)
{
    [Fact]
    public void Pdf_Guixi_TextHasChineseTownshipNamesAndTheJsonShares()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi.pdf");
        using (var file = File.Create(path))
        {
            PdfReportWriter.Write(guixi.Document, file);
        }

        var text = Tool.Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
        var townships = guixi.JsonUnits("township");
        Assert.Equal(3, townships.Count);
        foreach (var (_, name, shares) in townships)
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
            foreach (var share in shares.Values)
            {
                Assert.Contains(GuixiReport.Printed(share), text, StringComparison.Ordinal);
            }
        }

        foreach (var (_, name, _) in guixi.JsonUnits("village"))
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        foreach (var share in guixi.JsonShares().Values)
        {
            Assert.Contains(GuixiReport.Printed(share), text, StringComparison.Ordinal);
        }

        Assert.Contains("总体情况", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_English_HasEnglishHeadingsAndStillTheChineseNames()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi-en.pdf");
        using (var file = File.Create(path))
        {
            PdfReportWriter.Write(guixi.Build(Planner.Reports.Model.ReportLanguage.English), file);
        }

        var text = Tool.Run("pdftotext", "-enc", "UTF-8", path, "-");
        foreach (var heading in new[] { "Summary", "Townships", "Stations", "Gaps", "Standards", "Covered share (%)" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("花园街道", text, StringComparison.Ordinal);
        Assert.DoesNotContain("总体情况", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Guixi_FirstPagesRenderToPngForAPersonToLookAt()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi-pages.pdf");
        using (var file = File.Create(path))
        {
            PdfReportWriter.Write(guixi.Document, file);
        }

        var prefix = Path.Combine(GuixiReport.OutputDirectory, "guixi-page");
        Tool.Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", path, prefix);
        var first = Directory.GetFiles(GuixiReport.OutputDirectory, "guixi-page-*1.png").Single();
        var png = File.ReadAllBytes(first);
        Assert.True(png.Length > 10_000, $"{first} is {png.Length} bytes: the page looks empty");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
    }
}
