using System.Data.Common;
using NetTopologySuite.Geometries;
using Planner.Core.Model;
using Planner.Core.Regions;
using Planner.Core.Scenarios;

namespace Planner.Storage.Sql;

/// <summary>
/// The store logic both back ends share, written once over ADO.NET: versioned documents with optimistic
/// concurrency, every write in one transaction, feature tables per layer. A back end supplies the
/// connection, the schema, geometry conversion, bulk row writing and the mapping of driver errors.
/// </summary>
internal abstract partial class SqlWorkspaceStore : IWorkspaceStore
{
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>Test hook: called after every <see cref="ProgressEvery"/> rows of a layer are written, with the layer and the count.</summary>
    internal Action<string, long>? RowsWritten { get; set; }

    /// <summary>How often <see cref="RowsWritten"/> is called.</summary>
    internal int ProgressEvery { get; set; } = 1000;

    /// <summary>SQL appended to a version read inside a write transaction to lock the row (" FOR UPDATE" in PostgreSQL).</summary>
    protected abstract string LockForUpdate { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken) =>
        await ReadAsync((c, ct) => ListAsync(c, "SELECT name, version FROM regions ORDER BY name", ct), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegionHeader>> ListRegionHeadersAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<RegionHeader>>(async (c, ct) =>
    {
        // The document is region.json's content, a few hundred bytes: no feature table is read.
        var list = new List<RegionHeader>();
        await using var cmd = Command(c, null, "SELECT name, version, document FROM regions ORDER BY name");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var (title, code) = RegionInfoDocument.Header(reader.GetString(2));
            list.Add(new RegionHeader(reader.GetString(0), code, title, reader.GetInt64(1)));
        }

        return list;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredScenarioVersion>> ListScenariosAsync(CancellationToken cancellationToken) => ReadAsync<IReadOnlyList<StoredScenarioVersion>>(async (c, ct) =>
    {
        var list = new List<StoredScenarioVersion>();
        await using var cmd = Command(c, null, "SELECT base_region, name, version FROM scenarios ORDER BY base_region, name");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new StoredScenarioVersion(new ScenarioKey(new RegionKey(reader.GetString(0)), reader.GetString(1)), reader.GetInt64(2)));
        }

        return list;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Region>?> GetRegionAsync(string name, CancellationToken cancellationToken) => ReadAsync(async (c, ct) =>
    {
        await using var tx = await BeginAsync(c, forWrite: false, ct).ConfigureAwait(false);
        var head = await ReadDocumentAsync(c, tx, "SELECT document, version FROM regions WHERE name = @name", ct, ("name", name)).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var layers = new Dictionary<Layer, IReadOnlyList<object?[]>>();
        foreach (var layer in Layers.RegionLayers)
        {
            layers[layer] = await ReadLayerAsync(c, tx, layer, name, ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        var region = RegionRows.ToRegion(RegionInfoDocument.Deserialize(head.Value.Document), l => layers[l]);
        return new Versioned<Region>(region, head.Value.Version);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(Region region, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        return SaveRegionAsync(region.Info.Name, region, expectedVersion, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(string name, Region region, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(region);

        // The document keeps the region's own name; the feature rows name their region by the key they are stored under.
        var rowsOf = region.Info.Name == name ? region : region with { Info = region.Info with { Name = name } };
        return WriteAsync(async (c, tx, ct) =>
        {
            var version = await ClaimVersionAsync(c, tx, "region", "regions", "name = @name", expectedVersion, ct, ("name", name)).ConfigureAwait(false);
            var document = RegionInfoDocument.Serialize(region.Info);
            if (version == 1)
            {
                await ExecuteAsync(c, tx, "INSERT INTO regions (name, version, document, updated_at) VALUES (@name, 1, @document, @now)", ct,
                    ("name", name), ("document", new JsonText(document)), ("now", DateTime.UtcNow)).ConfigureAwait(false);
            }
            else
            {
                await UpdateVersionedAsync(c, tx, "region", "UPDATE regions SET version = @version, document = @document, updated_at = @now WHERE name = @name", version, ct,
                    ("name", name), ("document", new JsonText(document)), ("now", DateTime.UtcNow)).ConfigureAwait(false);
                foreach (var layer in Layers.RegionLayers)
                {
                    await ExecuteAsync(c, tx, $"DELETE FROM {layer.Table} WHERE region = @name", ct, ("name", name)).ConfigureAwait(false);
                }
            }

            foreach (var layer in Layers.RegionLayers)
            {
                await WriteRowsAsync(c, tx, layer, RegionRows.Rows(rowsOf, layer), ct).ConfigureAwait(false);
            }

            return version;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken) => WriteAsync(async (c, tx, ct) =>
    {
        await ClaimVersionAsync(c, tx, "region", "regions", "name = @name", expectedVersion, ct, ("name", name)).ConfigureAwait(false);
        foreach (var layer in Layers.RegionLayers)
        {
            await ExecuteAsync(c, tx, $"DELETE FROM {layer.Table} WHERE region = @name", ct, ("name", name)).ConfigureAwait(false);
        }

        await ExecuteAsync(c, tx, "DELETE FROM regions WHERE name = @name", ct, ("name", name)).ConfigureAwait(false);
        return 0L;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Scenario>?> GetScenarioAsync(ScenarioKey key, CancellationToken cancellationToken) => ReadAsync(async (c, ct) =>
    {
        var head = await ReadDocumentAsync(c, null, "SELECT document, version FROM scenarios WHERE base_region = @region AND name = @name", ct, Key(key)).ConfigureAwait(false);

        // The row's key is the scenario's key, whatever name the document was written with.
        return head is { } h
            ? new Versioned<Scenario>(ScenarioJson.DeserializeScenario(h.Document) with { Name = key.Name, BaseRegion = key.Region.Value }, h.Version)
            : null;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveScenarioAsync(Scenario scenario, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var key = Key(scenario.Key);
        return WriteAsync(async (c, tx, ct) =>
        {
            if (await ScalarAsync(c, tx, "SELECT COUNT(*) FROM regions WHERE name = @region", ct, key[0]).ConfigureAwait(false) == 0)
            {
                throw new ArgumentException($"scenario '{scenario.Name}' is based on region '{scenario.BaseRegion}', which is not in {Description}", nameof(scenario));
            }

            var version = await ClaimVersionAsync(c, tx, "scenario", "scenarios", "base_region = @region AND name = @name", expectedVersion, ct, key).ConfigureAwait(false);
            (string, object?)[] values = [.. key, ("document", new JsonText(ScenarioJson.Serialize(scenario))), ("now", DateTime.UtcNow)];
            if (version == 1)
            {
                await ExecuteAsync(c, tx, "INSERT INTO scenarios (base_region, name, version, document, updated_at) VALUES (@region, @name, 1, @document, @now)", ct, values).ConfigureAwait(false);
            }
            else
            {
                await UpdateVersionedAsync(c, tx, "scenario", "UPDATE scenarios SET version = @version, document = @document, updated_at = @now WHERE base_region = @region AND name = @name", version, ct, values).ConfigureAwait(false);
            }

            return version;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteScenarioAsync(ScenarioKey key, long expectedVersion, CancellationToken cancellationToken) => WriteAsync(async (c, tx, ct) =>
    {
        var k = Key(key);
        await ClaimVersionAsync(c, tx, "scenario", "scenarios", "base_region = @region AND name = @name", expectedVersion, ct, k).ConfigureAwait(false);
        await ExecuteAsync(c, tx, "DELETE FROM circles WHERE region = @region AND scenario = @name", ct, k).ConfigureAwait(false);
        await ExecuteAsync(c, tx, "DELETE FROM results WHERE region = @region AND scenario = @name", ct, k).ConfigureAwait(false);
        await ExecuteAsync(c, tx, "DELETE FROM scenarios WHERE base_region = @region AND name = @name", ct, k).ConfigureAwait(false);
        return 0L;
    }, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveResultAsync(ScenarioResult result, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(async (c, tx, ct) =>
        {
            var scenario = Key(result.Scenario);
            if (await ScalarAsync(c, tx, "SELECT COUNT(*) FROM scenarios WHERE base_region = @region AND name = @name", ct, scenario).ConfigureAwait(false) == 0)
            {
                throw new ArgumentException($"{result.Scenario} is not in {Description}", nameof(result));
            }

            (string, object?)[] key = [scenario[0], ("scenario", result.Scenario.Name), ("name", result.Name)];
            var version = await ClaimVersionAsync(c, tx, "result", "results", "region = @region AND scenario = @scenario AND name = @name", expectedVersion, ct, key).ConfigureAwait(false);
            (string, object?)[] values = [.. key, ("document", new JsonText(result.Json, Exact: true)), ("now", DateTime.UtcNow)];
            if (version == 1)
            {
                await ExecuteAsync(c, tx, "INSERT INTO results (region, scenario, name, version, document, updated_at) VALUES (@region, @scenario, @name, 1, @document, @now)", ct, values).ConfigureAwait(false);
            }
            else
            {
                await UpdateVersionedAsync(c, tx, "result", "UPDATE results SET version = @version, document = @document, updated_at = @now WHERE region = @region AND scenario = @scenario AND name = @name", version, ct, values).ConfigureAwait(false);
            }

            await ExecuteAsync(c, tx, "DELETE FROM circles WHERE region = @region AND scenario = @scenario AND result = @name", ct, key).ConfigureAwait(false);
            var rows = result.Circles.Select((f, i) => new object?[] { result.Scenario.Region.Value, result.Scenario.Name, result.Name, (long)i, f.StationId, f.LimitMinutes, RegionRows.Wgs84(f.Area) });
            await WriteRowsAsync(c, tx, Layers.Circles, rows, ct).ConfigureAwait(false);
            return version;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Versioned<ScenarioResult>?> GetResultAsync(ScenarioKey scenario, string name, CancellationToken cancellationToken) => ReadAsync(async (c, ct) =>
    {
        (string, object?)[] key = [("region", scenario.Region.Value), ("scenario", scenario.Name), ("name", name)];
        await using var tx = await BeginAsync(c, forWrite: false, ct).ConfigureAwait(false);
        var head = await ReadDocumentAsync(c, tx, "SELECT document, version FROM results WHERE region = @region AND scenario = @scenario AND name = @name", ct, key).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var circles = new List<ServiceCircleFeature>();
        await using (var cmd = Command(c, tx, "SELECT station_id, limit_minutes, geom FROM circles WHERE region = @region AND scenario = @scenario AND result = @name ORDER BY seq", key))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                circles.Add(new ServiceCircleFeature(reader.GetString(0), reader.GetDouble(1), ReadGeometry(reader, 2)));
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Versioned<ScenarioResult>(new ScenarioResult(scenario, name, head.Value.Document, [.. circles]), head.Value.Version);
    }, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        schemaLock.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A scenario key as the parameters <c>@region</c> and <c>@name</c>.</summary>
    private static (string, object?)[] Key(ScenarioKey key) => [("region", key.Region.Value), ("name", key.Name)];

    /// <summary>Opens a connection (throwing <see cref="StoreUnavailableException"/> when the store cannot be reached).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates or migrates the schema on an open connection.</summary>
    protected abstract Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a write transaction that serialises with other writers where the engine needs it.</summary>
    protected abstract Task<DbTransaction> BeginAsync(DbConnection connection, bool forWrite, CancellationToken cancellationToken);

    /// <summary>A row writer for a table, inside <paramref name="transaction"/>.</summary>
    protected abstract Task<IRowWriter> OpenRowWriterAsync(DbConnection connection, DbTransaction transaction, Layer layer, CancellationToken cancellationToken);

    /// <summary>Adds a parameter, converting geometries and JSON to the engine's form.</summary>
    protected abstract void AddParameter(DbCommand command, string name, object? value);

    /// <summary>Reads a geometry column.</summary>
    protected abstract Geometry ReadGeometry(DbDataReader reader, int ordinal);

    /// <summary>The reason when <paramref name="exception"/> means the store is unreachable or unusable, else null.</summary>
    protected abstract string? UnavailableReason(Exception exception);

    /// <summary>True when <paramref name="exception"/> is a unique-key violation (a concurrent create).</summary>
    protected abstract bool IsUniqueViolation(Exception exception);
}

/// <summary>A JSON document parameter; <paramref name="Exact"/> keeps its text as given (no normalisation).</summary>
internal readonly record struct JsonText(string Text, bool Exact = false);
