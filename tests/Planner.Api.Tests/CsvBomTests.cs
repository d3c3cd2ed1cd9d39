using System.Text;

namespace Planner.Api.Tests;

/// <summary><c>?f=csv</c> for a caller who prefers Chinese starts with the UTF-8 BOM (Excel on Chinese Windows needs it); English callers get plain UTF-8.</summary>
[Collection(ApiCollection.Name)]
public sealed class CsvBomTests(ApiFixture api)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Csv_Chinese_StartsWithTheBomThenTheSameBytesAsForEnglish()
    {
        using var zh = api.Client("viewer", "tiny");
        zh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        using var en = api.Client("viewer", "tiny");
        en.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var chinese = await zh.GetByteArrayAsync("/regions/tiny/coverage?f=csv");
        var english = await en.GetByteArrayAsync("/regions/tiny/coverage?f=csv");

        Assert.Equal(Bom, chinese[..3]);
        Assert.Equal(english, chinese[3..]);
        Assert.Equal("scope,"u8.ToArray(), english[..6]);
        Assert.Contains("东门街道", new UTF8Encoding(false).GetString(chinese[3..]), StringComparison.Ordinal);
    }
}
