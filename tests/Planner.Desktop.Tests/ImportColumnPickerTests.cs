using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Planner.Desktop.Tests;

/// <summary>
/// The import dialog's preview and column picker: a station table whose headers the importer does not know is shown
/// row by row in the page, refused while unmapped (the API cannot find its columns), and stored once its headers are
/// mapped to id, name, lon and lat in the picker (the API's items then hold its rows).
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class ImportColumnPickerTests(DesktopApp app)
{
    [Fact]
    public async Task ColumnPicker_NonStandardHeadersMapped_TableStored()
    {
        var key = "zz-picker-" + Guid.NewGuid().ToString("N")[..8];
        var code = "46" + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        using (var created = await app.Api.PostAsJsonAsync(new Uri("regions", UriKind.Relative), new { key, code, title = "映射测试县" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var page = await app.OpenMapAsync("zh");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#region option')].some(o => o.value === '{key}')");
        await page.Locator("#import-open").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('import-dialog').open && [...document.querySelectorAll('#import-region option')].some(o => o.value === '{key}')");
        await page.Locator("#import-region").SelectOptionAsync(key);
        await page.Locator("#import-layer").SelectOptionAsync("stations");

        var csv = "站号,服务点,东经(度),北纬(度)\nk1,东门街道社工站,117.2300,28.2850\nk2,\"花园社区,服务点\",117.2260,28.2830\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "自定义表头.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#import-preview tr').length === 3");
        Assert.Equal(["站号", "服务点", "东经(度)", "北纬(度)"], await page.Locator("#import-preview th").AllTextContentsAsync());
        Assert.Equal(["k2", "花园社区,服务点", "117.2260", "28.2830"], await page.Locator("#import-preview tr:nth-child(3) td").AllTextContentsAsync());

        // Unmapped, the importer finds no longitude column: refused, nothing stored.
        await page.Locator("#import-store").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-result').dataset.status === '422'");
        Assert.Equal(0, await CountAsync(key));

        foreach (var (field, header) in new[] { ("id", "站号"), ("name", "服务点"), ("lon", "东经(度)"), ("lat", "北纬(度)") })
        {
            await page.Locator($"#import-columns select[data-field='{field}']").SelectOptionAsync(header);
        }

        await page.Locator("#import-store").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('import-result').dataset.status === '200'");
        Assert.Equal(2, await CountAsync(key));
        var items = await app.Api.GetFromJsonAsync<JsonElement>(new Uri($"regions/{key}/collections/stations/items", UriKind.Relative));
        var names = items.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("id").GetString()!, f => f.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("花园社区,服务点", names["k2"]);
        await page.CloseAsync();
    }

    private async Task<int> CountAsync(string key)
    {
        var items = await app.Api.GetFromJsonAsync<JsonElement>(new Uri($"regions/{key}/collections/stations/items", UriKind.Relative));
        return items.GetProperty("numberMatched").GetInt32();
    }
}
