using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>
/// The print layout in real Chromium, printed to PDF by the browser (print media, the page size the layout
/// asks for) and read back with poppler (<c>pdfinfo</c>, <c>pdftotext</c>): paper size, title, legend, north
/// arrow, sources, and a scale bar whose length agrees with the view's resolution worked out here.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class PrintLayoutTests(DesktopApp app, ITestOutputHelper output)
{
    private const double R = 6378137;

    [Theory]
    [InlineData("A4", 297, 210)]
    [InlineData("A3", 420, 297)]
    public async Task Print_ToPdf_HasThePaperTitleLegendNorthArrowAndScaleBar(string paper, double widthMm, double heightMm)
    {
        var page = await app.OpenMapAsync();
        const string title = "Coverage plan 2027 <b>draft</b>";
        var laid = await page.EvaluateAsync<JsonElement>("([paper, title]) => window.__planner.preparePrint({ paper, title })", new object[] { paper, title });

        var pdf = Path.Combine(DesktopApp.ArtifactFolder, $"print-{paper}.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        var info = Run("pdfinfo", pdf);
        // Landscape ISO paper in points (1 pt = 25.4/72 mm), within the pixel Chromium rounds the page to, and poppler names it.
        var size = info.Split('\n').Single(l => l.StartsWith("Page size:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(widthMm * 72 / 25.4, double.Parse(size[2], CultureInfo.InvariantCulture), 0);
        Assert.Equal(heightMm * 72 / 25.4, double.Parse(size[4], CultureInfo.InvariantCulture), 0);
        Assert.Contains($"({paper})", info, StringComparison.Ordinal);
        Assert.Matches(@"Pages:\s+1\s", info);
        var text = Run("pdftotext", "-layout", pdf, "-");
        Assert.Contains(title, text, StringComparison.Ordinal);
        foreach (var legend in new[] { "Legend", "operating", "planned", "Service circles", "Gaps", "N", "Data:" })
        {
            Assert.Contains(legend, text, StringComparison.Ordinal);
        }

        // The bar's ground length over its share of the image is the view's ground width: resolution × cos(latitude) × pixels.
        var view = await page.EvaluateAsync<JsonElement>("() => window.__planner.view");
        double resolution = (view.GetProperty("extent")[2].GetDouble() - view.GetProperty("extent")[0].GetDouble()) / laid.GetProperty("mapWidthPx").GetDouble();
        double lat = (2 * Math.Atan(Math.Exp(view.GetProperty("centre")[1].GetDouble() / R)) - (Math.PI / 2));
        double groundWidth = resolution * Math.Cos(lat) * laid.GetProperty("mapWidthPx").GetDouble();
        double metres = laid.GetProperty("scaleMetres").GetDouble();
        Assert.Equal(metres / groundWidth, laid.GetProperty("scaleFraction").GetDouble(), 3);
        Assert.InRange(laid.GetProperty("scaleFraction").GetDouble(), 0.1, 0.26);
        var label = metres >= 1000 ? $"{(metres / 1000).ToString(CultureInfo.InvariantCulture)} km" : $"{metres.ToString(CultureInfo.InvariantCulture)} m";
        Assert.Contains(label, text, StringComparison.Ordinal);
        output.WriteLine($"{paper}: scale bar {label} = {laid.GetProperty("scaleFraction").GetDouble():P1} of the map; {pdf}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Print_ToPng_HasTheSheetsProportions()
    {
        var page = await app.OpenMapAsync();
        var sheet = await page.EvaluateAsync<JsonElement>("() => window.__planner.printPng({ paper: 'A4', title: 'PNG sheet' })");
        var url = sheet.GetProperty("dataUrl").GetString()!;
        var bytes = Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        var file = Path.Combine(DesktopApp.ArtifactFolder, "print-A4.png");
        await File.WriteAllBytesAsync(file, bytes);

        // PNG header: width and height, big-endian, at bytes 16 and 20.
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.Equal((297 * 6, 210 * 6), (width, height));
        await page.CloseAsync();
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} exited {p.ExitCode}: {stderr}");
        return stdout.Result;
    }
}
