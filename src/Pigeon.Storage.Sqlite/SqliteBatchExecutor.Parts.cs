using Microsoft.Data.Sqlite;
using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Storage.Sqlite;

/// <summary>This part: what happens to parts after acceptance (supplier id map, receipts, failover, finishing).</summary>
internal sealed partial class SqliteBatchExecutor
{
    private WriteResult SupplierAccepted(RecordSupplierAccepted command)
    {
        var messageId = ScalarOrNull(S.PartEnroute.Bind(command.SupplierId, command.SupplierMessageId, command.PartId.Value));
        if (messageId is not { } message)
        {
            return default;
        }

        var key = ReceiptMessageId.Normalize(command.SupplierMessageId);
        S.MessageEnroute.Bind(command.SupplierId, Micros(command.At), message).Execute();
        S.UpsertIdMap.Bind(command.SupplierId, key, command.PartId.Value).Execute();
        InsertEvent(new MessageId(message), command.PartId, MessageEventKind.SupplierAccepted, MessageStatus.Enroute, command.SupplierId, command.SupplierMessageId, command.At);

        // Receipts that overtook this submit_sm_resp were kept waiting under their lookup keys: match them now.
        var waiting = new List<(long Id, MessageStatus Status, string? Error, DateTimeOffset At)>();
        using (var reader = S.WaitingReceipts.Bind(command.SupplierId, key).Read())
        {
            while (reader.Read())
            {
                var at = reader.IsDBNull(3) ? reader.GetInt64(4) : reader.GetInt64(3);
                waiting.Add((reader.GetInt64(0), (MessageStatus)reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), Relational.UtcMicroseconds.To(at)));
            }
        }

        var result = new WriteResult { Changed = true, Count = waiting.Count };
        foreach (var receipt in waiting)
        {
            S.MatchReceipt.Bind(command.PartId.Value, receipt.Id).Execute();
            S.DropWaits.Bind(receipt.Id).Execute();
            var applied = ApplyPartStatus(command.PartId, receipt.Status, receipt.Error, receipt.At, command.At, MessageEventKind.Receipt, command.SupplierId, out _);
            result = Merge(result, applied);
        }

