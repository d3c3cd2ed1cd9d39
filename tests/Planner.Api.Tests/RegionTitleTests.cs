using Planner.Core.Coverage;
using Planner.Core.IO;

namespace Planner.Api.Tests;

/// <summary>
/// Regions keep their own names: URLs say <c>guixi</c>, what officials read says 贵溪市, and the coverage JSON is
/// the one <c>planner coverage data/guixi</c> writes. The workspace was written by the old seed (see
/// <see cref="GuixiApiFixture"/>), so these also check that it still opens, serves and gets its name back.
/// </summary>
[Collection(GuixiCollection.Name)]
public sealed class RegionTitleTests(GuixiApiFixture api)
{
    [Fact]
    public async Task Listing_ShowsTheRegionsName_BesideItsUrlName()
    {
        using var client = api.Client(ApiFixture.AdminKey);
        var list = await client.GetFromJsonAsync<JsonElement>("/regions");
        var guixi = Assert.Single(list.EnumerateArray());
        Assert.Equal("guixi", guixi.GetProperty("name").GetString());
        Assert.Equal("贵溪市", guixi.GetProperty("title").GetString());
        Assert.Equal("360681", guixi.GetProperty("code").GetString());
        Assert.EndsWith("/regions/guixi/collections", guixi.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.False(guixi.TryGetProperty("units", out _), "a key over the whole region sees no unit list");

        var one = await client.GetFromJsonAsync<JsonElement>("/regions/guixi");
        Assert.Equal("贵溪市", one.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task HtmlReport_IsTitledWithTheRegionsName(string language)
    {
        using var client = api.Client("viewer", "guixi");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var html = await client.GetStringAsync("/regions/guixi/coverage?f=html");
        var title = System.Text.RegularExpressions.Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value;
        Assert.StartsWith("贵溪市", title);
        Assert.Contains(language == "en" ? " coverage report" : "服务覆盖报告", title);
        Assert.Contains($"<h1>{title}</h1>", html);
    }

    [Fact]
    public async Task CoverageJson_IsWhatTheCliWritesForTheFolder()
    {
        using var client = api.Client("viewer", "guixi");
        var json = await client.GetStringAsync("/regions/guixi/coverage");
        var folder = RegionFolderReader.Read(api.SampleFolder).Region!;
        Assert.Equal(CoverageWriters.ToJson(CoverageCalculator.Compute(folder, Planner.Core.Circles.CircleChoice.Resolve(new CoverageOptions(), Planner.Core.Circles.LifeCircleCatalog.Builtin(), [], adHoc: false, noCap: false).Runs[0])), json);
        Assert.Equal("贵溪市", JsonDocument.Parse(json).RootElement.GetProperty("region").GetString());
    }

    [Fact]
    public async Task OldSeedWorkspace_IsRenamedOnce_InTheStore()
    {
        using var client = api.Client("viewer", "guixi");
        await client.GetAsync("/regions/guixi");
        await using var store = new Planner.Storage.GeoPackage.GeoPackageStore(api.WorkspaceFile);
        var stored = await store.GetRegionAsync("guixi", CancellationToken.None);
        Assert.Equal("贵溪市", stored!.Value.Info.Name);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["guixi"], (await store.ListRegionsAsync(CancellationToken.None)).Select(v => v.Name));
        Assert.Single(api.Logs, l => l.Contains("is named 贵溪市 again", StringComparison.Ordinal));
    }
}
