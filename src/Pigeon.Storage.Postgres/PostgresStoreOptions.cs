namespace Pigeon.Storage.Postgres;

/// <summary>How the PostgreSQL store reaches its database.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password, pool sizes ...).</summary>
    public required string ConnectionString { get; init; }
}
