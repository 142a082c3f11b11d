namespace Pigeon.Storage.Sqlite;

/// <summary>Where and how the SQLite store keeps its file.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file (created with its directory when missing), e.g. "./data/pigeon.db".</summary>
    public required string Path { get; init; }

    /// <summary>How long a statement waits for another connection's lock before it fails.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
