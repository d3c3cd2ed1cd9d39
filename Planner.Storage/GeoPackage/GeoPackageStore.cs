using System.Data.Common;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Planner.Storage.Sql;

namespace Planner.Storage.GeoPackage;

/// <summary>
/// A workspace in one GeoPackage file (<c>.gpkg</c>), the embedded default. Written through SQLite in
/// transactions (<c>BEGIN IMMEDIATE</c>: one writer at a time, readers see the last commit; a process killed
/// mid-write leaves a journal that SQLite rolls back on the next open). Geometries are GeoPackage binary
/// blobs in WGS84 (EPSG:4326), so QGIS opens the file and shows the layers units, roads, demand, stations,
/// teams, needs, candidates, public_buildings and circles. See docs/storage.md for the schema.
/// </summary>
public sealed class GeoPackageStore : IWorkspaceStore
{
    private readonly Store store;

    /// <summary>Creates a store over the file at <paramref name="path"/> (created on first use; its folder must exist).</summary>
    public GeoPackageStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        store = new Store(System.IO.Path.GetFullPath(path));
    }

    /// <summary>The full path of the file.</summary>
    public string FilePath => store.FilePath;

    /// <inheritdoc />
    public string Description => store.Description;

    /// <summary>Test hook: see <see cref="SqlWorkspaceStore.RowsWritten"/>.</summary>
    internal SqlWorkspaceStore Inner => store;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken) => store.ListRegionsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegionHeader>> ListRegionHeadersAsync(CancellationToken cancellationToken) => store.ListRegionHeadersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Core.Model.Region>?> GetRegionAsync(string name, CancellationToken cancellationToken) => store.GetRegionAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(Core.Model.Region region, long? expectedVersion, CancellationToken cancellationToken) => store.SaveRegionAsync(region, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(string name, Core.Model.Region region, long? expectedVersion, CancellationToken cancellationToken) => store.SaveRegionAsync(name, region, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken) => store.DeleteRegionAsync(name, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredScenarioVersion>> ListScenariosAsync(CancellationToken cancellationToken) => store.ListScenariosAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Core.Scenarios.Scenario>?> GetScenarioAsync(Core.Scenarios.ScenarioKey key, CancellationToken cancellationToken) => store.GetScenarioAsync(key, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveScenarioAsync(Core.Scenarios.Scenario scenario, long? expectedVersion, CancellationToken cancellationToken) => store.SaveScenarioAsync(scenario, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task DeleteScenarioAsync(Core.Scenarios.ScenarioKey key, long expectedVersion, CancellationToken cancellationToken) => store.DeleteScenarioAsync(key, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveResultAsync(ScenarioResult result, long? expectedVersion, CancellationToken cancellationToken) => store.SaveResultAsync(result, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<ScenarioResult>?> GetResultAsync(Core.Scenarios.ScenarioKey scenario, string name, CancellationToken cancellationToken) => store.GetResultAsync(scenario, name, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => store.DisposeAsync();

    private sealed class Store(string path) : SqlWorkspaceStore
    {
        // Plain 2D blobs: the writer otherwise adds NaN Z and M ordinates, which gpkg_geometry_columns (z = 0, m = 0) forbids.
        private readonly GeoPackageGeoWriter geoWriter = new() { HandleOrdinates = Ordinates.XY };
        private readonly GeoPackageGeoReader geoReader = new() { HandleSRID = true };

        public string FilePath => path;

        public override string Description => $"GeoPackage {path}";

        protected override string LockForUpdate => string.Empty;

        protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var folder = System.IO.Path.GetDirectoryName(path);
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new StoreUnavailableException(Description, $"folder {folder} does not exist", null);
            }

            // No pooling: a closed store holds no file handle, so the file can be moved, deleted or opened by QGIS.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // A 64 MB page cache keeps a large import's pages in memory until commit instead of spilling them.
            await using var pragma = Command(connection, null, "PRAGMA cache_size = -65536");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }

        protected override async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var tx = await BeginAsync(connection, forWrite: true, cancellationToken).ConfigureAwait(false);
            await using var cmd = Command(connection, tx, GeoPackageSchema.Sql());
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            // CREATE TABLE IF NOT EXISTS leaves a table from an older workspace as it was: add the columns a
            // layer has gained since (e.g. teams.registered_members), empty for the rows already there.
            foreach (var layer in Layers.All)
            {
                var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await using (var info = Command(connection, tx, $"SELECT name FROM pragma_table_info('{layer.Table}')"))
                await using (var reader = await info.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        present.Add(reader.GetString(0));
                    }
                }

                foreach (var column in layer.Columns.Where(c => !present.Contains(c.Name)))
                {
                    await using var alter = Command(connection, tx, $"ALTER TABLE {layer.Table} ADD COLUMN {GeoPackageSchema.ColumnDefinition(column, layer, forAlter: true)}");
                    await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var needed = Command(connection, tx, ScenarioKeyUpgrade.NeededSql))
            {
                if (Convert.ToInt64(await needed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1)
                {
                    await using var upgrade = Command(connection, tx, ScenarioKeyUpgrade.Sql());
                    await upgrade.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override async Task<DbTransaction> BeginAsync(DbConnection connection, bool forWrite, CancellationToken cancellationToken) =>
            forWrite
                ? ((SqliteConnection)connection).BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        protected override Task<IRowWriter> OpenRowWriterAsync(DbConnection connection, DbTransaction transaction, Layer layer, CancellationToken cancellationToken)
        {
            var names = layer.Columns.Select(c => c.Name).ToArray();
            var cmd = Command(connection, transaction, $"INSERT INTO {layer.Table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})");
            foreach (var name in names)
            {
                cmd.Parameters.Add(new SqliteParameter("@" + name, null));
            }

            return Task.FromResult<IRowWriter>(new InsertWriter(cmd, this));
        }

        protected override void AddParameter(DbCommand command, string name, object? value) =>
            command.Parameters.Add(new SqliteParameter("@" + name, ToDb(value)));

        protected override Geometry ReadGeometry(DbDataReader reader, int ordinal) => geoReader.Read((byte[])reader.GetValue(ordinal));

        protected override string? UnavailableReason(Exception exception) => exception switch
        {
            SqliteException { SqliteErrorCode: 14 } e => $"cannot open the file ({e.Message})",
            SqliteException { SqliteErrorCode: 26 or 11 } e => $"the file is not a GeoPackage/SQLite database or is damaged ({e.Message})",
            SqliteException { SqliteErrorCode: 5 or 6 } e => $"the file is locked by another program ({e.Message})",
            SqliteException { SqliteErrorCode: 8 or 10 or 13 or 23 } e => $"the file cannot be written ({e.Message})",
            IOException e => e.Message,
            UnauthorizedAccessException e => e.Message,
            _ => null,
        };

        protected override bool IsUniqueViolation(Exception exception) =>
            exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

        private object ToDb(object? value) => value switch
        {
            null => DBNull.Value,
            Geometry g => geoWriter.Write(g),
            JsonText j => j.Text,
            _ => value,
        };

        private sealed class InsertWriter(DbCommand command, Store owner) : IRowWriter
        {
            public async Task WriteAsync(object?[] values, CancellationToken cancellationToken)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = owner.ToDb(values[i]);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public ValueTask DisposeAsync() => command.DisposeAsync();
        }
    }
}
