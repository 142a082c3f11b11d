using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// StoreReceipt set-based, for receipts that wait (no part matched) or match a part of a one-part message, whose
/// status is its part's with no roll-up (<see cref="BatchProbe"/> found the part; receipts for longer messages take
/// pigeon_store_receipt). As the function: the receipt is kept, with its part when matched, else waiting under each
/// lookup key; a final status is applied to a part not final yet, with its event; the message takes it and, when
/// its registered_delivery asks, the customer's receipt is queued. Receipt ids are drawn before the insert, so each
/// row of the answer names its command. No two receipts of the set share a part or a key (<see cref="BatchPartition"/>).
/// </summary>
internal sealed class StoreReceiptSet : ISetStatement
{
    // A receipt's lookup keys (at most three: ReceiptMessageId.GetLookupKeys) travel as three columns, and the
    // answer is one row per receipt stored, part finished and message finished, so that nothing in the statement
    // joins one row set of the batch to another (the writer's planner joins by nested loops only).
    private const string Sql = """
        WITH stored AS MATERIALIZED (
            SELECT nextval('receipts_id_seq') AS id, u.*
            FROM unnest($1::integer[], $2::bigint[], $3::text[], $4::integer[], $5::text[], $6::timestamptz[],
                $7::timestamptz[], $8::bigint[], $9::text[], $10::text[], $11::text[])
                AS u (ord, supplier, supplier_message_id, status, error, done_at, received_at, part, key1, key2, key3)
        ), receipt_rows AS (
            INSERT INTO receipts (id, supplier_id, supplier_message_id, status, error, done_at, received_at, part_id)
            SELECT id, supplier, supplier_message_id, status, error, done_at, received_at, part FROM stored
        ), waits AS (
            INSERT INTO receipt_waits (supplier_id, match_key, receipt_id)
            SELECT s.supplier, k.match_key, s.id
            FROM stored s CROSS JOIN LATERAL (VALUES (s.key1), (s.key2), (s.key3)) AS k (match_key)
            WHERE s.part IS NULL AND k.match_key IS NOT NULL
            ON CONFLICT DO NOTHING
        ), finished_parts AS (
            UPDATE message_parts p SET status = s.status
            FROM stored s
            WHERE p.id = s.part AND p.status < 3 AND s.status >= 3
            RETURNING s.ord, p.id AS part, p.message_id, s.supplier, s.status, s.error, s.received_at,
                COALESCE(s.done_at, s.received_at) AS at
        ), events AS (
            INSERT INTO message_events (message_id, part_id, kind, status, supplier_id, detail, at)
            SELECT message_id, part, 3, status, supplier, error, received_at FROM finished_parts ORDER BY ord
        ), finished_messages AS (
            UPDATE messages m SET status = f.status, error = COALESCE(f.error, m.error), done_at = f.at
            FROM finished_parts f
            WHERE m.id = f.message_id AND m.status < 3 AND m.part_count = 1
            RETURNING f.ord, m.id, m.status, m.error, m.source, m.source_ton, m.source_npi, m.destination, m.created_at,
                f.at, f.received_at,
                CASE WHEN m.smpp_account_id IS NOT NULL AND pigeon_receipt_owed(m.registered_delivery, m.status)
                    THEN m.smpp_account_id END AS notify
        ), owed AS (
            INSERT INTO customer_receipts (smpp_account_id, message_id, status, error, source, destination, destination_ton,
                destination_npi, submitted_at, done_at, created_at)
            SELECT notify, id, status, error, destination, source, source_ton, source_npi, created_at, at, received_at
            FROM finished_messages WHERE notify IS NOT NULL ORDER BY ord
        )
        SELECT 1 AS answer, ord, id, part, NULL::integer, NULL::bigint FROM stored
        UNION ALL SELECT 2, ord, NULL, NULL, NULL, NULL FROM finished_parts
        UNION ALL SELECT 3, ord, id, NULL, status, notify FROM finished_messages
        """;

    private const int Stored = 1;
    private const int PartFinished = 2;
    private const int MessageFinished = 3;

    private readonly List<(int Index, ReceiptRecord Receipt, long? Part, IReadOnlyList<string> Keys)> _receipts = [];

    public int Count => _receipts.Count;

    public void Clear() => _receipts.Clear();

    /// <summary>A receipt matching <paramref name="part"/>, or waiting under <paramref name="lookupKeys"/> when that is null.</summary>
    public void Add(int index, StoreReceipt command, long? part, IReadOnlyList<string> lookupKeys)
    {
        if (lookupKeys.Count is 0 or > 3)
        {
            throw new ArgumentException($"A receipt has one to three lookup keys, not {lookupKeys.Count}.", nameof(lookupKeys));
        }

        _receipts.Add((index, command.Receipt, part, lookupKeys));
    }

    public NpgsqlBatchCommand Build()
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.AddRange(new[]
        {
            Column(_receipts, NpgsqlDbType.Integer, r => r.Index),
            Column(_receipts, NpgsqlDbType.Bigint, r => r.Receipt.SupplierId),
            Column(_receipts, NpgsqlDbType.Text, r => r.Receipt.SupplierMessageId),
            Column(_receipts, NpgsqlDbType.Integer, r => (int)r.Receipt.Status),
            Column(_receipts, NpgsqlDbType.Text, r => r.Receipt.Error),
            TimeColumn(_receipts, r => r.Receipt.DoneAt),
            TimeColumn(_receipts, r => r.Receipt.ReceivedAt),
            Column(_receipts, NpgsqlDbType.Bigint, r => r.Part),
            Column(_receipts, NpgsqlDbType.Text, r => r.Keys[0]),
            Column(_receipts, NpgsqlDbType.Text, r => r.Keys.Count > 1 ? r.Keys[1] : null),
            Column(_receipts, NpgsqlDbType.Text, r => r.Keys.Count > 2 ? r.Keys[2] : null),
        });
        return command;
    }

    public async ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        foreach (var receipt in _receipts)
        {
            results.Span[receipt.Index] = default;
        }

        var stored = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(1);
            var result = results.Span[index];
            results.Span[index] = reader.GetInt32(0) switch
            {
                Stored => result with
                {
                    Id = reader.GetInt64(2),
                    PartId = reader.IsDBNull(3) ? null : new MessageId(reader.GetInt64(3)),
                },
                PartFinished => result with { Changed = true },
                MessageFinished => result with
                {
                    FinishedMessageId = new MessageId(reader.GetInt64(2)),
                    FinishedStatus = (MessageStatus)reader.GetInt32(4),
                    NotifySmppAccountId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                },
                var answer => throw new InvalidOperationException($"Unknown answer {answer} of the receipt statement."),
            };
            stored += reader.GetInt32(0) == Stored ? 1 : 0;
        }

        if (stored != _receipts.Count)
        {
            throw new InvalidOperationException($"{stored} of {_receipts.Count} receipts were stored.");
        }
    }
}
