using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using Planner.Core.Scenarios;
using Planner.Storage.GeoPackage;
using Xunit;

namespace Planner.Storage.Tests;

/// <summary>The contract on a GeoPackage file, plus what makes the file a GeoPackage QGIS can open.</summary>
public sealed class GeoPackageStoreTests : WorkspaceStoreContract
{
    private string folder = string.Empty;

    protected override string Target => Path.Combine(folder, "工作区.gpkg");

    public override Task InitializeAsync()
    {
        folder = Track(Folders.NewTemp("gpkg"));
        return Task.CompletedTask;
    }

    [StoreFact]
    public async Task File_HasGeoPackageTablesAndLayers_ReadableWithoutOurCode()
    {
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(TestRegions.Guixi(), null, default);
        }

        await using var c = new SqliteConnection($"Data Source={Target};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        Assert.Equal(0x47504B47L, Scalar(c, "PRAGMA application_id"));
        Assert.Equal(10300L, Scalar(c, "PRAGMA user_version"));
        Assert.Equal("ok", Scalar(c, "PRAGMA integrity_check"));
        foreach (var layer in new[] { "units", "roads", "demand", "stations", "teams", "needs", "candidates", "public_buildings", "circles" })
        {
            Assert.Equal("features", Scalar(c, $"SELECT data_type FROM gpkg_contents WHERE table_name = '{layer}'"));
            Assert.Equal(4326L, Scalar(c, $"SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = '{layer}' AND column_name = 'geom'"));
        }

        Assert.Equal("EPSG", Scalar(c, "SELECT organization FROM gpkg_spatial_ref_sys WHERE srs_id = 4326"));

        // A geometry blob read back with the plain GeoPackage reader: magic "GP", SRID 4326, the station's point.
        var blob = (byte[])Scalar(c, "SELECT geom FROM stations WHERE station_id = 'S-xs'")!;
        Assert.Equal("GP"u8.ToArray(), blob[..2]);
        var srsId = (blob[3] & 1) == 1 ? BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(4)) : BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        Assert.Equal(4326, srsId);
        Assert.True(((blob[3] >> 1) & 7) <= 1, "envelope is empty or XY: the layers are declared z = 0, m = 0");
        Assert.Equal(8 + 32 + 21, blob.Length); // header, XY envelope, WKB point (byte order, type, x, y)
        var point = new GeoPackageGeoReader().Read(blob);
        Assert.Equal((117.15, 28.26), (point.Coordinate.X, point.Coordinate.Y));
        Assert.Equal("雄石街道社工站", Scalar(c, "SELECT name FROM stations WHERE station_id = 'S-xs'"));
        Assert.Equal(5L, Scalar(c, "SELECT COUNT(*) FROM roads WHERE region = '贵溪测试'"));
        Assert.Equal("POINT", Scalar(c, "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'public_buildings'"));
        Assert.Equal("school", Scalar(c, "SELECT kind FROM public_buildings WHERE building_id = 'osm:way:1256740917'"));
    }

    [StoreFact]
    public async Task Open_WorkspaceFromBeforePublicBuildings_GainsTheLayerAndKeepsItsRegions()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region with { PublicBuildings = [] }, null, default);
        }

        // What a workspace written before the layer existed holds: no table and no GeoPackage metadata rows for it.
        await using (var c = new SqliteConnection($"Data Source={Target};Pooling=False"))
        {
            await c.OpenAsync();
            Scalar(c, "DROP TABLE public_buildings; DELETE FROM gpkg_geometry_columns WHERE table_name = 'public_buildings'; DELETE FROM gpkg_contents WHERE table_name = 'public_buildings'");
            Assert.Equal(0L, Scalar(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'public_buildings'"));
        }

        await using (var reopened = StoreFactory.Open(Target))
        {
            var old = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Empty(old!.Value.PublicBuildings);
            Assert.Equal(region.Stations.ToArray(), old.Value.Stations.ToArray());
            Assert.Equal(2, await reopened.SaveRegionAsync(region, old.Version, default));
            var saved = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(region.PublicBuildings.ToArray(), saved!.Value.PublicBuildings.ToArray());
        }

        await using var check = new SqliteConnection($"Data Source={Target};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        Assert.Equal("features", Scalar(check, "SELECT data_type FROM gpkg_contents WHERE table_name = 'public_buildings'"));
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check"));
    }

    [StoreFact]
    public async Task Open_WorkspaceWithoutNewerColumns_GainsThemAndKeepsItsRows()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region, null, default);
        }

        // What a workspace written before the column existed holds: teams without registered_members.
        await using (var c = new SqliteConnection($"Data Source={Target};Pooling=False"))
        {
            await c.OpenAsync();
            Scalar(c, "ALTER TABLE teams DROP COLUMN registered_members; ALTER TABLE stations DROP COLUMN supervisors");
            Assert.Equal(0L, Scalar(c, "SELECT COUNT(*) FROM pragma_table_info('teams') WHERE name = 'registered_members'"));
        }

        await using (var reopened = StoreFactory.Open(Target))
        {
            var old = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(region.Teams.Select(t => t with { RegisteredMembers = null, Skills = [] }), old!.Value.Teams.Select(t => t with { Skills = [] }));
            Assert.Equal(region.Stations.Select(s => s with { Supervisors = null }), old.Value.Stations);
            Assert.Equal(2, await reopened.SaveRegionAsync(region, old.Version, default));
            var saved = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(21, saved!.Value.Teams.Single(t => t.Id == "T1").RegisteredMembers);
            Assert.Equal(2, saved.Value.Stations.Single(s => s.Id == "S-county").Supervisors);
            Assert.Null(saved.Value.Teams.Single(t => t.Id == "T2").RegisteredMembers);
        }

        await using var check = new SqliteConnection($"Data Source={Target};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        Assert.Equal(21L, Scalar(check, "SELECT registered_members FROM teams WHERE team_id = 'T1'"));
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check"));
    }

    [StoreFact]
    public async Task Open_WorkspaceWithGloballyNamedScenarios_KeysThemByRegionAndName()
    {
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync("guixi", TestRegions.Guixi(), null, default);
            await store.SaveScenarioAsync(new Scenario("guixi/a", "guixi", [new SetMinutesEdit(10)]), null, default);
            await store.SaveScenarioAsync(new Scenario("b", "guixi", []), null, default);
            await store.SaveScenarioAsync(new Scenario("guixi/b", "guixi", []), null, default);
            var circle = TestRegions.Box(117.1, 28.2, 117.12, 28.23);
            await store.SaveResultAsync(new ScenarioResult(Key("guixi", "guixi/a"), "coverage", "{\"c\":1}", [new ServiceCircleFeature("S-xs", 10, circle)]), null, default);
        }

        // Back to the layout before scenario keys: names unique on their own (the API's as 'guixi/a'), results and circles without a region.
        await using (var c = new SqliteConnection($"Data Source={Target};Pooling=False"))
        {
            await c.OpenAsync();
            Scalar(c, """
                CREATE TABLE old_scenarios (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL UNIQUE, base_region TEXT NOT NULL, version INTEGER NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL);
                INSERT INTO old_scenarios SELECT fid, name, base_region, version, document, updated_at FROM scenarios;
                DROP TABLE scenarios; ALTER TABLE old_scenarios RENAME TO scenarios;
                CREATE TABLE old_results (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, scenario TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (scenario, name));
                INSERT INTO old_results SELECT fid, scenario, name, version, document, updated_at FROM results;
                DROP TABLE results; ALTER TABLE old_results RENAME TO results;
                DROP INDEX circles_key; ALTER TABLE circles DROP COLUMN region; CREATE INDEX circles_key ON circles (scenario, result, seq);
                """);
            Assert.Equal(0L, Scalar(c, "SELECT COUNT(*) FROM pragma_table_info('circles') WHERE name = 'region'"));
        }

        await using (var reopened = StoreFactory.Open(Target))
        {
            Assert.Equal(
                [new StoredScenarioVersion(Key("guixi", "a"), 1), new StoredScenarioVersion(Key("guixi", "b"), 1), new StoredScenarioVersion(Key("guixi", "guixi/b"), 1)],
                await reopened.ListScenariosAsync(default));
            Assert.Equal(new Scenario("a", "guixi", [new SetMinutesEdit(10)]), (await reopened.GetScenarioAsync(Key("guixi", "a"), default))!.Value);
            var result = (await reopened.GetResultAsync(Key("guixi", "a"), "coverage", default))!;
            Assert.Equal("{\"c\":1}", result.Value.Json);
            Assert.Equal("S-xs", Assert.Single(result.Value.Circles).StationId);
            Assert.Equal(2, await reopened.SaveScenarioAsync(new Scenario("a", "guixi", []), 1, default));
        }

        await using var check = new SqliteConnection($"Data Source={Target};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        Assert.Equal("a", Scalar(check, "SELECT json_extract(document, '$.name') FROM scenarios WHERE base_region = 'guixi' AND name = 'a'"));
        Assert.Equal("guixi", Scalar(check, "SELECT region FROM circles WHERE scenario = 'a'"));
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check"));
    }

    private static ScenarioKey Key(string region, string name) => new(new Core.Regions.RegionKey(region), name);

    [StoreFact]
    public async Task Open_FolderMissing_UnavailableNamingThePath()
    {
        var path = Path.Combine(folder, "没有这个目录", "w.gpkg");
        await using var store = StoreFactory.Open(path);
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListRegionsAsync(default));
        Assert.Contains(path, e.Message);
        Assert.Contains("does not exist", e.Message);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.Empty(await store.ListRegionsAsync(default));
    }

    [StoreFact]
    public async Task Open_FileIsNotAGeoPackage_UnavailableWithReason()
    {
        var path = Path.Combine(folder, "bad.gpkg");
        await File.WriteAllTextAsync(path, "this is not a database, just text that is long enough to be read as a header ..........");
        await using var store = new GeoPackageStore(path);
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(default));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a GeoPackage", e.Message);
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