        return result;
    }

    private WriteResult Finish(FinishPart command)
    {
        if (!command.Status.IsFinal())
        {
            throw new ArgumentException($"FinishPart needs a final status, not {command.Status}.", nameof(command));
        }

        var result = ApplyPartStatus(command.PartId, command.Status, command.Error, command.At, command.At, MessageEventKind.Finished, null, out var message);
        if (!result.Changed || command.Refund <= 0m || message is not { } messageId)
        {
            return result;
        }

        var customer = Scalar(S.MessageCustomer.Bind(messageId.Value));
        var reason = command.Error is null ? "message refund" : $"message refund: {command.Error}";
        return result with { Balance = MoveBalance(customer, LedgerEntryKind.Refund, command.Refund, reason, messageId, command.At) };
    }

    private WriteResult Failover(RecordFailover command)
    {
        var messageId = ScalarOrNull(S.PartFailover.Bind(command.ToSupplierId, command.PartId.Value, command.FromSupplierId));
        if (messageId is not { } message)
        {
            return default;
        }

        S.MessageSupplier.Bind(command.ToSupplierId, message).Execute();
        InsertEvent(new MessageId(message), command.PartId, MessageEventKind.FailedOver, MessageStatus.Accepted, command.ToSupplierId, command.Reason, command.At);
        return new WriteResult { Changed = true };
    }

    private WriteResult Receipt(ReceiptRecord receipt)
    {
        var keys = ReceiptMessageId.GetLookupKeys(receipt.SupplierMessageId);
        var partId = ScalarOrNull(S.LookupIdMap.Bind(receipt.SupplierId, keys[0], keys[Math.Min(1, keys.Count - 1)], keys[^1]));
        var id = Scalar(S.InsertReceipt.Bind(receipt.SupplierId, receipt.SupplierMessageId, (int)receipt.Status, receipt.Error, Micros(receipt.DoneAt), Micros(receipt.ReceivedAt), partId));
        if (partId is not { } part)
        {
            foreach (var key in keys)
            {
                S.InsertWait.Bind(receipt.SupplierId, key, id).Execute();
            }

            return new WriteResult { Id = id };
        }

        var applied = ApplyPartStatus(new MessageId(part), receipt.Status, receipt.Error, receipt.DoneAt ?? receipt.ReceivedAt, receipt.ReceivedAt, MessageEventKind.Receipt, receipt.SupplierId, out _);
        return applied with { Id = id, PartId = new MessageId(part) };
    }

    /// <summary>
    /// Moves a part to a final status once (a part already final is left alone), records the event, rolls the
    /// parts up into the message's status, and queues the customer's receipt when that makes the message final
    /// and its registered_delivery asks for one. <paramref name="at"/> is when the status was reached (a receipt's
    /// done date), <paramref name="recordedAt"/> when Pigeon learnt it (the event's time, the customer receipt's age).
    /// </summary>
    private WriteResult ApplyPartStatus(MessageId partId, MessageStatus status, string? error, DateTimeOffset at, DateTimeOffset recordedAt, MessageEventKind kind, long? supplierId, out MessageId? changedMessage)
    {
        changedMessage = null;
        if (!status.IsFinal())
        {
            return new WriteResult { PartId = partId };
        }

        var messageValue = ScalarOrNull(S.PartFinal.Bind((int)status, partId.Value));
        if (messageValue is not { } message)
        {
            return new WriteResult { PartId = partId };
        }

        var messageId = new MessageId(message);
        changedMessage = messageId;
        InsertEvent(messageId, partId, kind, status, supplierId, error, recordedAt);
        var result = new WriteResult { Changed = true, PartId = partId };

        // Most messages have one part, whose final status is the message's: one statement, no roll-up.
        if (TryFinishMessage(S.OnePartMessageFinal.Bind((int)status, error, Micros(at), message), messageId, status, at, recordedAt, ref result))
        {
            return result;
        }

        var parts = new List<MessageStatus>(4);
        using (var reader = S.PartStatuses.Bind(message).Read())
        {
            while (reader.Read())
            {
                parts.Add((MessageStatus)reader.GetInt32(0));
            }
        }

        var combined = MessageStatusRollup.Combine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));
        if (!combined.IsFinal())
        {
            if (combined == MessageStatus.Enroute)
            {
                S.MessageLeftQueue.Bind(message).Execute();
            }

            return result;
        }

        TryFinishMessage(S.MessageFinal.Bind((int)combined, error, Micros(at), message), messageId, combined, at, recordedAt, ref result);
        return result;
    }

    /// <summary>
    /// Runs a statement that makes the message final and returns its receipt columns; when it changed the message,
    /// sets the result's finished fields and queues the customer's receipt if registered_delivery asks for one.
    /// </summary>
    private bool TryFinishMessage(SqliteStatement finish, MessageId messageId, MessageStatus combined, DateTimeOffset at, DateTimeOffset recordedAt, ref WriteResult result)
    {
        CustomerReceiptRecord? owed = null;
        using (var reader = finish.Read())
        {
            if (!reader.Read())
            {
                return false;
            }

            result = result with { FinishedMessageId = messageId, FinishedStatus = combined };
            if (!reader.IsDBNull(0) && RegisteredDeliveryPolicy.IsReceiptOwed((byte)reader.GetInt32(1), combined))
            {
                owed = new CustomerReceiptRecord
                {
                    SmppAccountId = reader.GetInt64(0),
                    MessageId = messageId,
                    Status = combined,
                    Error = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Source = reader.GetString(5),
                    Destination = reader.GetString(2),
                    DestinationTon = (byte)reader.GetInt32(3),
                    DestinationNpi = (byte)reader.GetInt32(4),
                    SubmittedAt = Relational.UtcMicroseconds.To(reader.GetInt64(6)),
                    DoneAt = at,
                    CreatedAt = recordedAt,
                };
            }
        }

        if (owed is not null)
        {
            InsertCustomerReceipt(owed);
            result = result with { NotifySmppAccountId = owed.SmppAccountId };
        }

        return true;
    }

    private static WriteResult Merge(WriteResult total, WriteResult applied) => total with
    {
        FinishedMessageId = applied.FinishedMessageId ?? total.FinishedMessageId,
        FinishedStatus = applied.FinishedStatus ?? total.FinishedStatus,
        NotifySmppAccountId = applied.NotifySmppAccountId ?? total.NotifySmppAccountId,
    };
}
