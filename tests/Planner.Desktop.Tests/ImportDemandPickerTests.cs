using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Desktop.Tests;

/// <summary>
/// The import dialog with a population table: an .xlsx (written by OpenXml) is previewed through the server, its
/// non-standard headers are mapped to the join code and two groups in the picker, and the people the API then serves
/// per unit are the table's.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class ImportDemandPickerTests(DesktopApp app)
{
    private const string Units = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"360681001","name":"东门街道"},"geometry":{"type":"Polygon","coordinates":[[[117.22,28.28],[117.235,28.28],[117.235,28.30],[117.22,28.30],[117.22,28.28]]]}},
        {"type":"Feature","properties":{"code":"360681002","name":"雄石街道"},"geometry":{"type":"Polygon","coordinates":[[[117.235,28.28],[117.25,28.28],[117.25,28.30],[117.235,28.30],[117.235,28.28]]]}}]}
        """;

    [Fact]
    public async Task DemandPicker_XlsxWithOwnHeaders_PeoplePerUnitAsInTable()
    {
        var key = "zz-demand-" + Guid.NewGuid().ToString("N")[..8];
        var code = "46" + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        using (var created = await app.Api.PostAsJsonAsync(new Uri("regions", UriKind.Relative), new { key, code, title = "人口测试县" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri($"regions/{key}/layers/units?codeField=code&nameField=name&level=township", UriKind.Relative)))
        {
            put.Content = new StringContent(Units, Encoding.UTF8, "application/geo+json");
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var stored = await app.Api.SendAsync(put);
            Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        }

        var xlsx = Path.Combine(TestFiles.TempFolder(), "乡镇人口.xlsx");
        TestFiles.WriteXlsx(xlsx, ["乡镇代码", "人数合计", "老人"], [["360681001000", "2345", "456"], ["360681002000", "789", "123"]]);

        var page = await app.OpenMapAsync("zh");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#region option')].some(o => o.value === '{key}')");
        await page.Locator("#import-open").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('import-dialog').open && [...document.querySelectorAll('#import-region option')].some(o => o.value === '{key}')");
        await page.Locator("#import-region").SelectOptionAsync(key);
        await page.Locator("#import-layer").SelectOptionAsync("demand");
        await page.Locator("#import-by").SelectOptionAsync("code");
        await page.Locator("#import-file").SetInputFilesAsync(xlsx);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#import-preview tr').length === 3");
        Assert.Equal(["乡镇代码", "人数合计", "老人"], await page.Locator("#import-preview th").AllTextContentsAsync());

        foreach (var (field, header) in new[] { ("code", "乡镇代码"), ("total", "人数合计"), ("elderly", "老人") })
        {
            await page.Locator($"#import-columns select[data-field='{field}']").SelectOptionAsync(header);
        }

        await page.Locator("#import-store").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-result').dataset.status === '200'");
        var items = await app.Api.GetFromJsonAsync<JsonElement>(new Uri($"regions/{key}/collections/demand/items?limit=1000", UriKind.Relative));
        var points = items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        double Sum(string unit, string group) => points.Where(p => p.GetProperty("unit_code").GetString() == unit).Sum(p => p.GetProperty(group).GetDouble());
        Assert.Equal((2345.0, 456.0), (Sum("360681001", "total"), Sum("360681001", "elderly")));
        Assert.Equal((789.0, 123.0), (Sum("360681002", "total"), Sum("360681002", "elderly")));
        await page.CloseAsync();
    }
}
