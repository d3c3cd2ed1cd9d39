using System.Net;
using System.Net.Sockets;
using NetTopologySuite.Geometries;
using Npgsql;
using Planner.Core.Scenarios;
using Planner.Storage.PostGis;
using Xunit;

namespace Planner.Storage.Tests;

/// <summary>
/// The contract on a real PostGIS (a fresh schema per test, dropped afterwards), plus migrations, indexes,
/// PostGIS as an oracle for the stored geometry, and an unreachable server that comes back.
/// </summary>
[RequiresPostGis]
public sealed class PostGisStoreTests : WorkspaceStoreContract
{
    private string connectionString = string.Empty;
    private string schema = string.Empty;

    protected override string Target => connectionString;

    public override Task InitializeAsync()
    {
        (connectionString, schema) = PostGisSettings.NewSchema();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostGisSettings.DropSchemaAsync(schema);
        await base.DisposeAsync();
    }

    [StoreFact]
    public async Task Open_AppliesMigrationsOnce_WithGistIndexes()
    {
        await using (var first = await StoreFactory.OpenAsync(Target, default))
        {
        }

        await using (var second = await StoreFactory.OpenAsync(Target, default))
        {
            Assert.Empty(await second.ListRegionsAsync(default));
        }

        Assert.Equal(Migrator.Migrations.Count, await Scalar<long>("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(1, await Scalar<int>("SELECT MIN(version) FROM schema_migrations"));
        var gist = await Scalar<long>($"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '{schema}' AND indexdef LIKE '%USING gist (geom)%'");
        Assert.Equal(9, gist);
        Assert.Contains("002_public_buildings", await Strings("SELECT name FROM schema_migrations ORDER BY version"));
    }

    [StoreFact]
    public async Task Open_SchemaAtVersion1_AppliesMigration2AndKeepsItsRegions()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region with { PublicBuildings = [] }, null, default);
        }

        // Back to what a workspace migrated before 002 holds: no public_buildings table, version 2 not recorded.
        await Execute("DROP TABLE public_buildings; DELETE FROM schema_migrations WHERE version = 2");
        Assert.Equal(0L, await Scalar<long>($"SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = 'public_buildings'"));

        await using (var reopened = await StoreFactory.OpenAsync(Target, default))
        {
            var old = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Empty(old!.Value.PublicBuildings);
            Assert.Equal(region.Stations.ToArray(), old.Value.Stations.ToArray());
            Assert.Equal(2, await reopened.SaveRegionAsync(region, old.Version, default));
            var saved = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(region.PublicBuildings.ToArray(), saved!.Value.PublicBuildings.ToArray());
        }

