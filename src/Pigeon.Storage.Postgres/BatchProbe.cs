using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// What the database says about a batch's commands before they run, read in one round trip at the start of the
/// batch's transaction, so <see cref="BatchPartition"/> can tell which commands share a message: the message of
/// each part a command names (RecordSupplierAccepted, FinishPart, RecordFailover), whether receipts wait for a
/// RecordSupplierAccepted's id, and the part (newest over its lookup keys, as pigeon_store_receipt picks it), the
/// message and the message's part count each receipt will match. Commands of the batch itself change none of this
/// for the commands the set statements run: a command whose answer another command of the batch could change
/// shares a key with it and takes the function path, which looks again when it runs. Reused batch after batch.
/// </summary>
internal sealed class BatchProbe
{
    // Each look-up joins the unnest'ed keys to a table by its whole primary key (see Migrations/0008).
    private const string PartSql = """
        SELECT u.ord, p.message_id, w.receipt_id IS NOT NULL
        FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::text[]) AS u (ord, part, supplier, match_key)
        JOIN message_parts p ON p.id = u.part
        LEFT JOIN LATERAL (
            SELECT w.receipt_id FROM receipt_waits w WHERE w.supplier_id = u.supplier AND w.match_key = u.match_key LIMIT 1
        ) w ON true
        """;

    private const string ReceiptSql = """
        SELECT u.ord, s.part_id, p.message_id, m.part_count
        FROM unnest($1::integer[], $2::bigint[], $3::text[]) AS u (ord, supplier, match_key)
        JOIN supplier_message_ids s ON s.supplier_id = u.supplier AND s.match_key = u.match_key
        LEFT JOIN message_parts p ON p.id = s.part_id
        LEFT JOIN messages m ON m.id = p.message_id
        """;

    private readonly List<(int Index, long Part, long? Supplier, string? MatchKey)> _parts = [];
    private readonly List<(int Index, long Supplier, string MatchKey)> _receiptKeys = [];
    private readonly Dictionary<int, IReadOnlyList<string>> _lookupKeys = [];
    private readonly Dictionary<int, long> _messages = [];
    private readonly HashSet<int> _waiting = [];
    private readonly Dictionary<int, (long Part, long? Message, int? PartCount)> _matches = [];

    /// <summary>False when the batch has neither RecordSupplierAccepted nor StoreReceipt: nothing to ask.</summary>
    public bool IsNeeded { get; private set; }

    /// <summary>Forgets the last batch and notes what to ask about <paramref name="commands"/>.</summary>
    public void Collect(ReadOnlySpan<WriteCommand> commands)
    {
        _parts.Clear();
        _receiptKeys.Clear();
        _lookupKeys.Clear();
        _messages.Clear();
        _waiting.Clear();
        _matches.Clear();
        IsNeeded = false;
        for (var i = 0; i < commands.Length; i++)
        {
            switch (commands[i])
            {
                case RecordSupplierAccepted a:
                    _parts.Add((i, a.PartId.Value, a.SupplierId, ReceiptMessageId.Normalize(a.SupplierMessageId)));
                    IsNeeded = true;
                    break;
                case FinishPart f:
                    _parts.Add((i, f.PartId.Value, null, null));
                    break;
                case RecordFailover f:
                    _parts.Add((i, f.PartId.Value, null, null));
                    break;
                case StoreReceipt { Receipt: var r }:
                    var keys = ReceiptMessageId.GetLookupKeys(r.SupplierMessageId);
                    _lookupKeys[i] = keys;
                    foreach (var key in keys)
                    {
                        _receiptKeys.Add((i, r.SupplierId, key));
                    }

                    IsNeeded = true;
                    break;
            }
        }
    }

    /// <summary>The lookup keys of the receipt at <paramref name="index"/>.</summary>
    public IReadOnlyList<string> LookupKeys(int index) => _lookupKeys[index];

    /// <summary>The message of the part the command at <paramref name="index"/> names; null when no such part is stored.</summary>
    public long? MessageOfPart(int index) => _messages.TryGetValue(index, out var message) ? message : null;

    /// <summary>Receipts wait for the id the RecordSupplierAccepted at <paramref name="index"/> maps.</summary>
    public bool HasWaitingReceipts(int index) => _waiting.Contains(index);

    /// <summary>The part the receipt at <paramref name="index"/> matches, with its message and part count; null when it will wait.</summary>
    public (long Part, long? Message, int? PartCount)? MatchOf(int index) => _matches.TryGetValue(index, out var match) ? match : null;

    public async ValueTask RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (_parts.Count > 0)
        {
            var parts = new NpgsqlBatchCommand(PartSql);
            parts.Parameters.Add(Column(_parts, NpgsqlDbType.Integer, p => p.Index));
            parts.Parameters.Add(Column(_parts, NpgsqlDbType.Bigint, p => p.Part));
            parts.Parameters.Add(Column(_parts, NpgsqlDbType.Bigint, p => p.Supplier));
            parts.Parameters.Add(Column(_parts, NpgsqlDbType.Text, p => p.MatchKey));
            batch.BatchCommands.Add(parts);
        }

        if (_receiptKeys.Count > 0)
        {
            var receipts = new NpgsqlBatchCommand(ReceiptSql);
            receipts.Parameters.Add(Column(_receiptKeys, NpgsqlDbType.Integer, k => k.Index));
            receipts.Parameters.Add(Column(_receiptKeys, NpgsqlDbType.Bigint, k => k.Supplier));
            receipts.Parameters.Add(Column(_receiptKeys, NpgsqlDbType.Text, k => k.MatchKey));
            batch.BatchCommands.Add(receipts);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (_parts.Count > 0)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = reader.GetInt32(0);
                _messages[index] = reader.GetInt64(1);
                if (reader.GetBoolean(2))
                {
                    _waiting.Add(index);
                }
            }

            await reader.NextResultAsync(cancellationToken);
        }

        if (_receiptKeys.Count > 0)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = reader.GetInt32(0);
                var part = reader.GetInt64(1);
                if (!_matches.TryGetValue(index, out var match) || part > match.Part)
                {
                    _matches[index] = (part, reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
                }
            }
        }
    }
}
