using System.Net.Http.Headers;
using System.Text;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Api.Tests;

/// <summary>
/// <c>PUT /regions/{r}/layers/demand</c>: a population table per unit (a GBK CSV made by iconv, an .xlsx written by
/// OpenXml) joined to the uploaded units by code or name. The expected people per unit are the table's own figures,
/// summed here over the served demand points of each unit and its sub-units.
/// </summary>
public sealed class RegionDemandUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string TinyUnits => Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny", "units.geojson");

    /// <summary>Each unit's own code and its sub-units' (the tiny fixture: 花园社区 lies in 东门街道).</summary>
    private static readonly Dictionary<string, string[]> Subtrees = new()
    {
        ["360681001"] = ["360681001", "360681001001"],
        ["360681002"] = ["360681002"],
    };

    [Fact]
    public async Task UploadDemand_GbkCsvByCodeThenXlsxByName_GroupsPerUnitAsInTables()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await RegionWithUnitsAsync(admin);
        var folder = TestFiles.TempFolder();
        var utf8 = Path.Combine(folder, "村人口-utf8.csv");
        File.WriteAllText(utf8, "区划代码,单位,常住人口,60岁及以上\n360681001000,东门街道,1234,310\n360681002000,雄石街道,567,98\n", new UTF8Encoding(false));
        var gbk = Path.Combine(folder, "村人口.csv");
        TestFiles.Iconv(utf8, gbk, "GBK");
        var first = await Ok(await UploadAsync(admin, key, gbk, "text/csv", "\"2\"", "by=code&columns=" + Uri.EscapeDataString("code=区划代码,total=常住人口,elderly=60岁及以上")));
        Assert.Equal(2, first.GetProperty("count").GetInt32());

        var demand = await DemandAsync(admin, key);
        Assert.Equal((1234.0, 310.0), (Sum(demand, "360681001", "total"), Sum(demand, "360681001", "elderly")));
        Assert.Equal((567.0, 98.0), (Sum(demand, "360681002", "total"), Sum(demand, "360681002", "elderly")));

        // A second table by name replaces elderly only and adds children; total stays as the first table gave it.
        var xlsx = Path.Combine(folder, "老人儿童.xlsx");
        TestFiles.WriteXlsx(xlsx, ["名称", "老年人", "0-14岁"], [["东门街道", "400", "150"], ["雄石街道", "120", "90"]]);
        var second = await Ok(await UploadAsync(admin, key, xlsx, XlsxType, "\"3\"", "by=name&columns=" + Uri.EscapeDataString("name=名称,elderly=老年人,children=0-14岁")));
        Assert.Equal(2, second.GetProperty("count").GetInt32());

        demand = await DemandAsync(admin, key);
        Assert.Equal((1234.0, 400.0, 150.0), (Sum(demand, "360681001", "total"), Sum(demand, "360681001", "elderly"), Sum(demand, "360681001", "children")));
        Assert.Equal((567.0, 120.0, 90.0), (Sum(demand, "360681002", "total"), Sum(demand, "360681002", "elderly"), Sum(demand, "360681002", "children")));
    }

    [Fact]
    public async Task UploadDemand_RowNamingNoUnit_422WithNearestNameAndNothingStored()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await RegionWithUnitsAsync(admin);
        var folder = TestFiles.TempFolder();
        var good = Path.Combine(folder, "good.csv");
        File.WriteAllText(good, "名称,常住人口\n东门街道,1000\n雄石街道,500\n");
        await Ok(await UploadAsync(admin, key, good, "text/csv", "\"2\"", "by=name"));
        var before = (await admin.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/demand/items")).GetProperty("features").GetRawText();

        var bad = Path.Combine(folder, "bad.csv");
        File.WriteAllText(bad, "名称,常住人口\n东门街,2000\n雄石街道,700\n");
        var response = await UploadAsync(admin, key, bad, "text/csv", "\"3\"", "by=name");
        var problem = await Problems.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "名称");
        var p = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal(("bad.csv", "row 2", "名称"), (p.GetProperty("file").GetString(), p.GetProperty("feature").GetString(), p.GetProperty("field").GetString()));
        Assert.Contains("nearest: 东门街道 (360681001)", p.GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/demand/items")).GetProperty("features").GetRawText());
        Assert.Equal("\"3\"", (await admin.GetAsync($"/regions/{key}")).Headers.ETag?.Tag);
    }

    [Fact]
    public async Task UploadDemand_StaleIfMatchOrBadBy_Refused()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var key = await RegionWithUnitsAsync(admin);
        var csv = Path.Combine(TestFiles.TempFolder(), "p.csv");
        File.WriteAllText(csv, "名称,常住人口\n东门街道,1000\n");
        await Problems.AssertProblem(await UploadAsync(admin, key, csv, "text/csv", null, "by=name"), HttpStatusCode.PreconditionRequired, "If-Match");
        await Problems.AssertProblem(await UploadAsync(admin, key, csv, "text/csv", "\"1\"", "by=name"), HttpStatusCode.PreconditionFailed, "If-Match");
        await Problems.AssertProblem(await UploadAsync(admin, key, csv, "text/csv", "\"2\"", "by=street"), HttpStatusCode.UnprocessableEntity, "by");
    }

    private static double Sum(List<JsonElement> demand, string unit, string group) =>
        demand.Where(p => Subtrees[unit].Contains(p.GetProperty("unit_code").GetString())).Sum(p => p.GetProperty(group).GetDouble());

    private static async Task<List<JsonElement>> DemandAsync(HttpClient client, string key) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/regions/{key}/collections/demand/items?limit=1000")).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))];

    /// <summary>A new region (ETag "1") with the tiny fixture's units uploaded (ETag "2").</summary>
    private static async Task<string> RegionWithUnitsAsync(HttpClient admin)
    {
        var key = "byo-" + Guid.NewGuid().ToString("N")[..10];
        var code = "360681" + ((Guid.NewGuid().GetHashCode() & 0x7fffffff) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/regions", new { key, code, title = "人口上传" })).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/regions/{key}/layers/units?codeField=code&nameField=name&levelField=level")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(TinyUnits)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Ok(await admin.SendAsync(request));
        return key;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string key, string path, string mediaType, string? ifMatch, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/regions/{key}/layers/demand?{query}")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(path)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = Path.GetFileName(path) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
