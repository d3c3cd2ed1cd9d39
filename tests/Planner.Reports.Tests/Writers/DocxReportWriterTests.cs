using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Planner.Reports.Writers;

namespace Planner.Reports.Tests.Writers;

[Collection(GuixiCollection.Name)]
public class DocxReportWriterTests(GuixiReport guixi)
{
    [Fact]
    public void Docx_Guixi_VillageRowsCarryTheJsonSharesUnderTheirTownshipHeading()
    {
        var path = Write();
        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var rows = body.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var groups = guixi.Document.Groups.Select(g => g.Key).ToList();
        foreach (var (code, name, shares) in guixi.JsonUnits("village").Concat(guixi.JsonUnits("township")))
        {
            var row = rows.First(r => r.Count > 0 && r[0] == code);
            Assert.Equal(name, row[1]);
            Assert.Equal(groups.Select(g => GuixiReport.Printed(shares[g])), row.Skip(3).Take(groups.Count));
        }

        var heading2 = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText);
        Assert.Equal(guixi.JsonUnits("township").Select(t => t.Name).Order(), heading2.Order());
        var heading1 = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["总体情况", "居民到最近站点出行时间分布", "总体", "乡镇街道", "站点", "服务空白", "标准检查", "数据来源与许可"], heading1);
        Assert.NotNull(doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().SingleOrDefault(s => s.StyleId == "Heading1"));
    }

    [Fact]
    public void Docx_Guixi_EmbedsTheMapTheShareChartAndTheMinutesHistogramAsPng()
    {
        using var doc = WordprocessingDocument.Open(Write(), false);
        var images = doc.MainDocumentPart!.ImageParts.ToList();
        Assert.Equal(3, images.Count);
        var n = 0;
        foreach (var image in images)
        {
            Assert.Equal("image/png", image.ContentType);
            using var s = image.GetStream();
            Assert.True(s.Length > 10_000);
            Assert.Single(doc.MainDocumentPart.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>(), b => b.Embed == doc.MainDocumentPart.GetIdOfPart(image));
            using var file = File.Create(Path.Combine(GuixiReport.OutputDirectory, $"guixi-docx-image{++n}.png"));
            s.CopyTo(file);
        }
    }

    /// <summary>The bar: LibreOffice opens the document (it converts it to PDF, ~4 s), and the shares survive.</summary>
    [Fact]
    public void Docx_Guixi_LibreOfficeConvertsItToPdfWithTheShares()
    {
        var path = Write();
        var outDir = Directory.CreateTempSubdirectory("planner-lo-").FullName;
        var profile = new Uri(Path.Combine(outDir, "profile")).AbsoluteUri;
        Tool.Run("soffice", $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", outDir, path);
        var pdf = Path.Combine(outDir, "guixi.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
        var text = Tool.Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        foreach (var (_, name, shares) in guixi.JsonUnits("township"))
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.Contains(GuixiReport.Printed(shares["total"]), text, StringComparison.Ordinal);
        }

        File.Copy(pdf, Path.Combine(GuixiReport.OutputDirectory, "guixi-docx-libreoffice.pdf"), overwrite: true);
    }

    private string Write()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi.docx");
        using var file = File.Create(path);
        DocxReportWriter.Write(guixi.Document, file);
        return path;
    }
}
