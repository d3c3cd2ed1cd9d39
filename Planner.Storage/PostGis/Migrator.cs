using System.Globalization;
using Npgsql;

namespace Planner.Storage.PostGis;

/// <summary>
/// Applies the embedded SQL migrations (<c>PostGis/Migrations/NNN_name.sql</c>) in order, each once,
/// recording them in <c>schema_migrations</c>. All pending migrations run in one transaction under an
/// advisory lock, so two processes opening the same schema at once do not both migrate it.
/// </summary>
internal static class Migrator
{
    private const string Prefix = "Planner.Storage.PostGis.Migrations.";

    /// <summary>The embedded migrations: version, name and SQL, by version.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    /// <summary>Creates the schema if needed and applies pending migrations; returns how many were applied.</summary>
    public static Task<int> MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        MigrateAsync(connection, schema, int.MaxValue, cancellationToken);

    /// <summary>Applies the pending migrations up to version <paramref name="upTo"/> (tests build an older schema with it).</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, int upTo, CancellationToken cancellationToken)
    {
        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, tx, $"SELECT pg_advisory_xact_lock(hashtext('planner-migrations:' || @schema))", cancellationToken, schema).ConfigureAwait(false);
        await Execute(connection, tx, $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            CREATE TABLE IF NOT EXISTS {quoted}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        await using (var cmd = new NpgsqlCommand($"SELECT version FROM {quoted}.schema_migrations", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        int count = 0;
        foreach (var (version, name, sql) in Migrations.Where(m => !applied.Contains(m.Version) && m.Version <= upTo))
        {
            await Execute(connection, tx, $"SET LOCAL search_path TO {quoted}, public;\n{sql}", cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand($"INSERT INTO {quoted}.schema_migrations (version, name) VALUES (@v, @n)", connection, tx);
            record.Parameters.AddWithValue("v", version);
            record.Parameters.AddWithValue("n", name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static async Task Execute(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, string? schema = null)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        if (schema is not null)
        {
            cmd.Parameters.AddWithValue("schema", schema);
        }

        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^4];
            var version = int.Parse(name.Split('_')[0], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((version, name, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }
}
