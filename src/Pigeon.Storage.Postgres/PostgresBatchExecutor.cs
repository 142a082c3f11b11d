using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;
using Pigeon.Storage.Relational;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// Runs a write batch as one NpgsqlBatch in one transaction: one function call per command, all sent in one round
/// trip, each answering one pigeon_write_result row (changed, id, part_id, finished_message_id, finished_status,
/// notify_account, balance, count). The charges of a batch's accepted messages move each customer's running
/// balance once, at the end of the batch (see pigeon_accept_message).
/// </summary>
internal sealed class PostgresBatchExecutor(NpgsqlDataSource dataSource) : IWriteBatchExecutor
{
    // Per batch: each customer charged, the charges in command order. Reused: one batch runs at a time.
    private readonly Dictionary<long, List<(int Index, decimal Charge)>> _charges = [];

    public async ValueTask ExecuteAsync(ReadOnlyMemory<WriteCommand> commands, Memory<WriteResult> results, CancellationToken cancellationToken)
    {
        if (commands.Length != results.Length)
        {
            throw new ArgumentException("One result per command.", nameof(results));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        _charges.Clear();
        for (var i = 0; i < commands.Length; i++)
        {
            var command = commands.Span[i];
            batch.BatchCommands.Add(Build(command));
            if (command is AcceptMessage { Message: { Charge: not 0m } message })
            {
                if (!_charges.TryGetValue(message.CustomerId, out var charges))
                {
                    _charges[message.CustomerId] = charges = [];
                }

                charges.Add((i, message.Charge));
            }
        }

        foreach (var (customer, charges) in _charges)
        {
            batch.BatchCommands.Add(Call("pigeon_add_to_balance", Int64(customer), Money(-charges.Sum(c => c.Charge))));
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < commands.Length; i++)
            {
                await NextRowAsync(reader, i, cancellationToken);
                results.Span[i] = Read(reader);
            }

            // Each accepted message reports the balance right after its own charge: the final balance plus the
            // charges of that customer's messages after it in the batch.
            var at = commands.Length;
            foreach (var charges in _charges.Values)
            {
                await NextRowAsync(reader, at++, cancellationToken);
                var balance = reader.GetDecimal(6);
                for (var k = charges.Count - 1; k >= 0; k--)
                {
                    results.Span[charges[k].Index] = results.Span[charges[k].Index] with { Balance = balance };
                    balance += charges[k].Charge;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async ValueTask NextRowAsync(NpgsqlDataReader reader, int statement, CancellationToken cancellationToken)
    {
        if ((statement > 0 && !await reader.NextResultAsync(cancellationToken)) || !await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The server gave no result for statement {statement}.");
        }
    }

    private static WriteResult Read(NpgsqlDataReader r) => new()
    {
        Changed = !r.IsDBNull(0) && r.GetBoolean(0),
        Id = r.IsDBNull(1) ? null : r.GetInt64(1),
        PartId = r.IsDBNull(2) ? null : new MessageId(r.GetInt64(2)),
        FinishedMessageId = r.IsDBNull(3) ? null : new MessageId(r.GetInt64(3)),
        FinishedStatus = r.IsDBNull(4) ? null : (MessageStatus)r.GetInt32(4),
        NotifySmppAccountId = r.IsDBNull(5) ? null : r.GetInt64(5),
        Balance = r.IsDBNull(6) ? null : r.GetDecimal(6),
        Count = r.IsDBNull(7) ? 0 : r.GetInt32(7),
    };

    private static NpgsqlBatchCommand Build(WriteCommand command) => command switch
    {
        AcceptMessage accept => Accept(accept),
        RecordSupplierAccepted a => Call(
            "pigeon_record_supplier_accepted", Int64(a.PartId.Value), Int64(a.SupplierId), Text(a.SupplierMessageId),
            Text(ReceiptMessageId.Normalize(a.SupplierMessageId)), Time(a.At)),
        FinishPart f when f.Status.IsFinal() => Call(
            "pigeon_finish_part", Int64(f.PartId.Value), Int32((int)f.Status), Text(f.Error), Money(f.Refund), Time(f.At)),
        FinishPart f => throw new ArgumentException($"FinishPart needs a final status, not {f.Status}.", nameof(command)),
        RecordFailover f => Call(
            "pigeon_record_failover", Int64(f.PartId.Value), Int64(f.FromSupplierId), Int64(f.ToSupplierId), Text(f.Reason), Time(f.At)),
        StoreReceipt { Receipt: var r } => Call(
            "pigeon_store_receipt", Int64(r.SupplierId), Text(r.SupplierMessageId), Int32((int)r.Status), Text(r.Error), Time(r.DoneAt),
            Time(r.ReceivedAt), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = ReceiptMessageId.GetLookupKeys(r.SupplierMessageId).ToArray() }),
        EnqueueCustomerReceipt { Receipt: var c } => Call(
            "pigeon_enqueue_customer_receipt", Int64(c.SmppAccountId), Int64(c.MessageId.Value), Int32((int)c.Status), Text(c.Error),
            Text(c.Source), Text(c.Destination), Int32(c.DestinationTon), Int32(c.DestinationNpi), Time(c.SubmittedAt), Time(c.DoneAt),
            Time(c.CreatedAt)),
        MarkCustomerReceiptDelivered d => Call("pigeon_mark_customer_receipt_delivered", Int64(d.Id), Time(d.At)),
        ExpireCustomerReceipts e => Call("pigeon_expire_customer_receipts", Time(e.CreatedBefore), Time(e.At)),
        StoreMo { Mo: var m } => Call(
            "pigeon_store_mo", Int64(m.SupplierId), Text(m.Source), Int32(m.SourceTon), Int32(m.SourceNpi), Text(m.Destination),
            Int32(m.EsmClass), Int32(m.DataCoding), Bytes(m.Body), Int64(m.CustomerId), Int64(m.SmppAccountId), Time(m.ReceivedAt)),
        MarkMoDelivered d => Call("pigeon_mark_mo_delivered", Int64(d.Id), Time(d.At)),
        RememberRequest { Request: var q } => Call(
            "pigeon_remember_request", Int64(q.CustomerId), Text(q.Key), Text(q.Fingerprint), Int32(q.StatusCode), Text(q.Response), Time(q.CreatedAt)),
        StoreMoPart { Part: var p } => Call("pigeon_store_mo_part", [.. Mo(p.Part), Int32(p.Reference), Int32(p.TotalParts), Int32(p.PartNumber)]),
        StoreMoFromParts f => Call("pigeon_store_mo_from_parts", [.. Mo(f.Mo), Array(NpgsqlDbType.Bigint, f.PartIds.ToArray()), Time(f.At)]),
        ForgetMoParts f => Call("pigeon_forget_mo_parts", Time(f.ConsumedBefore)),
        _ => throw new NotSupportedException($"Unknown write command {command.GetType().Name}."),
    };

    /// <summary>The MO columns in the order pigeon_store_mo and the MO part functions take them.</summary>
    private static NpgsqlParameter[] Mo(MoRecord m) =>
    [
        Int64(m.SupplierId), Text(m.Source), Int32(m.SourceTon), Int32(m.SourceNpi), Text(m.Destination), Int32(m.EsmClass),
        Int32(m.DataCoding), Bytes(m.Body), Int64(m.CustomerId), Int64(m.SmppAccountId), Time(m.ReceivedAt),
    ];

    private static NpgsqlBatchCommand Accept(AcceptMessage command)
    {
        var m = command.Message;
        var parts = command.Parts;
        if (parts.Count == 0)
        {
            throw new ArgumentException("A message has at least one part.", nameof(command));
        }

        var ids = new long[parts.Count];
        var numbers = new int[parts.Count];
        var bodies = new byte[parts.Count][];
        var esm = new int[parts.Count];
        var codings = new int[parts.Count];
        var sarReferences = new int?[parts.Count];
        var sarTotals = new int?[parts.Count];
        var sarNumbers = new int?[parts.Count];
        var suppliers = new long?[parts.Count];
        var supplierIds = new string?[parts.Count];
        var statuses = new int[parts.Count];
        var attempts = new int[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            (ids[i], numbers[i], bodies[i], esm[i], codings[i]) = (p.Id.Value, p.PartNumber, p.Body, p.EsmClass, p.DataCoding);
            (sarReferences[i], sarTotals[i], sarNumbers[i]) = (p.SarReference, p.SarTotalSegments, p.SarSegmentNumber);
            (suppliers[i], supplierIds[i], statuses[i], attempts[i]) = (p.SupplierId, p.SupplierMessageId, (int)p.Status, p.Attempts);
        }

        var call = Call(
            "pigeon_accept_message",
            Int64(m.Id.Value), Int64(m.CustomerId), Int64(m.SmppAccountId), Text(m.Source), Int32(m.SourceTon), Int32(m.SourceNpi),
            Text(m.Destination), Int32(m.DataCoding), Int32(m.Segments), Int32(m.PartCount), Text(m.ClientReference),
            Int32(m.RegisteredDelivery), Time(m.ValidUntil), Time(m.ScheduledAt), Int64(m.RouteId), Int64(m.SupplierId),
            Money(m.PricePerSegment), Money(m.Charge), Text(m.Currency), Int32((int)m.Status), Text(m.Error), Time(m.CreatedAt),
            Time(m.SubmittedAt), Time(m.DoneAt),
            Array(NpgsqlDbType.Bigint, ids), Array(NpgsqlDbType.Integer, numbers), Array(NpgsqlDbType.Bytea, bodies),
            Array(NpgsqlDbType.Integer, esm), Array(NpgsqlDbType.Integer, codings), Array(NpgsqlDbType.Integer, sarReferences),
            Array(NpgsqlDbType.Integer, sarTotals), Array(NpgsqlDbType.Integer, sarNumbers), Array(NpgsqlDbType.Bigint, suppliers),
            Array(NpgsqlDbType.Text, supplierIds), Array(NpgsqlDbType.Integer, statuses), Array(NpgsqlDbType.Integer, attempts),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = true }, Text(m.CallbackUrl));
        return command.Remember is { } r ? WithRememberedRequest(call, r) : call;
    }

    /// <summary>
    /// The accept call with a keyed request inserted by the same statement (a data-modifying WITH runs once, to
    /// completion, whether or not the outer query reads it), so both commit together without another function.
    /// </summary>
    private static NpgsqlBatchCommand WithRememberedRequest(NpgsqlBatchCommand call, RequestRecord r)
    {
        var n = call.Parameters.Count;
        call.CommandText = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"WITH kept AS (INSERT INTO request_keys (customer_id, key, fingerprint, status_code, response, created_at) " +
            $"VALUES (${n + 1}, ${n + 2}, ${n + 3}, ${n + 4}, ${n + 5}, ${n + 6}) ON CONFLICT (customer_id, key) DO NOTHING) {call.CommandText}");
        call.Parameters.Add(Int64(r.CustomerId));
        call.Parameters.Add(Text(r.Key));
        call.Parameters.Add(Text(r.Fingerprint));
        call.Parameters.Add(Int32(r.StatusCode));
        call.Parameters.Add(Text(r.Response));
        call.Parameters.Add(Time(r.CreatedAt));
        return call;
    }

    /// <summary>SELECT * FROM function($1, $2, ...): positional parameters, typed, so the call resolves without casts.</summary>
    private static NpgsqlBatchCommand Call(string function, params NpgsqlParameter[] parameters)
    {
        var sql = new System.Text.StringBuilder("SELECT * FROM ").Append(function).Append('(');
        for (var i = 1; i <= parameters.Length; i++)
        {
            sql.Append(i == 1 ? "$" : ", $").Append(i);
        }

        var command = new NpgsqlBatchCommand(sql.Append(')').ToString());
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Int64(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter Int32(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value is null ? DBNull.Value : value };

    private static NpgsqlParameter Bytes(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };

    private static NpgsqlParameter Money(decimal value) => new() { NpgsqlDbType = NpgsqlDbType.Numeric, Value = ExactMoney.Check(value) };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.UtcDateTime : DBNull.Value };

    private static NpgsqlParameter Array(NpgsqlDbType element, System.Array values) => new() { NpgsqlDbType = NpgsqlDbType.Array | element, Value = values };
}
