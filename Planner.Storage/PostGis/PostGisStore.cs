using System.Data.Common;
using System.Net.Sockets;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Planner.Core.Model;
using Planner.Core.Scenarios;
using Planner.Storage.Sql;

namespace Planner.Storage.PostGis;

/// <summary>
/// A workspace in a PostgreSQL schema with PostGIS, through Npgsql and its NetTopologySuite plugin. The
/// schema is the first entry of the connection string's <c>Search Path</c> (default <c>planner</c>); the
/// embedded SQL migrations are applied on first use. Features are written with binary COPY inside the
/// save's transaction; the version row is locked (<c>SELECT ... FOR UPDATE</c>) so concurrent saves from
/// the same version serialise and the second is refused. Geometry columns carry GiST indexes.
/// </summary>
public sealed class PostGisStore : IWorkspaceStore
{
    private readonly Store store;

    /// <summary>Creates a store for a connection string (<c>Host=...;Port=...;Database=...;Username=...</c>); nothing is opened yet.</summary>
    public PostGisStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.SearchPath))
        {
            builder.SearchPath = "planner, public";
        }

        Schema = builder.SearchPath.Split(',')[0].Trim().Trim('"');
        if (!builder.SearchPath.Split(',').Any(s => s.Trim() == "public"))
        {
            builder.SearchPath += ", public";
        }

        var description = $"PostGIS {builder.Host}:{builder.Port}/{builder.Database} (schema {Schema}, user {builder.Username})";
        var sources = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        sources.UseNetTopologySuite();
        store = new Store(sources.Build(), Schema, description);
    }

    /// <summary>The PostgreSQL schema holding the workspace.</summary>
    public string Schema { get; }

    /// <inheritdoc />
    public string Description => store.Description;

    /// <summary>The shared store logic, for tests.</summary>
    internal SqlWorkspaceStore Inner => store;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredVersion>> ListRegionsAsync(CancellationToken cancellationToken) => store.ListRegionsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegionHeader>> ListRegionHeadersAsync(CancellationToken cancellationToken) => store.ListRegionHeadersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Region>?> GetRegionAsync(string name, CancellationToken cancellationToken) => store.GetRegionAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(Region region, long? expectedVersion, CancellationToken cancellationToken) => store.SaveRegionAsync(region, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveRegionAsync(string name, Region region, long? expectedVersion, CancellationToken cancellationToken) => store.SaveRegionAsync(name, region, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task DeleteRegionAsync(string name, long expectedVersion, CancellationToken cancellationToken) => store.DeleteRegionAsync(name, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredScenarioVersion>> ListScenariosAsync(CancellationToken cancellationToken) => store.ListScenariosAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<Scenario>?> GetScenarioAsync(ScenarioKey key, CancellationToken cancellationToken) => store.GetScenarioAsync(key, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveScenarioAsync(Scenario scenario, long? expectedVersion, CancellationToken cancellationToken) => store.SaveScenarioAsync(scenario, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task DeleteScenarioAsync(ScenarioKey key, long expectedVersion, CancellationToken cancellationToken) => store.DeleteScenarioAsync(key, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveResultAsync(ScenarioResult result, long? expectedVersion, CancellationToken cancellationToken) => store.SaveResultAsync(result, expectedVersion, cancellationToken);

    /// <inheritdoc />
    public Task<Versioned<ScenarioResult>?> GetResultAsync(ScenarioKey scenario, string name, CancellationToken cancellationToken) => store.GetResultAsync(scenario, name, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => store.DisposeAsync();

    private sealed class Store(NpgsqlDataSource dataSource, string schema, string description) : SqlWorkspaceStore
    {
        public override string Description => description;

        protected override string LockForUpdate => " FOR UPDATE";

        public override async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
            await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        protected override Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Migrator.MigrateAsync((NpgsqlConnection)connection, schema, cancellationToken);

        protected override async Task<DbTransaction> BeginAsync(DbConnection connection, bool forWrite, CancellationToken cancellationToken) =>
            await ((NpgsqlConnection)connection).BeginTransactionAsync(
                forWrite ? System.Data.IsolationLevel.ReadCommitted : System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        protected override async Task<IRowWriter> OpenRowWriterAsync(DbConnection connection, DbTransaction transaction, Layer layer, CancellationToken cancellationToken)
        {
            var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY {layer.Table} ({layer.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            return new CopyWriter(importer, layer);
        }

        protected override void AddParameter(DbCommand command, string name, object? value) =>
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter(name, DBNull.Value),
                JsonText { Exact: true } j => new NpgsqlParameter(name, NpgsqlDbType.Json) { Value = j.Text },
                JsonText j => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = j.Text },
                DateTime d => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = d },
                _ => new NpgsqlParameter(name, value),
            });

        protected override Geometry ReadGeometry(DbDataReader reader, int ordinal) => reader.GetFieldValue<Geometry>(ordinal);

        protected override string? UnavailableReason(Exception exception) => exception switch
        {
            PostgresException { SqlState: var s } e when s.StartsWith("08", StringComparison.Ordinal) || s.StartsWith("57P", StringComparison.Ordinal)
                || s.StartsWith("28", StringComparison.Ordinal) || s is "3D000" or "53300" => $"{e.MessageText} ({s})",
            PostgresException => null,
            NpgsqlException { InnerException: SocketException se } => $"cannot connect: {se.Message}",
            NpgsqlException { InnerException: TimeoutException } e => $"timed out: {e.Message}",
            NpgsqlException e => e.Message,
            SocketException se => $"cannot connect: {se.Message}",
            _ => null,
        };

        protected override bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        private sealed class CopyWriter(NpgsqlBinaryImporter importer, Layer layer) : IRowWriter
        {
            public async Task WriteAsync(object?[] values, CancellationToken cancellationToken)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < values.Length; i++)
                {
                    var value = values[i];
                    var task = value is null ? importer.WriteNullAsync(cancellationToken) : layer.Columns[i].Type switch
                    {
                        ColumnType.Text => importer.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken),
                        ColumnType.Json => importer.WriteAsync((string)value, NpgsqlDbType.Jsonb, cancellationToken),
                        ColumnType.Integer => importer.WriteAsync((int)(long)value, NpgsqlDbType.Integer, cancellationToken),
                        ColumnType.Real => importer.WriteAsync((double)value, NpgsqlDbType.Double, cancellationToken),
                        _ => importer.WriteAsync((Geometry)value, NpgsqlDbType.Geometry, cancellationToken),
                    };
                    await task.ConfigureAwait(false);
                }
            }

            public async Task CompleteAsync(CancellationToken cancellationToken) =>
                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);

            public ValueTask DisposeAsync() => importer.DisposeAsync();
        }
    }
}
