using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// RecordSupplierAccepted set-based, for parts no receipt waits for (<see cref="BatchProbe"/> asked; those that
/// have waiting receipts take pigeon_record_supplier_accepted, which applies them): each part Accepted becomes
/// Enroute, its message Enroute (first submission time kept), the id map and the event are written, as the function
/// does. No two commands of the set name one message or one match key (<see cref="BatchPartition"/>), so no row is
/// changed twice by the statement.
/// </summary>
internal sealed class SupplierAcceptedSet : ISetStatement
{
    // The look-up by id must be served by the primary key alone (see Migrations/0008): "status <= 1" matched no
    // partial index's predicate when the queue index was defined on "status = 1"; since Migrations/0014 it is
    // defined on the generated column queued, which no status test matches either.
    private const string Sql = """
        WITH accepted AS (
            UPDATE message_parts p
            SET status = 2, supplier_id = u.supplier, supplier_message_id = u.supplier_message_id, attempts = p.attempts + 1
            FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[])
                AS u (ord, part, supplier, supplier_message_id, match_key, at)
            WHERE p.id = u.part AND p.status <= 1
            RETURNING u.ord, p.id AS part, p.message_id, u.supplier, u.supplier_message_id, u.match_key, u.at
        ), enroute AS (
            UPDATE messages m SET status = 2, supplier_id = a.supplier, submitted_at = COALESCE(m.submitted_at, a.at)
            FROM accepted a
            WHERE m.id = a.message_id AND m.status = 1
        ), id_map AS (
            INSERT INTO supplier_message_ids (supplier_id, match_key, part_id)
            SELECT supplier, match_key, part FROM accepted
            ON CONFLICT (supplier_id, match_key) DO UPDATE SET part_id = EXCLUDED.part_id
        ), events AS (
            INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at)
            SELECT message_id, part, 1, 2, supplier, supplier_message_id, at FROM accepted ORDER BY ord
        )
        SELECT ord FROM accepted
        """;

    private readonly List<(int Index, RecordSupplierAccepted Command)> _commands = [];

    public int Count => _commands.Count;

    public void Clear() => _commands.Clear();

    public void Add(int index, RecordSupplierAccepted command) => _commands.Add((index, command));

    public NpgsqlBatchCommand Build()
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.AddRange(new[]
        {
            Column(_commands, NpgsqlDbType.Integer, c => c.Index),
            Column(_commands, NpgsqlDbType.Bigint, c => c.Command.PartId.Value),
            Column(_commands, NpgsqlDbType.Bigint, c => c.Command.SupplierId),
            Column(_commands, NpgsqlDbType.Text, c => c.Command.SupplierMessageId),
            Column(_commands, NpgsqlDbType.Text, c => ReceiptMessageId.Normalize(c.Command.SupplierMessageId)),
            TimeColumn(_commands, c => c.Command.At),
        });
        return command;
    }

    /// <summary>A part past Accepted was a repeat: not changed, nothing matched.</summary>
    public ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken) =>
        ChangedRows.ReadAsync(reader, results, _commands, cancellationToken);
}
