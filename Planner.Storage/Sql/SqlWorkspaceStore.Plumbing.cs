using System.Data.Common;

namespace Planner.Storage.Sql;

/// <summary>Connections, transactions, error mapping and small SQL helpers.</summary>
internal abstract partial class SqlWorkspaceStore
{
    /// <summary>Opens a connection with the schema in place; the schema is created at most once per store that succeeds.</summary>
    protected async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!schemaReady)
            {
                await schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!schemaReady)
                    {
                        await CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                        schemaReady = true;
                    }
                }
                finally
                {
                    schemaLock.Release();
                }
            }

            return connection;
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && UnavailableReason(ex) is { } reason)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new StoreUnavailableException(Description, reason, ex);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await read(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && UnavailableReason(ex) is { } reason)
        {
            throw new StoreUnavailableException(Description, reason, ex);
        }
    }

    private async Task<long> WriteAsync(Func<DbConnection, DbTransaction, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var tx = await BeginAsync(connection, forWrite: true, cancellationToken).ConfigureAwait(false);
            var result = await write(connection, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && UnavailableReason(ex) is { } reason)
        {
            throw new StoreUnavailableException(Description, reason, ex);
        }
    }

    /// <summary>
    /// Checks the stored version of a document against the expected one inside the write transaction and
    /// returns the version the write will store; throws <see cref="VersionConflictException"/> otherwise.
    /// </summary>
    private async Task<long> ClaimVersionAsync(DbConnection c, DbTransaction tx, string kind, string table, string where, long? expected, CancellationToken ct, params (string, object?)[] key)
    {
        await using var cmd = Command(c, tx, $"SELECT version FROM {table} WHERE {where}{LockForUpdate}", key);
        var stored = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        if (stored != expected)
        {
            throw new VersionConflictException(kind, string.Join("/", Named(key).Select(k => k.Item2)), expected, stored);
        }

        return (stored ?? 0) + 1;
    }

    /// <summary>
    /// The key parts that name a document in a message: a scenario or result is named within its region
    /// (<c>plan-2027</c>, <c>plan-2027/coverage</c>), so its <c>@region</c> parameter is left out.
    /// </summary>
    private static IEnumerable<(string, object?)> Named((string, object?)[] key) => key.Where(k => k.Item1 != "region");

    private async Task<IReadOnlyList<StoredVersion>> ListAsync(DbConnection c, string sql, CancellationToken ct)
    {
        var list = new List<StoredVersion>();
        await using var cmd = Command(c, null, sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new StoredVersion(reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    private async Task<(string Document, long Version)?> ReadDocumentAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    private async Task<IReadOnlyList<object?[]>> ReadLayerAsync(DbConnection c, DbTransaction tx, Layer layer, string region, CancellationToken ct)
    {
        var columns = RegionRows.ReadColumns(layer);
        var rows = new List<object?[]>();
        await using var cmd = Command(c, tx, $"SELECT {string.Join(", ", columns.Select(x => x.Name))} FROM {layer.Table} WHERE region = @region ORDER BY seq", ("region", region));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var row = new object?[columns.Count];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : columns[i].Type switch
                {
                    ColumnType.Geometry => ReadGeometry(reader, i),
                    ColumnType.Integer => reader.GetInt64(i),
                    ColumnType.Real => reader.GetDouble(i),
                    _ => reader.GetString(i),
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    private async Task WriteRowsAsync(DbConnection c, DbTransaction tx, Layer layer, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = await OpenRowWriterAsync(c, tx, layer, ct).ConfigureAwait(false);
        long count = 0;
        foreach (var row in rows)
        {
            await writer.WriteAsync(row, ct).ConfigureAwait(false);
            if (++count % ProgressEvery == 0)
            {
                RowsWritten?.Invoke(layer.Table, count);
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        try
        {
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            // Another writer created the same document between our version check and this insert.
            throw new VersionConflictException(sql.Split(' ')[2], string.Join("/", Named(parameters).Take(1).Select(p => p.Item2)), null, 1);
        }
    }

    /// <summary>
    /// Updates a document row only if it still has the version claimed in this transaction; the row lock
    /// already guarantees that, and this second check keeps a lost update impossible even without it.
    /// </summary>
    private async Task UpdateVersionedAsync(DbConnection c, DbTransaction tx, string kind, string sql, long version, CancellationToken ct, params (string, object?)[] parameters)
    {
        if (await ExecuteAsync(c, tx, sql + " AND version = @expected", ct, [.. parameters, ("version", version), ("expected", version - 1)]).ConfigureAwait(false) != 1)
        {
            throw new VersionConflictException(kind, string.Join("/", Named(parameters).Take(1).Select(p => p.Item2)), version - 1, null);
        }
    }

    private async Task<long> ScalarAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A command with named parameters (<c>@name</c>, understood by both drivers).</summary>
    protected DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            AddParameter(cmd, name, value);
        }

        return cmd;
    }
}
