using System.Net.Http.Headers;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Api.Tests;

/// <summary>
/// <c>POST /regions/{r}/layers/{layer}/preview</c>: the header and first rows of an .xlsx (written by OpenXml) as the
/// upload would read them, for the desktop's column picker; nothing is stored (the region's ETag stays).
/// </summary>
public sealed class RegionTablePreviewTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Preview_XlsxThenBoundaryLayer_FirstTenRowsThenNotFound()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = "byo-" + Guid.NewGuid().ToString("N")[..10];
        var code = "360681" + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/regions", new { key, code, title = "预览" })).StatusCode);
        var xlsx = Path.Combine(TestFiles.TempFolder(), "人口.xlsx");
        var rows = Enumerable.Range(1, 12).Select(i => (IReadOnlyList<string>)[$"村{i}", (i * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        TestFiles.WriteXlsx(xlsx, ["村名", "人数"], rows);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/regions/{key}/layers/demand/preview") { Content = new ByteArrayContent(await File.ReadAllBytesAsync(xlsx)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        request.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "人口.xlsx" };
        var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["村名", "人数"], body.GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(12, body.GetProperty("rowCount").GetInt32());
        var served = body.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
        Assert.Equal(rows.Take(10).Select(r => r.ToList()), served);
        Assert.Equal("\"1\"", (await admin.GetAsync($"/regions/{key}")).Headers.ETag?.Tag);

        // Boundary files have no rows to pick columns in.
        using var units = new HttpRequestMessage(HttpMethod.Post, $"/regions/{key}/layers/units/preview") { Content = new StringContent("a,b\n1,2\n") };
        units.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await Problems.AssertProblem(await admin.SendAsync(units), HttpStatusCode.NotFound);
    }
}
