using System.Text.Json;
using Npgsql;

namespace Planner.Api.Jobs.Batches;

/// <summary>A batch as stored.</summary>
/// <param name="Id">Batch id.</param>
/// <param name="Created">Created at.</param>
/// <param name="Scope">Scope of the key that made it; keys whose scope it starts with see it.</param>
/// <param name="Parameters">What each county computes.</param>
internal sealed record BatchHeader(string Id, DateTimeOffset Created, string Scope, BatchParameters Parameters);

/// <summary>
/// Batches and county results in PostGIS, beside the regions (the store's schema): a county result is keyed by
/// (region, region version, parameters) and inserted once (<c>ON CONFLICT DO NOTHING</c>), whichever worker
/// and however many attempts computed it.
/// </summary>
internal sealed class BatchStore(string connectionString) : IAsyncDisposable
{
    // Under an advisory lock: two workers starting at once must not race to create the same tables.
    private const string Schema = """
        SELECT pg_advisory_lock(7150015);
        CREATE TABLE IF NOT EXISTS planner_batches (
            id text PRIMARY KEY, created timestamptz NOT NULL, scope text NOT NULL, parameters text NOT NULL);
        CREATE TABLE IF NOT EXISTS planner_batch_counties (
            batch_id text NOT NULL REFERENCES planner_batches(id) ON DELETE CASCADE, region text NOT NULL, code text NOT NULL,
            region_version bigint NOT NULL, parameters text NOT NULL, PRIMARY KEY (batch_id, region));
        CREATE TABLE IF NOT EXISTS planner_county_results (
            region text NOT NULL, region_version bigint NOT NULL, parameters text NOT NULL, status text NOT NULL,
            summary jsonb NOT NULL, computed timestamptz NOT NULL DEFAULT now(), worker text NOT NULL,
            PRIMARY KEY (region, region_version, parameters));
        SELECT pg_advisory_unlock(7150015);
        """;

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    /// <summary>Records a batch and its counties (key, code, version) in one transaction.</summary>
    public async Task CreateAsync(BatchHeader batch, IReadOnlyList<(string Region, string Code, long Version)> counties, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand("INSERT INTO planner_batches (id, created, scope, parameters) VALUES ($1, $2, $3, $4)", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = batch.Id });
            insert.Parameters.Add(new() { Value = batch.Created });
            insert.Parameters.Add(new() { Value = batch.Scope });
            insert.Parameters.Add(new() { Value = batch.Parameters.Key });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY planner_batch_counties (batch_id, region, code, region_version, parameters) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (region, code, version) in counties)
            {
                await copy.WriteRowAsync(cancellationToken, batch.Id, region, code, version, batch.Parameters.Key).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the county already has a result for these parameters.</summary>
    public async Task<bool> HasResultAsync(string region, long version, string parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1 FROM planner_county_results WHERE region = $1 AND region_version = $2 AND parameters = $3", connection);
        command.Parameters.Add(new() { Value = region });
        command.Parameters.Add(new() { Value = version });
        command.Parameters.Add(new() { Value = parameters });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Stores a county result unless one is stored for its key; true when this call stored it.</summary>
    public async Task<bool> SaveResultAsync(CountyOutcome outcome, string parameters, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO planner_county_results (region, region_version, parameters, status, summary, worker)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING
            """, connection);
        command.Parameters.Add(new() { Value = outcome.Region });
        command.Parameters.Add(new() { Value = outcome.Version });
        command.Parameters.Add(new() { Value = parameters });
        command.Parameters.Add(new() { Value = outcome.Status });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(outcome, JsonSerializerOptions.Web) });
        command.Parameters.Add(new() { Value = worker });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>A batch by id, or null.</summary>
    public async Task<BatchHeader?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT id, created, scope, parameters FROM planner_batches WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new BatchHeader(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), BatchParameters.Read(reader.GetString(3)))
            : null;
    }

    /// <summary>Every county of a batch with its stored result (status queued while it has none), by region key.</summary>
    public async Task<IReadOnlyList<CountyOutcome>> CountiesAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT c.region, c.code, c.region_version, r.summary::text FROM planner_batch_counties c
            LEFT JOIN planner_county_results r ON r.region = c.region AND r.region_version = c.region_version AND r.parameters = c.parameters
            WHERE c.batch_id = $1 ORDER BY c.code, c.region
            """, connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counties = new List<CountyOutcome>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counties.Add(reader.IsDBNull(3)
                ? new CountyOutcome(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), JobStatus.Queued, new Dictionary<string, double>(), [], [])
                : JsonSerializer.Deserialize<CountyOutcome>(reader.GetString(3), JsonSerializerOptions.Web)!);
        }

        return counties;
    }

    /// <summary>How many results are stored for a region (the "stored once" check).</summary>
    public async Task<long> ResultCountAsync(string region, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM planner_county_results WHERE region = $1", connection);
        command.Parameters.Add(new() { Value = region });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!Volatile.Read(ref _ready))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_ready)
                {
                    await using var create = new NpgsqlCommand(Schema, connection);
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref _ready, true);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return connection;
    }
}
