using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Sqlite;

/// <summary>
/// SQLite under the shared SQL: money as INTEGER millionths, times as INTEGER microseconds (UTC). Every connection
/// is set for durable commits (synchronous=FULL in WAL mode), a busy timeout and enforced foreign keys.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).</summary>
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;
    private readonly string _pragmas;

    public SqliteDialect(SqliteStoreOptions options)
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    }

    public string ConnectionString { get; }

    // Microsoft.Data.Sqlite does its work synchronously even in its async methods, so opening is synchronous here.
    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(Open());

    /// <summary>An open connection with this store's settings applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public object Money(decimal amount) => ExactMoney.ToMillionths(amount);

    public decimal ReadMoney(DbDataReader reader, int ordinal) => ExactMoney.FromMillionths(reader.GetInt64(ordinal));

    public object Time(DateTimeOffset time) => UtcMicroseconds.From(time);

    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => UtcMicroseconds.To(reader.GetInt64(ordinal));

    public bool IsUniqueViolation(DbException error) =>
        error is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    /// <summary>The predicate of SQLite's queue index (its updates rewrite the row whatever the index says).</summary>
    public string QueuedPart => "p.status = 1";
}