        Assert.Equal(Migrator.Migrations.Count, await Scalar<int>("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(1L, await Scalar<long>($"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = 'public_buildings' AND indexdef LIKE '%USING gist (geom)%'"));

        // PostGIS as the oracle: the stored school point is the one saved.
        Assert.Equal(0.0, await Scalar<double>("SELECT ST_Distance(geom, ST_SetSRID(ST_MakePoint(117.23472204949412, 28.284303394354048), 4326)) FROM public_buildings WHERE building_id = 'osm:way:1256740917'"));
    }

    [StoreFact]
    public async Task Open_SchemaBeforeMigrations3And4_AddsTeamAndStationColumnsAndKeepsTheirRows()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region, null, default);
        }

        await Execute("ALTER TABLE teams DROP COLUMN registered_members; ALTER TABLE stations DROP COLUMN supervisors; DELETE FROM schema_migrations WHERE version IN (3, 4)");
        await using (var reopened = await StoreFactory.OpenAsync(Target, default))
        {
            var old = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(region.Teams.Select(t => t with { RegisteredMembers = null, Skills = [] }), old!.Value.Teams.Select(t => t with { Skills = [] }));
            Assert.Equal(region.Stations.Select(s => s with { Supervisors = null }), old.Value.Stations);
            Assert.Equal(2, await reopened.SaveRegionAsync(region, old.Version, default));
            var saved = await reopened.GetRegionAsync(region.Info.Name, default);
            Assert.Equal(21, saved!.Value.Teams.Single(t => t.Id == "T1").RegisteredMembers);
            Assert.Equal(2, saved.Value.Stations.Single(s => s.Id == "S-county").Supervisors);
        }

        Assert.Contains("004_station_supervisors", await Strings("SELECT name FROM schema_migrations ORDER BY version"));
        Assert.Contains("003_team_registered_members", await Strings("SELECT name FROM schema_migrations ORDER BY version"));
        Assert.Equal(21, await Scalar<int>("SELECT registered_members FROM teams WHERE team_id = 'T1'"));
    }

    [StoreFact]
    public async Task Open_SchemaBeforeMigration5_KeysScenariosByRegionAndName()
    {
        // A schema at version 4, holding what the API and the CLI wrote then: 'guixi/a' (the API's), 'b' and 'guixi/b'.
        await using (var c = new NpgsqlConnection(Target))
        {
            await c.OpenAsync();
            Assert.Equal(4, await Migrator.MigrateAsync(c, schema, 4, default));
        }

        await Execute("""
            INSERT INTO regions (name, version, document, updated_at) VALUES ('guixi', 1, '{"name":"贵溪测试","code":"360681"}', now());
            INSERT INTO scenarios (name, base_region, version, document, updated_at) VALUES
              ('guixi/a', 'guixi', 3, '{"name":"guixi/a","base_region":"guixi","edits":[{"kind":"set_minutes","minutes":10}]}', now()),
              ('b', 'guixi', 1, '{"name":"b","base_region":"guixi","edits":[]}', now()),
              ('guixi/b', 'guixi', 1, '{"name":"guixi/b","base_region":"guixi","edits":[]}', now());
            INSERT INTO results (scenario, name, version, document, updated_at) VALUES ('guixi/a', 'coverage', 2, '{"c":1}', now());
            INSERT INTO circles (scenario, result, seq, station_id, limit_minutes, geom)
              VALUES ('guixi/a', 'coverage', 0, 'S-xs', 10, ST_GeomFromText('POLYGON((117.1 28.2,117.12 28.2,117.12 28.23,117.1 28.23,117.1 28.2))', 4326));
            """);

        await using (var reopened = await StoreFactory.OpenAsync(Target, default))
        {
            Assert.Equal(
                [new StoredScenarioVersion(Key("guixi", "a"), 3), new StoredScenarioVersion(Key("guixi", "b"), 1), new StoredScenarioVersion(Key("guixi", "guixi/b"), 1)],
                await reopened.ListScenariosAsync(default));
            Assert.Equal(new Scenario("a", "guixi", [new Core.Scenarios.SetMinutesEdit(10)]), (await reopened.GetScenarioAsync(Key("guixi", "a"), default))!.Value);
            var result = (await reopened.GetResultAsync(Key("guixi", "a"), "coverage", default))!;
            Assert.Equal(("{\"c\":1}", 2L), (result.Value.Json, result.Version));
            Assert.Equal("S-xs", Assert.Single(result.Value.Circles).StationId);
            await reopened.DeleteScenarioAsync(Key("guixi", "a"), 3, default);
        }

        Assert.Contains("005_scenario_keys", await Strings("SELECT name FROM schema_migrations ORDER BY version"));
        Assert.Equal("guixi/b", await Scalar<string>("SELECT document->>'name' FROM scenarios WHERE name = 'guixi/b'"));
        Assert.Equal(0L, await Scalar<long>("SELECT COUNT(*) FROM circles"));
    }

    private static Core.Scenarios.ScenarioKey Key(string region, string name) => new(new Core.Regions.RegionKey(region), name);

    [StoreFact]
    public async Task StoredGeometry_AgreesWithPostGisOracle()
    {
        var region = TestRegions.Guixi();
        await using (var store = StoreFactory.Open(Target))
        {
            await store.SaveRegionAsync(region, null, default);
        }

        foreach (var unit in region.Units)
        {
            var area = await Scalar<double>($"SELECT ST_Area(geom) FROM units WHERE code = '{unit.Code}'");
            Assert.Equal(unit.Boundary.Area, area, 12);
        }

        // Demand points per township: PostGIS ST_Covers against NTS Covers.
        foreach (var township in region.Units.Where(u => u.Level == Core.Model.AdminLevel.Township))
        {
            var expected = region.Demand.Count(d => township.Boundary.Covers(new Point(d.Location.Lon, d.Location.Lat)));
            var actual = await Scalar<long>($"SELECT COUNT(*) FROM demand d JOIN units u ON u.region = d.region WHERE u.code = '{township.Code}' AND ST_Covers(u.geom, d.geom)");
            Assert.Equal(expected, actual);
        }

        // Stations within 0.05 degrees of d1, by ST_DWithin and by NTS distance.
        var d1 = region.Demand[0].Location;
        var near = region.Stations.Where(s => new Point(s.Location.Lon, s.Location.Lat).IsWithinDistance(new Point(d1.Lon, d1.Lat), 0.05)).Select(s => s.Id).Order().ToList();
        var fromPostGis = await Strings($"SELECT s.station_id FROM stations s JOIN demand d ON d.region = s.region WHERE d.point_id = 'd1' AND ST_DWithin(s.geom, d.geom, 0.05) ORDER BY 1");
        Assert.NotEmpty(near);
        Assert.Equal(near, fromPostGis);
        Assert.Equal("residential", await Scalar<string>("SELECT tags->>'highway' FROM roads WHERE road_id = 'w1001'"));
    }

    [StoreFact]
    public async Task Unreachable_ClosedPort_NamesHostPortWithoutPassword_ThenWorksWhenBack()
    {
        var port = FreePort();
        var live = new NpgsqlConnectionStringBuilder(Target);
        var down = new NpgsqlConnectionStringBuilder(Target) { Host = "127.0.0.1", Port = port, Password = "s3cret-pw", Timeout = 3 };
        await using var store = new PostGisStore(down.ConnectionString);

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListRegionsAsync(default));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains(live.Database!, e.Message);
        Assert.DoesNotContain("s3cret-pw", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);

        // The server "comes back" on the same address: a loopback forwarder to the live PostGIS.
        using var forwarder = new TcpForwarder(port, live.Host!, live.Port);
        Assert.Equal(1, await store.SaveRegionAsync(TestRegions.Guixi(), null, default));
        Assert.Equal([new StoredVersion("贵溪测试", 1)], await store.ListRegionsAsync(default));
    }

    private async Task Execute(string sql)
    {
        await using var c = new NpgsqlConnection(Target);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var c = new NpgsqlConnection(Target);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> Strings(string sql)
    {
        await using var c = new NpgsqlConnection(Target);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
