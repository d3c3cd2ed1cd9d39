using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>
/// The "Import data" dialog: a station table chosen in the page is stored through <c>PUT /regions/{r}/layers/stations</c>
/// in a region made for the test with <c>POST /regions</c> (keyed to sort after the app's region, which the page opens
/// first, so other tests still see theirs). A table with bad rows shows each refused row as the API names it and
/// stores nothing; a good one is stored, as the API's own items then show.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class ImportDialogTests(DesktopApp app)
{
    [Fact]
    public async Task ImportDialog_BadThenGoodTable_ShowsTheRefusedRowsThenStores()
    {
        var key = "zz-import-" + Guid.NewGuid().ToString("N")[..8];
        var code = "46" + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        using (var created = await app.Api.PostAsJsonAsync(new Uri("regions", UriKind.Relative), new { key, code, title = "导入测试县" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var page = await app.OpenMapAsync("zh");
        // The new region is listed in the page's region list.
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#region option')].some(o => o.value === '{key}')");
        Assert.Equal("导入数据", await page.Locator("#import-open").TextContentAsync());

        await page.Locator("#import-open").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('import-dialog').open && [...document.querySelectorAll('#import-region option')].some(o => o.value === '{key}')");
        await page.Locator("#import-region").SelectOptionAsync(key);
        await page.Locator("#import-layer").SelectOptionAsync("stations");

        var bad = "编号,名称,经度,纬度,状态\nb1,甲,117.23,28.285,运营中\nb2,乙,117.23,95.5,运营中\nb3,丙,117.24,28.286,拆除中\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "站点.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.Locator("#import-store").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-result').dataset.status === '422'");
        var problems = await page.Locator("#import-problems li").AllTextContentsAsync();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("站点.csv: row 3: 经度: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("站点.csv: row 4: 状态: ", problems[1], StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(key));

        var good = "编号,名称,经度,纬度,级别,状态,社工人数\na1,东门街道社工站,117.2300,28.2850,乡镇(街道),运营中,3\na2,花园社区服务点,117.2260,28.2830,村(社区),规划中,1\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "站点.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.Locator("#import-store").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-result').dataset.status === '200'");
        Assert.Equal("已保存 2 条 (版本 2)", await page.Locator("#import-result").TextContentAsync());
        Assert.Equal(0, await page.Locator("#import-problems li").CountAsync());
        Assert.Equal(2, await CountAsync(key));
        await page.CloseAsync();
    }

    private async Task<int> CountAsync(string key)
    {
        var items = await app.Api.GetFromJsonAsync<JsonElement>(new Uri($"regions/{key}/collections/stations/items", UriKind.Relative));
        return items.GetProperty("numberMatched").GetInt32();
    }
}
