using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Storage;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// MarkCustomerReceiptDelivered set-based: each customer receipt still pending becomes delivered. As in
/// pigeon_mark_customer_receipt_delivered, the rows are read (and locked) by id alone and their state tested
/// afterwards, outside the look-up, so no partial index's predicate matches the look-up and only the primary key
/// serves it (see Migrations/0008). No two commands of the set name one receipt, and a batch that expires customer
/// receipts runs its deliveries through the function in order (<see cref="BatchPartition"/>).
/// </summary>
internal sealed class ReceiptDeliveredSet : ISetStatement
{
    private const string Sql = """
        WITH current AS MATERIALIZED (
            SELECT u.ord, c.id, u.at, c.delivered_at, c.expired_at
            FROM unnest($1::integer[], $2::bigint[], $3::timestamptz[]) AS u (ord, id, at)
            JOIN customer_receipts c ON c.id = u.id
            FOR UPDATE OF c
        )
        UPDATE customer_receipts c SET delivered_at = r.at
        FROM current r
        WHERE c.id = r.id AND r.delivered_at IS NULL AND r.expired_at IS NULL
        RETURNING r.ord
        """;

    private readonly List<(int Index, MarkCustomerReceiptDelivered Command)> _commands = [];

    public int Count => _commands.Count;

    public void Clear() => _commands.Clear();

    public void Add(int index, MarkCustomerReceiptDelivered command) => _commands.Add((index, command));

    public NpgsqlBatchCommand Build()
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.AddRange(new[]
        {
            Column(_commands, NpgsqlDbType.Integer, c => c.Index),
            Column(_commands, NpgsqlDbType.Bigint, c => c.Command.Id),
            TimeColumn(_commands, c => c.Command.At),
        });
        return command;
    }

    /// <summary>A receipt already delivered or expired (or unknown) is not changed.</summary>
    public ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken) =>
        ChangedRows.ReadAsync(reader, results, _commands, cancellationToken);
}
