using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// AcceptMessage (without a request to remember) set-based: the messages, all their parts and the ledger entries
/// of their charges in one statement, as pigeon_accept_message writes them with p_defer_balance (the running
/// balance moves once per customer at the end of the batch, see <see cref="BatchCharges"/>). Every accept is new
/// rows only, so it changes nothing another command reads unless a command names its message or parts, which
/// <see cref="BatchPartition"/> rules out.
/// </summary>
internal sealed class AcceptMessageSet : ISetStatement
{
    private const string Sql = """
        WITH parts AS (
            INSERT INTO message_parts (id, message_id, part_number, body, esm_class, data_coding, sar_reference,
                sar_total_segments, sar_segment_number, supplier_id, supplier_message_id, status, attempts)
            SELECT * FROM unnest($26::bigint[], $27::bigint[], $28::integer[], $29::bytea[], $30::integer[], $31::integer[],
                $32::integer[], $33::integer[], $34::integer[], $35::bigint[], $36::text[], $37::integer[], $38::integer[])
        ), charges AS (
            INSERT INTO ledger_entries (customer_id, kind, amount, reason, message_id, created_at)
            SELECT u.customer_id, 2, -u.charge, 'message charge', u.id, u.created_at
            FROM unnest($1::bigint[], $2::bigint[], $18::numeric[], $22::timestamptz[]) AS u (id, customer_id, charge, created_at)
            WHERE u.charge <> 0
        )
        INSERT INTO messages (id, customer_id, smpp_account_id, source, source_ton, source_npi, destination, data_coding,
            segments, part_count, client_reference, registered_delivery, valid_until, scheduled_at, route_id, supplier_id,
            price_per_segment, charge, currency, status, error, created_at, submitted_at, done_at, callback_url)
        SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::integer[], $6::integer[], $7::text[],
            $8::integer[], $9::integer[], $10::integer[], $11::text[], $12::integer[], $13::timestamptz[], $14::timestamptz[],
            $15::bigint[], $16::bigint[], $17::numeric[], $18::numeric[], $19::text[], $20::integer[], $21::text[],
            $22::timestamptz[], $23::timestamptz[], $24::timestamptz[], $25::text[])
        RETURNING id
        """;

    private readonly List<int> _indexes = [];
    private readonly List<MessageRecord> _messages = [];
    private readonly List<(MessageRecord Message, MessagePart Part)> _parts = [];

    public int Count => _indexes.Count;

    public void Clear()
    {
        _indexes.Clear();
        _messages.Clear();
        _parts.Clear();
    }

    public void Add(int index, AcceptMessage command)
    {
        if (command.Parts.Count == 0)
        {
            throw new ArgumentException("A message has at least one part.", nameof(command));
        }

        _indexes.Add(index);
        _messages.Add(command.Message);
        foreach (var part in command.Parts)
        {
            _parts.Add((command.Message, part));
        }
    }

    public NpgsqlBatchCommand Build()
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.AddRange(new[]
        {
            Column(_messages, NpgsqlDbType.Bigint, m => m.Id.Value), Column(_messages, NpgsqlDbType.Bigint, m => m.CustomerId),
            Column(_messages, NpgsqlDbType.Bigint, m => m.SmppAccountId), Column(_messages, NpgsqlDbType.Text, m => m.Source),
            Column(_messages, NpgsqlDbType.Integer, m => (int)m.SourceTon), Column(_messages, NpgsqlDbType.Integer, m => (int)m.SourceNpi),
            Column(_messages, NpgsqlDbType.Text, m => m.Destination), Column(_messages, NpgsqlDbType.Integer, m => (int)m.DataCoding),
            Column(_messages, NpgsqlDbType.Integer, m => m.Segments), Column(_messages, NpgsqlDbType.Integer, m => m.PartCount),
            Column(_messages, NpgsqlDbType.Text, m => m.ClientReference), Column(_messages, NpgsqlDbType.Integer, m => (int)m.RegisteredDelivery),
            TimeColumn(_messages, m => m.ValidUntil), TimeColumn(_messages, m => m.ScheduledAt),
            Column(_messages, NpgsqlDbType.Bigint, m => m.RouteId), Column(_messages, NpgsqlDbType.Bigint, m => m.SupplierId),
            MoneyColumn(_messages, m => m.PricePerSegment), MoneyColumn(_messages, m => m.Charge),
            Column(_messages, NpgsqlDbType.Text, m => m.Currency), Column(_messages, NpgsqlDbType.Integer, m => (int)m.Status),
            Column(_messages, NpgsqlDbType.Text, m => m.Error), TimeColumn(_messages, m => m.CreatedAt),
            TimeColumn(_messages, m => m.SubmittedAt), TimeColumn(_messages, m => m.DoneAt), Column(_messages, NpgsqlDbType.Text, m => m.CallbackUrl),

            // A part belongs to the message it came with, whatever its own MessageId says (as in pigeon_accept_message).
            Column(_parts, NpgsqlDbType.Bigint, p => p.Part.Id.Value), Column(_parts, NpgsqlDbType.Bigint, p => p.Message.Id.Value),
            Column(_parts, NpgsqlDbType.Integer, p => p.Part.PartNumber), Column(_parts, NpgsqlDbType.Bytea, p => p.Part.Body),
            Column(_parts, NpgsqlDbType.Integer, p => (int)p.Part.EsmClass), Column(_parts, NpgsqlDbType.Integer, p => (int)p.Part.DataCoding),
            Column(_parts, NpgsqlDbType.Integer, p => (int?)p.Part.SarReference), Column(_parts, NpgsqlDbType.Integer, p => (int?)p.Part.SarTotalSegments),
            Column(_parts, NpgsqlDbType.Integer, p => (int?)p.Part.SarSegmentNumber), Column(_parts, NpgsqlDbType.Bigint, p => p.Part.SupplierId),
            Column(_parts, NpgsqlDbType.Text, p => p.Part.SupplierMessageId), Column(_parts, NpgsqlDbType.Integer, p => (int)p.Part.Status),
            Column(_parts, NpgsqlDbType.Integer, p => p.Part.Attempts),
        });
        return command;
    }

    public async ValueTask ReadAsync(NpgsqlDataReader reader, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        var stored = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            stored++;
        }

        if (stored != _indexes.Count)
        {
            throw new InvalidOperationException($"{stored} of {_indexes.Count} messages were stored.");
        }

        foreach (var index in _indexes)
        {
            results.Span[index] = new WriteResult { Changed = true };
        }
    }
}
