using System.Net;
using System.Text.RegularExpressions;

namespace Planner.Api.Tests;

/// <summary><c>GET .../scenarios/{name}/report?compare=true</c> against the tiny region's hand-worked figures (see <see cref="ScenarioRunsTests"/>).</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ScenarioReportTests(ApiFixture api)
{
    private static readonly object AddAtD3 = new { kind = "add_station", id = "n1", name = "新站", lon = 117.2352, lat = 28.296, level = "village_point", status = "operating", social_workers = 1 };

    [Fact]
    public async Task Report_ScenarioCompared_ShowsTheHandWorkedSharesAndTheAddedStation()
    {
        var name = await CreateAsync();
        using var viewer = api.Client("viewer", "tiny");
        viewer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await viewer.GetAsync($"/regions/tiny/scenarios/{name}/report?f=html&compare=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsStringAsync());

        // Base: 200 of 250 people, 10 of 35 elderly; with n1 on d3 (50 people, 5 elderly): all 250 and 15 of 35.
        Assert.Contains(["方案", name], rows);
        Assert.Contains(["全体", "80.0%", "100.0%", "+20.0"], rows);
        Assert.Contains(["老年人", "28.6%", "42.9%", "+14.3"], rows);

        // 东门街道 holds d1 (120) and d3 (50): 120 of 170 before, all after.
        Assert.Contains(rows, r => r.Length > 4 && r[0] == "360681001" && r[2] == "70.6%" && r[3] == "100.0%" && r[4] == "+29.4");
        Assert.Contains(["n1", "新站", "新增", "–"], rows);
    }

    [Fact]
    public async Task Report_Scenario_AsWordWithAFileName_WithoutComparison()
    {
        var name = await CreateAsync();
        using var viewer = api.Client("viewer", "tiny");
        var response = await viewer.GetAsync($"/regions/tiny/scenarios/{name}/report?f=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"-{name}.docx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var html = await (await viewer.GetAsync($"/regions/tiny/scenarios/{name}/report?f=html")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("方案对比", html, StringComparison.Ordinal);
        Assert.Contains(["全体", "250", "250", "100.0%", "0"], Rows(html));
    }

    [Fact]
    public async Task Report_BadInput_NamesTheParameter()
    {
        var name = await CreateAsync();
        using var viewer = api.Client("viewer", "tiny");
        await Problems.AssertProblem(await viewer.GetAsync($"/regions/tiny/scenarios/{name}/report?f=odt"), HttpStatusCode.BadRequest, "f");
        await Problems.AssertProblem(await viewer.GetAsync($"/regions/tiny/scenarios/{name}/report?compare=maybe"), HttpStatusCode.BadRequest, "compare");
        await Problems.AssertProblem(await viewer.GetAsync("/regions/tiny/scenarios/nope/report"), HttpStatusCode.NotFound, "name");
    }

    private async Task<string> CreateAsync()
    {
        using var planner = api.Client("planner", "tiny");
        var name = "rep-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await planner.PostAsJsonAsync("/regions/tiny/scenarios", new { name, edits = new[] { AddAtD3 } })).StatusCode);
        return name;
    }

    private static List<string[]> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => CellPattern().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray())];

    [GeneratedRegex("<tr>.*?</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>")]
    private static partial Regex CellPattern();
}
