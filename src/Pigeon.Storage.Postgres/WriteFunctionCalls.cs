using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;
using static Pigeon.Storage.Postgres.TypedParameters;

namespace Pigeon.Storage.Postgres;

/// <summary>
/// The per-command path: each command as one call of its write function (Migrations/0002_write_commands.sql and
/// the migrations that redefine them), answering one pigeon_write_result row (changed, id, part_id,
/// finished_message_id, finished_status, notify_account, balance, count). Every command can take it; the hot ones
/// take it when the batch's set statements may not run them (see <see cref="PostgresBatchExecutor"/>).
/// </summary>
internal static class WriteFunctionCalls
{
    public static NpgsqlBatchCommand Build(WriteCommand command) => command switch
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
            Time(r.ReceivedAt), Array(NpgsqlDbType.Text, ReceiptMessageId.GetLookupKeys(r.SupplierMessageId).ToArray())),
        EnqueueCustomerReceipt { Receipt: var c } => Call(
            "pigeon_enqueue_customer_receipt", Int64(c.SmppAccountId), Int64(c.MessageId.Value), Int32((int)c.Status), Text(c.Error),
            Text(c.Source), Text(c.Destination), Int32(c.DestinationTon), Int32(c.DestinationNpi), Time(c.SubmittedAt), Time(c.DoneAt),
            Time(c.CreatedAt)),
        MarkCustomerReceiptDelivered d => Call("pigeon_mark_customer_receipt_delivered", Int64(d.Id), Time(d.At)),
        ExpireCustomerReceipts e => Call("pigeon_expire_customer_receipts", Time(e.CreatedBefore), Time(e.At)),
        StoreMo { Mo: var m } => Call("pigeon_store_mo", Mo(m)),
        MarkMoDelivered d => Call("pigeon_mark_mo_delivered", Int64(d.Id), Time(d.At)),
        RememberRequest { Request: var q } => Call(
            "pigeon_remember_request", Int64(q.CustomerId), Text(q.Key), Text(q.Fingerprint), Int32(q.StatusCode), Text(q.Response), Time(q.CreatedAt)),
        StoreMoPart { Part: var p } => Call("pigeon_store_mo_part", [.. Mo(p.Part), Int32(p.Reference), Int32(p.TotalParts), Int32(p.PartNumber)]),
        StoreMoFromParts f => Call("pigeon_store_mo_from_parts", [.. Mo(f.Mo), Array(NpgsqlDbType.Bigint, f.PartIds.ToArray()), Time(f.At)]),
        ForgetMoParts f => Call("pigeon_forget_mo_parts", Time(f.ConsumedBefore)),
        _ => throw new NotSupportedException($"Unknown write command {command.GetType().Name}."),
    };

    /// <summary>The pigeon_write_result row of one call.</summary>
    public static WriteResult Read(NpgsqlDataReader r) => new()
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

    /// <summary>The MO columns in the order pigeon_store_mo and the MO part functions take them.</summary>
    private static NpgsqlParameter[] Mo(MoRecord m) =>
    [
        Int64(m.SupplierId), Text(m.Source), Int32(m.SourceTon), Int32(m.SourceNpi), Text(m.Destination), Int32(m.EsmClass),
        Int32(m.DataCoding), Bytes(m.Body), Int64(m.CustomerId), Int64(m.SmppAccountId), Time(m.ReceivedAt),
    ];

    /// <summary>
    /// pigeon_accept_message with p_defer_balance: the ledger entry is written, the running balance is moved once
    /// per customer at the end of the batch (<see cref="BatchCharges"/>).
    /// </summary>
    private static NpgsqlBatchCommand Accept(AcceptMessage command)
    {
        var m = command.Message;
        var parts = command.Parts;
        if (parts.Count == 0)
        {
            throw new ArgumentException("A message has at least one part.", nameof(command));
        }

        var call = Call(
            "pigeon_accept_message",
            Int64(m.Id.Value), Int64(m.CustomerId), Int64(m.SmppAccountId), Text(m.Source), Int32(m.SourceTon), Int32(m.SourceNpi),
            Text(m.Destination), Int32(m.DataCoding), Int32(m.Segments), Int32(m.PartCount), Text(m.ClientReference),
            Int32(m.RegisteredDelivery), Time(m.ValidUntil), Time(m.ScheduledAt), Int64(m.RouteId), Int64(m.SupplierId),
            Money(m.PricePerSegment), Money(m.Charge), Text(m.Currency), Int32((int)m.Status), Text(m.Error), Time(m.CreatedAt),
            Time(m.SubmittedAt), Time(m.DoneAt),
            Column(parts, NpgsqlDbType.Bigint, p => p.Id.Value), Column(parts, NpgsqlDbType.Integer, p => p.PartNumber),
            Column(parts, NpgsqlDbType.Bytea, p => p.Body), Column(parts, NpgsqlDbType.Integer, p => (int)p.EsmClass),
            Column(parts, NpgsqlDbType.Integer, p => (int)p.DataCoding), Column(parts, NpgsqlDbType.Integer, p => (int?)p.SarReference),
            Column(parts, NpgsqlDbType.Integer, p => (int?)p.SarTotalSegments), Column(parts, NpgsqlDbType.Integer, p => (int?)p.SarSegmentNumber),
            Column(parts, NpgsqlDbType.Bigint, p => p.SupplierId), Column(parts, NpgsqlDbType.Text, p => p.SupplierMessageId),
            Column(parts, NpgsqlDbType.Integer, p => (int)p.Status), Column(parts, NpgsqlDbType.Integer, p => p.Attempts),
            Boolean(true), Text(m.CallbackUrl));
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
            CultureInfo.InvariantCulture,
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
        var sql = new StringBuilder("SELECT * FROM ").Append(function).Append('(');
        for (var i = 1; i <= parameters.Length; i++)
        {
            sql.Append(i == 1 ? "$" : ", $").Append(i);
        }

        var command = new NpgsqlBatchCommand(sql.Append(')').ToString());
        command.Parameters.AddRange(parameters);
        return command;
    }
}
