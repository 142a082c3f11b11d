using System.Data.Common;
using Npgsql;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Postgres;

/// <summary>PostgreSQL under the shared SQL: numeric money, timestamptz times, pooled connections of one data source.</summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : ISqlDialect
{
    /// <summary>unique_violation.</summary>
    private const string UniqueViolation = "23505";

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public object Money(decimal amount) => ExactMoney.Check(amount);

    public decimal ReadMoney(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    public object Time(DateTimeOffset time) => time.UtcDateTime;

    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: UniqueViolation };

    /// <summary>The generated column the queue index is defined on (Migrations/0014).</summary>
    public string QueuedPart => "p.queued";
}
