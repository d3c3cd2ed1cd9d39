namespace Planner.Storage.Sql;

/// <summary>Writes the rows of one feature table inside the current transaction (prepared inserts or binary COPY).</summary>
internal interface IRowWriter : IAsyncDisposable
{
    /// <summary>Writes one row, values in <see cref="Layer.Columns"/> order.</summary>
    Task WriteAsync(object?[] values, CancellationToken cancellationToken);

    /// <summary>Finishes the table; rows not completed are discarded on dispose.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
