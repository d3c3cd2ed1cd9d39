namespace Planner.Storage;

/// <summary>A save or delete based on a version that is no longer the stored one: reload, reapply, retry.</summary>
public sealed class VersionConflictException : Exception
{
    /// <summary>Creates the exception for a document.</summary>
    /// <param name="kind">region, scenario or result.</param>
    /// <param name="name">Its name.</param>
    /// <param name="expected">The version the caller based its change on (null: expected it not to exist).</param>
    /// <param name="actual">The stored version (null: it does not exist).</param>
    public VersionConflictException(string kind, string name, long? expected, long? actual)
        : base($"{kind} '{name}' was changed by someone else: the save was based on {Describe(expected)} but the store has {Describe(actual)}")
    {
        Kind = kind;
        Name = name;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>Creates the exception with a message.</summary>
    public VersionConflictException()
        : this("document", string.Empty, null, null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public VersionConflictException(string message)
        : base(message)
    {
        Kind = Name = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public VersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = Name = string.Empty;
    }

    /// <summary>region, scenario or result.</summary>
    public string Kind { get; }

    /// <summary>Name of the document.</summary>
    public string Name { get; }

    /// <summary>The version the refused save was based on (null: none).</summary>
    public long? ExpectedVersion { get; }

    /// <summary>The stored version (null: not stored).</summary>
    public long? ActualVersion { get; }

    private static string Describe(long? v) => v is { } n ? $"version {n}" : "no version (a new one)";
}

/// <summary>
/// The store cannot be reached or opened (server down, wrong port, file not a GeoPackage, locked). The
/// message names the connection (never its password) and the reason; nothing was written, and the same
/// call can be retried once the store is back.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">The store's description (path, or host:port/database).</param>
    /// <param name="reason">Why it is unavailable.</param>
    /// <param name="innerException">The driver's exception.</param>
    public StoreUnavailableException(string store, string reason, Exception? innerException)
        : base($"store {store} is unavailable: {reason}", innerException)
    {
        Store = store;
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
        : this("(unknown)", "unavailable", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
        Store = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Store = string.Empty;
    }

    /// <summary>The store's description, without a password.</summary>
    public string Store { get; }
}
