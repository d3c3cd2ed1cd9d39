using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.IO;
using Planner.Core.Scenarios;
using Xunit;

namespace Planner.Storage.Tests;

/// <summary>
/// The contract every workspace store passes: lossless round trip, versions and conflicts, atomic writes
/// (cancelled and killed mid-write), scenarios and results. Subclasses supply a fresh, empty workspace per
/// test and remove it afterwards.
/// </summary>
public abstract class WorkspaceStoreContract : IAsyncLifetime
{
    private readonly List<string> folders = [];

    /// <summary>What <see cref="StoreFactory.Open"/> takes to open this test's workspace.</summary>
    protected abstract string Target { get; }

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync()
    {
        folders.ForEach(Folders.Delete);
        return Task.CompletedTask;
    }

    [StoreFact]
    public async Task RoundTrip_RegionFolderThroughStore_WritesIdenticalBytes()
    {
        var original = Track(Folders.Write(TestRegions.Guixi()));
        await using (var store = StoreFactory.Open(Target))
        {
            var import = await WorkspaceTransfer.ImportAsync(original, store, default);
            Assert.Empty(import.Load.Problems);
            Assert.Equal(1, import.Version);
        }

        var exported = Track(Folders.NewTemp());
        await using (var reopened = StoreFactory.Open(Target))
        {
            Assert.Equal(1, (await WorkspaceTransfer.ExportAsync(reopened, Path.GetFileName(original), exported, default)).Version);
        }

        Folders.AssertIdentical(original, exported);
    }

    [StoreFact]
    public async Task SaveRegion_WithItsOwnDefaultCircle_ReadsItBack()
    {
        var region = TestRegions.Guixi();
        region = region with { Info = region.Info with { DefaultCircle = "custom" } };
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(region, null, default);

        Assert.Equal("custom", (await store.GetRegionAsync(region.Info.Name, default))!.Value.Info.DefaultCircle);
    }

    [StoreFact]
    public async Task Export_OverFolderWithLayersTheRegionLacks_RemovesThemSoTheFolderIsTheStoredRegion()
    {
        var full = TestRegions.Guixi();
        var lean = full with { Teams = [], Candidates = [] };
        var expected = Track(Folders.Write(lean));
        var target = Track(Folders.Write(full));
        Assert.True(File.Exists(Path.Combine(target, RegionFiles.Teams)));
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(lean, null, default);

        var export = await WorkspaceTransfer.ExportAsync(store, lean.Info.Name, target, default);

        Assert.Equal(1, export.Version);
        Assert.Equal(new[] { RegionFiles.Candidates, RegionFiles.Teams }.Order(), export.RemovedFiles.Order());
        Folders.AssertIdentical(expected, target);
    }

