using System.Net;
using Planner.Reports.Writers;

namespace Planner.Reports.Tests.Writers;

[Collection(GuixiCollection.Name)]
public class HtmlReportWriterTests(GuixiReport guixi)
{
    /// <summary>The same model, the same cells: every village row of the page equals the JSON report's shares.</summary>
    [Fact]
    public void Html_Guixi_VillageRowsCarryTheJsonSharesAndAnInlineSvgChart()
    {
        var html = HtmlReportWriter.Render(guixi.Document);
        File.WriteAllText(Path.Combine(GuixiReport.OutputDirectory, "guixi.html"), html);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var groups = guixi.Document.Groups.Select(g => g.Key).ToList();
        foreach (var (code, name, shares) in guixi.JsonUnits("village"))
        {
            var row = $"<tr><td>{code}</td><td>{WebUtility.HtmlEncode(name)}</td>";
            var at = html.IndexOf(row, StringComparison.Ordinal);
            Assert.True(at >= 0, $"no row for {code} {name}");
            var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
            var cells = html[at..end];
            Assert.All(groups, g => Assert.Contains($"<td>{GuixiReport.Printed(shares[g])}</td>", cells, StringComparison.Ordinal));
        }
    }
}
