using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>The Export menu's report download: choose a format, the browser downloads the file through a signed link, and its content is the API's figures.</summary>
[Collection(DesktopCollection.Name)]
public sealed class ReportExportTests(DesktopApp app)
{
    [Fact]
    public async Task ExportMenu_ReportAsPdf_DownloadsAChinesePdfWithTheRegionsShares()
    {
        var page = await app.OpenMapAsync("zh");
        var download = await DownloadAsync(page, "pdf");
        // The API's Content-Disposition names the file ({region}-coverage.pdf); the browser takes it over the link's own
        // name, and replaces the characters a file name cannot hold (the synthetic region's name has < and >).
        Assert.EndsWith("-coverage.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(DesktopApp.ArtifactFolder, "export-report.pdf");
        await download.SaveAsAsync(path);

        var text = PdfText(path);
        Assert.Contains("社工站服务覆盖报告", text, StringComparison.Ordinal);
        var report = await app.GetJsonAsync($"regions/{app.RegionName}/coverage");
        foreach (var group in report["groups"]!.AsObject())
        {
            var share = (group.Value!["share"]!.GetValue<double>() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            Assert.Contains(share, text, StringComparison.Ordinal);
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task ExportMenu_ReportAsHtml_DownloadsThePageInEnglishWithTheTotalRow()
    {
        var page = await app.OpenMapAsync("en");
        var download = await DownloadAsync(page, "html");
        Assert.EndsWith("-report.html", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(DesktopApp.ArtifactFolder, "export-report-download.html");
        await download.SaveAsAsync(path);
        var html = await File.ReadAllTextAsync(path);

        Assert.Contains($"<h1>{System.Net.WebUtility.HtmlEncode(app.Region.Info.Name)} social-work station coverage report</h1>", html, StringComparison.Ordinal);
        var total = (await app.GetJsonAsync($"regions/{app.RegionName}/coverage"))["groups"]!["total"]!;
        string people = total["population"]!.GetValue<double>().ToString("#,0", CultureInfo.InvariantCulture);
        string covered = total["covered"]!.GetValue<double>().ToString("#,0", CultureInfo.InvariantCulture);
        string share = (total["share"]!.GetValue<double>() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Contains($"<tr><td>total</td><td>{people}</td><td>{covered}</td><td>{share}</td>", html, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    private static async Task<IDownload> DownloadAsync(IPage page, string format)
    {
        await page.Locator("#export-menu summary").ClickAsync();
        await page.Locator("#report-format").SelectOptionAsync(format);
        return await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-download").ClickAsync());
    }

    private static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-layout", "-enc", "UTF-8", path, "-" })
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
