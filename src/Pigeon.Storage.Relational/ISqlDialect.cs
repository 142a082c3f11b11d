using System.Data.Common;

namespace Pigeon.Storage.Relational;

/// <summary>
/// What differs between the engines under the shared SQL: how connections open, how money and times are stored
/// (SQLite has neither an exact decimal nor a time type; PostgreSQL has numeric and timestamptz), and the condition
/// the engine's dispatch queue index is defined on.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>An open connection for reads or a provisioning transaction (pooled by the engine's provider).</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A parameter value for an amount (already checked by <see cref="ExactMoney"/>).</summary>
    object Money(decimal amount);

    decimal ReadMoney(DbDataReader reader, int ordinal);

    /// <summary>A parameter value for a point in time, stored in UTC to the microsecond.</summary>
    object Time(DateTimeOffset time);

    DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>True when <paramref name="error"/> is the engine's unique-constraint violation.</summary>
    bool IsUniqueViolation(DbException error);

    /// <summary>
    /// "Part p waits in its supplier's queue", written exactly as the predicate of the engine's partial queue index
    /// (ix_message_parts_queue), so the index serves the queue's reads.
    /// </summary>
    string QueuedPart { get; }
}
