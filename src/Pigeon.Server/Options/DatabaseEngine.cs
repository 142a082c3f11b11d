namespace Pigeon.Server.Options;

/// <summary>The storage engines Pigeon runs on.</summary>
public enum DatabaseEngine
{
    /// <summary>An embedded SQLite file: the zero-configuration default.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server: for volume and for several nodes.</summary>
    Postgres,
}