    [StoreFact]
    public async Task RoundTrip_PublicBuildings_KeptExactlyInOrderWithMissingSource()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region, null, default);
        }

        await using var reopened = StoreFactory.Open(Target);
        var stored = await reopened.GetRegionAsync(region.Info.Name, default);
        Assert.Equal(region.PublicBuildings.ToArray(), stored!.Value.PublicBuildings.ToArray());
        Assert.Null(stored.Value.PublicBuildings[2].Source);
    }

    [StoreFact]
    public async Task RoundTrip_ShippedSampleRegions_WriteIdenticalBytes()
    {
        var data = FindDataFolder();
        var samples = data is null ? [] : Directory.GetDirectories(data).Where(d => File.Exists(Path.Combine(d, RegionFiles.Info))).ToList();
        await using var store = StoreFactory.Open(Target);
        foreach (var sample in samples)
        {
            var load = RegionFolderReader.Read(sample);
            Assert.NotNull(load.Region);
            Assert.True(Path.GetFileName(sample) != "guixi" || load.Region.PublicBuildings.Length == 6, "data/guixi has its six public buildings");

            // Normalise through the writer first: the shipped files need not be in the writer's exact format.
            var expected = Track(Folders.Write(load.Region));
            var import = await WorkspaceTransfer.ImportAsync(expected, store, default);
            var actual = Track(Folders.NewTemp());
            await WorkspaceTransfer.ExportAsync(store, import.Key, actual, default);
            Folders.AssertIdentical(expected, actual);
        }
    }

    [StoreFact]
    public async Task Save_NewThenChanged_VersionsCountUpAndAreListed()
    {
        await using var store = StoreFactory.Open(Target);
        var region = TestRegions.Guixi();
        Assert.Equal(1, await store.SaveRegionAsync(region, null, default));
        Assert.Equal(2, await store.SaveRegionAsync(region with { Stations = region.Stations.RemoveAt(0) }, 1, default));
        await store.SaveRegionAsync(TestRegions.Guixi("另一个区域"), null, default);

        var list = await store.ListRegionsAsync(default);
        Assert.Equal([new StoredVersion("另一个区域", 1), new StoredVersion("贵溪测试", 2)], list.OrderBy(r => r.Name, StringComparer.Ordinal));
        var stored = await store.GetRegionAsync("贵溪测试", default);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(region.Stations.Length - 1, stored.Value.Stations.Length);
        Assert.Null(await store.GetRegionAsync("没有", default));
    }

    [StoreFact]
    public async Task Save_UnderAKeyOtherThanItsName_KeepsTheNameAndRoundTrips()
    {
        var region = TestRegions.Guixi();
        var before = Track(Folders.Write(region));
        await using var store = StoreFactory.Open(Target);
        Assert.Equal(1, await store.SaveRegionAsync("guixi", region, null, default));
        await store.SaveRegionAsync(TestRegions.Guixi("另一个区域"), null, default);

        Assert.Equal([new StoredVersion("guixi", 1), new StoredVersion("另一个区域", 1)], (await store.ListRegionsAsync(default)).OrderBy(v => v.Name, StringComparer.Ordinal));
        Assert.Null(await store.GetRegionAsync("贵溪测试", default));
        var stored = (await store.GetRegionAsync("guixi", default))!;
        Assert.Equal("贵溪测试", stored.Value.Info.Name);
        Assert.Equal(TestRegions.Guixi("另一个区域").Demand.Length, (await store.GetRegionAsync("另一个区域", default))!.Value.Demand.Length);

        var after = Track(Folders.NewTemp());
        Assert.Equal(1, (await WorkspaceTransfer.ExportAsync(store, "guixi", after, default)).Version);
        Folders.AssertIdentical(before, after);

        // Saves and deletes go by the key; a create under a key in use is a conflict.
        Assert.Equal(2, await store.SaveRegionAsync("guixi", region with { Stations = region.Stations.RemoveAt(0) }, 1, default));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveRegionAsync("guixi", region, null, default));
        Assert.Equal(region.Stations.Length - 1, (await store.GetRegionAsync("guixi", default))!.Value.Stations.Length);
        await store.DeleteRegionAsync("guixi", 2, default);
        Assert.Equal(["另一个区域"], (await store.ListRegionsAsync(default)).Select(v => v.Name));
    }

    [StoreFact]
    public async Task Save_TwoSavesFromSameVersion_SecondIsRefusedAndFirstKept()
    {
        await using var store = StoreFactory.Open(Target);
        var region = TestRegions.Guixi();
        await store.SaveRegionAsync(region, null, default);

        var first = region with { Stations = [region.Stations[0]] };
        var second = region with { Stations = [region.Stations[1], region.Stations[2]] };
        Assert.Equal(2, await store.SaveRegionAsync(first, 1, default));
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveRegionAsync(second, 1, default));
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion!.Value, conflict.ActualVersion!.Value));
        Assert.Contains("贵溪测试", conflict.Message);

        var stored = (await store.GetRegionAsync("贵溪测试", default))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["S-county"], stored.Value.Stations.Select(s => s.Id));
    }

    [StoreFact]
    public async Task Save_CreateWhenAlreadyStored_IsAConflict()
    {
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        var e = await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveRegionAsync(TestRegions.Guixi(), null, default));
        Assert.Equal(1, e.ActualVersion);
        await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveRegionAsync(TestRegions.Guixi("新区域"), 1, default));
    }

    [StoreFact]
    public async Task Save_ConcurrentFromSameVersion_ExactlyOneWins()
    {
        await using (var setup = StoreFactory.Open(Target))
        {
            await setup.SaveRegionAsync(TestRegions.Guixi(), null, default);
        }

        await using var a = StoreFactory.Open(Target);
        await using var b = StoreFactory.Open(Target);
        var region = TestRegions.Large("贵溪测试", 20_000);
        var outcomes = await Task.WhenAll(Attempt(a, region), Attempt(b, region with { Stations = [] }));
        Assert.Equal(1, outcomes.Count(o => o == "saved"));
        Assert.Equal(1, outcomes.Count(o => o == "conflict"));
        Assert.Equal(2, (await a.GetRegionAsync("贵溪测试", default))!.Version);

        static async Task<string> Attempt(IWorkspaceStore store, Core.Model.Region region)
        {
            try
            {
                await store.SaveRegionAsync(region, 1, default);
                return "saved";
            }
            catch (VersionConflictException)
            {
                return "conflict";
            }
        }
    }

    [StoreFact]
    public async Task Save_CancelledPartWay_LeavesThePreviousVersionWhole()
    {
        var region = TestRegions.Guixi();
        var before = Track(Folders.Write(region));
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(region, null, default);

        using var cancel = new CancellationTokenSource();
        var inner = store switch { GeoPackage.GeoPackageStore g => g.Inner, PostGis.PostGisStore p => p.Inner, _ => throw new InvalidOperationException() };
        inner.ProgressEvery = 500;
        long seen = 0;
        inner.RowsWritten = (layer, count) =>
        {
            if (layer == "demand" && count >= 2000)
            {
                seen = count;
                cancel.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveRegionAsync(TestRegions.Large("贵溪测试", 10_000), 1, cancel.Token));
        inner.RowsWritten = null;
        Assert.True(seen >= 2000, "the save was cancelled after demand rows were written");

        var after = Track(Folders.NewTemp());
        Assert.Equal(1, (await WorkspaceTransfer.ExportAsync(store, "贵溪测试", after, default)).Version);
        Folders.AssertIdentical(before, after);
        Assert.Equal(2, await store.SaveRegionAsync(region, 1, default));
    }

    [StoreFact]
    public async Task Save_KilledProcessPartWay_ReopenedStoreShowsThePreviousVersion()
    {
        var region = TestRegions.Guixi();
        var before = Track(Folders.Write(region));
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region, null, default);
        }

        var outcome = await KillHelper.RunAndKillAsync(Target, "贵溪测试", expectedVersion: 1, demandPoints: 400_000, killAfterDemandRows: 30_000);
        Assert.True(outcome.Killed, $"the import was killed part-way; child said:\n{outcome.Output}");
        Assert.DoesNotContain("saved", outcome.Output);

        await using var reopened = StoreFactory.Open(Target);
        var after = Track(Folders.NewTemp());
        Assert.Equal(1, (await WorkspaceTransfer.ExportAsync(reopened, "贵溪测试", after, default)).Version);
        Folders.AssertIdentical(before, after);
        Assert.Equal([new StoredVersion("贵溪测试", 1)], await reopened.ListRegionsAsync(default));
        Assert.Equal(2, await reopened.SaveRegionAsync(region, 1, default));
    }

    [StoreFact]
    public async Task Delete_WrongVersionRefused_RightVersionRemovesEverything()
    {
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        await store.SaveRegionAsync(TestRegions.Guixi("留下"), null, default);
        await Assert.ThrowsAsync<VersionConflictException>(() => store.DeleteRegionAsync("贵溪测试", 7, default));
        await store.DeleteRegionAsync("贵溪测试", 1, default);
        Assert.Null(await store.GetRegionAsync("贵溪测试", default));
        Assert.Equal(TestRegions.Guixi().Demand.Length, (await store.GetRegionAsync("留下", default))!.Value.Demand.Length);

        // Re-creating starts again at version 1 with no features left over.
        Assert.Equal(1, await store.SaveRegionAsync(TestRegions.Guixi() with { Demand = [] }, null, default));
        Assert.Empty((await store.GetRegionAsync("贵溪测试", default))!.Value.Demand);
    }

    [StoreFact]
    public async Task Scenario_SaveGetUpdate_RoundTripsAndRefusesStaleSaves()
    {
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        var scenario = new Scenario("加站方案", "贵溪测试", [
            new AddStationEdit("S-new", "新建社工站", 117.22, 28.33),
            new MoveStationEdit("S-zg", 117.3, 28.29),
            new ScaleGroupEdit("elderly", "360681001", 1.2),
            new AddTeamEdit("T9", "新队", 117.2, 28.3, 10, 5, ["clinic", "repair"], 12),
            new SetMinutesEdit(10),
        ]);
        Assert.Equal(1, await store.SaveScenarioAsync(scenario, null, default));
        var stored = (await store.GetScenarioAsync(scenario.Key, default))!;
        Assert.Equal(scenario, stored.Value);

        var changed = stored.Value.With(new RemoveStationEdit("S-dm"));
        Assert.Equal(2, await store.SaveScenarioAsync(changed, 1, default));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveScenarioAsync(scenario, 1, default));
        Assert.Equal(changed, (await store.GetScenarioAsync(scenario.Key, default))!.Value);
        Assert.Equal([new StoredScenarioVersion(Key("贵溪测试", "加站方案"), 2)], await store.ListScenariosAsync(default));
    }

    [StoreFact]
    public async Task Scenario_BaseRegionNotStored_IsRefusedWithItsName()
    {
        await using var store = StoreFactory.Open(Target);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveScenarioAsync(new Scenario("s", "不存在", []), null, default));
        Assert.Contains("不存在", e.Message);
        Assert.Empty(await store.ListScenariosAsync(default));
    }

    [StoreFact]
    public async Task Result_SaveGet_KeepsJsonTextAndCircles_AndDeleteScenarioRemovesIt()
    {
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        await store.SaveScenarioAsync(new Scenario("基准", "贵溪测试", []), null, default);
        var key = Key("贵溪测试", "基准");
        var circle = (Geometry)TestRegions.Box(117.1, 28.2, 117.1234567891, 28.2345678912);
        var result = new ScenarioResult(key, "coverage", "{\"covered\": {\"elderly\": 0.75},  \"名称\":\"东门\"}",
            [new ServiceCircleFeature("S-xs", 15, circle), new ServiceCircleFeature("S-county", 15, circle.Buffer(0.01))]);
        Assert.Equal(1, await store.SaveResultAsync(result, null, default));
        var stored = (await store.GetResultAsync(key, "coverage", default))!;
        Assert.Equal(result, stored.Value);
        Assert.Equal(2, await store.SaveResultAsync(result with { Circles = [] }, 1, default));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveResultAsync(result, 1, default));
        Assert.Empty((await store.GetResultAsync(key, "coverage", default))!.Value.Circles);

        await store.DeleteScenarioAsync(key, 1, default);
        Assert.Null(await store.GetResultAsync(key, "coverage", default));
        Assert.Null(await store.GetScenarioAsync(key, default));
    }

    [StoreFact]
    public async Task Scenario_SameNameInTwoRegions_AreTwoScenariosWithTheirOwnResults()
    {
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync("guixi", TestRegions.Guixi(), null, default);
        await store.SaveRegionAsync("other", TestRegions.Guixi("另一个区域"), null, default);
        var inGuixi = new Scenario("base", "guixi", [new SetMinutesEdit(10)]);
        var inOther = new Scenario("base", "other", [new SetMinutesEdit(20), new RemoveStationEdit("S-dm")]);
        Assert.Equal(1, await store.SaveScenarioAsync(inGuixi, null, default));
        Assert.Equal(1, await store.SaveScenarioAsync(inOther, null, default));
        Assert.Equal(2, await store.SaveScenarioAsync(inOther.With(new SetModeEdit("drive")), 1, default));

        Assert.Equal([new StoredScenarioVersion(Key("guixi", "base"), 1), new StoredScenarioVersion(Key("other", "base"), 2)], await store.ListScenariosAsync(default));
        Assert.Equal(inGuixi, (await store.GetScenarioAsync(Key("guixi", "base"), default))!.Value);
        Assert.Equal(3, (await store.GetScenarioAsync(Key("other", "base"), default))!.Value.Edits.Length);
        Assert.Null(await store.GetScenarioAsync(Key("贵溪测试", "base"), default));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.SaveScenarioAsync(inGuixi, null, default));

        // Results and circles belong to one region's scenario: saving, reading and deleting one leaves the other's.
        var circle = (Geometry)TestRegions.Box(117.1, 28.2, 117.12, 28.23);
        await store.SaveResultAsync(new ScenarioResult(Key("guixi", "base"), "coverage", "{\"a\":1}", [new ServiceCircleFeature("S-xs", 10, circle)]), null, default);
        await store.SaveResultAsync(new ScenarioResult(Key("other", "base"), "coverage", "{\"b\":2}", []), null, default);
        Assert.Equal("{\"a\":1}", (await store.GetResultAsync(Key("guixi", "base"), "coverage", default))!.Value.Json);
        Assert.Empty((await store.GetResultAsync(Key("other", "base"), "coverage", default))!.Value.Circles);
        await store.DeleteScenarioAsync(Key("other", "base"), 2, default);
        Assert.Null(await store.GetResultAsync(Key("other", "base"), "coverage", default));
        var kept = (await store.GetResultAsync(Key("guixi", "base"), "coverage", default))!.Value;
        Assert.Equal("S-xs", Assert.Single(kept.Circles).StationId);
        Assert.Equal([new StoredScenarioVersion(Key("guixi", "base"), 1)], await store.ListScenariosAsync(default));
    }

    [StoreFact]
    public async Task RegionHeaders_KeyCodeTitleAndVersion_ForEveryRegion()
    {
        await using var store = StoreFactory.Open(Target);
        Assert.Empty(await store.ListRegionHeadersAsync(default));
        var region = TestRegions.Guixi();
        await store.SaveRegionAsync("guixi", region, null, default);
        await store.SaveRegionAsync("guixi", region with { Stations = [] }, 1, default);
        await store.SaveRegionAsync(TestRegions.Guixi("另一个区域") with { Info = region.Info with { Name = "另一个区域", Code = "361100" } }, null, default);

        Assert.Equal(
            [new RegionHeader("guixi", "360681", "贵溪测试", 2), new RegionHeader("另一个区域", "361100", "另一个区域", 1)],
            await store.ListRegionHeadersAsync(default));

        // What the hosts resolve a user's text against: the key, the code and the title name the same region.
        var aliases = await store.RegionAliasesAsync(default);
        Assert.All(new[] { "guixi", "360681", "贵溪测试" }, text => Assert.Equal("guixi", aliases.Require(text).Value));
        Assert.Equal("另一个区域", aliases.Require("361100").Value);
    }

    [StoreFact]
    public async Task Import_RegionFolder_IsKeyedByTheFolderNameAndKeepsItsTitle()
    {
        var folder = Path.Combine(Track(Folders.NewTemp()), "guixi");
        RegionFolderWriter.Write(TestRegions.Guixi(), folder);
        await using var store = StoreFactory.Open(Target);
        var first = await WorkspaceTransfer.ImportAsync(folder, store, default);
        Assert.Equal(("guixi", 1L), (first.Key, first.Version));
        Assert.Equal([new RegionHeader("guixi", "360681", "贵溪测试", 1)], await store.ListRegionHeadersAsync(default));
        Assert.Equal("贵溪测试", (await store.GetRegionAsync("guixi", default))!.Value.Info.Name);
        var again = await WorkspaceTransfer.ImportAsync(folder, store, default);
        Assert.Equal(("guixi", 2L), (again.Key, again.Version));
    }

    [StoreFact]
    public async Task Import_IntoWorkspaceHoldingTheRegionUnderItsOwnName_ReplacesItUnderThatKey()
    {
        // What an import before keys were folder names left: the region keyed by its own name, with a scenario on it.
        await using var store = StoreFactory.Open(Target);
        await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        await store.SaveScenarioAsync(new Scenario("s", "贵溪测试", []), null, default);
        var folder = Path.Combine(Track(Folders.NewTemp()), "guixi");
        RegionFolderWriter.Write(TestRegions.Guixi(), folder);

        var import = await WorkspaceTransfer.ImportAsync(folder, store, default);

        Assert.Equal(("贵溪测试", 2L), (import.Key, import.Version));
        Assert.Equal([new StoredVersion("贵溪测试", 2)], await store.ListRegionsAsync(default));
        Assert.NotNull(await store.GetScenarioAsync(Key("贵溪测试", "s"), default));
    }

    private static ScenarioKey Key(string region, string name) => new(new Core.Regions.RegionKey(region), name);

    protected string Track(string folder)
    {
        folders.Add(folder);
        return folder;
    }

    private static string? FindDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                var data = Path.Combine(dir.FullName, "data");
                return Directory.Exists(data) ? data : null;
            }
        }

        return null;
    }
}
