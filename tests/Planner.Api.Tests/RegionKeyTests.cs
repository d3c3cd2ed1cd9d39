using Planner.Core.IO;
using Planner.Core.Regions;
using Planner.Core.Scenarios;
using Planner.Storage;
using Planner.Storage.GeoPackage;

namespace Planner.Api.Tests;

/// <summary>
/// The API over a workspace that <c>planner import data/guixi --into</c> wrote (<see cref="WorkspaceTransfer.ImportAsync"/>,
/// what the command calls): the region is served under the folder's key <c>guixi</c>, and its division code and
/// own name name it too; scenarios written by the CLI and by the API are the same scenarios.
/// </summary>
public sealed class RegionKeyTests(ImportedWorkspaceFixture api) : IClassFixture<ImportedWorkspaceFixture>
{
    [Fact]
    public async Task ImportedRegion_IsServedUnderTheFolderKey_AndItsCodeAndOwnNameNameIt()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var list = await admin.GetFromJsonAsync<JsonElement>("/regions");
        Assert.Equal(["guixi", "guixi-old-town"], list.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("贵溪市", list[0].GetProperty("title").GetString());

        foreach (var alias in new[] { "guixi", "360681" })
        {
            var one = await admin.GetFromJsonAsync<JsonElement>($"/regions/{alias}");
            Assert.Equal(("guixi", "贵溪市", "360681"), (one.GetProperty("name").GetString(), one.GetProperty("title").GetString(), one.GetProperty("code").GetString()));
        }

        // A county key sees one region titled 贵溪市, so the own name names it.
        using var county = api.Client("viewer", "guixi");
        var byName = await county.GetFromJsonAsync<JsonElement>($"/regions/{Uri.EscapeDataString("贵溪市")}");
        Assert.Equal("guixi", byName.GetProperty("name").GetString());
        var coverage = await county.GetFromJsonAsync<JsonElement>("/regions/360681/coverage");
        Assert.Equal("贵溪市", coverage.GetProperty("region").GetString());
        await Problems.AssertProblem(await county.GetAsync("/regions/360602"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OwnNameOfTwoRegions_Is400NamingTheFieldAndTheCandidates()
    {
        using var admin = api.Client(ApiFixture.AdminKey);
        var problem = await Problems.AssertProblem(await admin.GetAsync($"/regions/{Uri.EscapeDataString("贵溪市")}/collections"), HttpStatusCode.BadRequest, "region");
        Assert.Equal(["guixi", "guixi-old-town"], problem.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("ambiguous", problem.GetProperty("detail").GetString());
        await Problems.AssertProblem(await admin.GetAsync("/regions/Guixi"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scenarios_OfTheCliAndOfTheApi_AreOneSetKeyedByRegionAndName()
    {
        await using (var store = new GeoPackageStore(api.WorkspaceFile))
        {
            // What `planner scenario new ws.gpkg cli --base 贵溪市` and `edit --minutes 10` store.
            await store.SaveScenarioAsync(new Scenario("cli", "guixi", [new SetMinutesEdit(10)]), null, CancellationToken.None);
        }

        using var planner = api.Client("planner", "guixi");
        var created = await planner.PostAsJsonAsync("/regions/360681/scenarios", new { name = "api", edits = new[] { new { kind = "set_minutes", minutes = 20 } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/regions/guixi/scenarios/api", created.Headers.Location!.ToString());

        var list = await planner.GetFromJsonAsync<JsonElement>("/regions/guixi/scenarios");
        Assert.Equal(["api", "cli"], list.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var compared = await planner.GetAsync("/regions/guixi/scenario-comparison?a=cli&b=api");
        Assert.True(compared.IsSuccessStatusCode, await compared.Content.ReadAsStringAsync());

        await using var check = new GeoPackageStore(api.WorkspaceFile);
        var stored = await check.GetScenarioAsync(new ScenarioKey(new RegionKey("guixi"), "api"), CancellationToken.None);
        Assert.Equal(new Scenario("api", "guixi", [new SetMinutesEdit(20)]), stored!.Value);
    }
}

/// <summary>
/// A workspace written as <c>planner import data/guixi --into</c> writes it, plus a second region whose own name is
/// also 贵溪市 (code 360602) so that the name is an ambiguous alias for a key that sees both. Keys: the county
/// (360681) and a prefix over both (3606).
/// </summary>
public sealed class ImportedWorkspaceFixture : ApiFixture
{
    /// <inheritdoc />
    protected override IReadOnlyList<(string County, string Scope)> Counties => [("guixi", "360681"), ("both", "3606")];

    /// <inheritdoc />
    protected override async Task WriteRegionsAsync()
    {
        var folder = Path.Combine(DataPath, "guixi");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "guixi"), folder);
        await using var store = new GeoPackageStore(WorkspaceFile);
        var import = await WorkspaceTransfer.ImportAsync(folder, store, CancellationToken.None);
        Assert.Equal("guixi", import.Key);
        var region = import.Load.Region!;
        await store.SaveRegionAsync("guixi-old-town", region with { Info = region.Info with { Code = "360602" } }, null, CancellationToken.None);
    }
}
