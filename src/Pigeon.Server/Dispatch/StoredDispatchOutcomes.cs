using Microsoft.Extensions.Logging;
using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;
using Pigeon.Server.SmppFront;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// Stores what the dispatch side reports, each outcome as its write command through the group-commit writer, and
/// completes only after the commit (so the connector acts on durable state). A final status that owes a customer a
/// receipt wakes the <see cref="CustomerDeliveryNotifier"/>; a rejection gives the part's share of the charge back to
/// the balance in memory as the store does in the ledger.
/// </summary>
internal sealed class StoredDispatchOutcomes : IDispatchOutcomes
{
    private readonly GatewayCore _core;
    private readonly CustomerDeliveryNotifier _notifier;
    private readonly MoReassemblyService _mo;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public StoredDispatchOutcomes(GatewayCore core, CustomerDeliveryNotifier notifier, MoReassemblyService mo, GatewayMetrics metrics, TimeProvider timeProvider, ILogger<StoredDispatchOutcomes> logger)
    {
        _core = core;
        _notifier = notifier;
        _mo = mo;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
    }

    public async ValueTask AcceptedAsync(DispatchItem item, long supplierId, string supplierMessageId, CancellationToken cancellationToken)
    {
        var result = await _core.Writer.WriteAsync(new RecordSupplierAccepted(item.PartId, supplierId, supplierMessageId, _time.GetUtcNow()), cancellationToken);
        _metrics.DispatchOutcome("accepted");
        Notify(result);
    }

    public async ValueTask RejectedAsync(DispatchItem item, long supplierId, CommandStatus status, CancellationToken cancellationToken)
    {
        var detail = await _core.Store.Messages.GetMessageAsync(item.MessageId, cancellationToken);
        var refund = detail?.Message.PricePerSegment ?? 0m;
        var finish = new FinishPart(item.PartId, MessageStatus.Rejected, status.ToString(), refund, _time.GetUtcNow());
        var result = await _core.Writer.WriteAsync(finish, cancellationToken);
        _metrics.DispatchOutcome("rejected");
        if (result.Changed && refund > 0 && detail is not null)
        {
            _core.Balances.Credit(detail.Message.CustomerId, refund);
        }

        Notify(result);
    }

    public async ValueTask<bool> FailedOverAsync(DispatchItem item, long fromSupplierId, long toSupplierId, string reason, CancellationToken cancellationToken)
    {
        var result = await _core.Writer.WriteAsync(new RecordFailover(item.PartId, fromSupplierId, toSupplierId, reason, _time.GetUtcNow()), cancellationToken);
        _metrics.DispatchOutcome(result.Changed ? "failed_over" : "failover_settled");
        return result.Changed;
    }

    public async ValueTask ReceiptAsync(long supplierId, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        var state = receipt.State ?? MessageState.Unknown;
        var record = new ReceiptRecord
        {
            SupplierId = supplierId,
            SupplierMessageId = receipt.MessageId,
            Status = MessageStatusExtensions.FromMessageState(state),
            Error = receipt.Error,
            DoneAt = receipt.DoneDate is { } done ? new DateTimeOffset(DateTime.SpecifyKind(done, DateTimeKind.Utc)) : null,
            ReceivedAt = _time.GetUtcNow(),
        };
        var result = await _core.Writer.WriteAsync(new StoreReceipt(record), cancellationToken);
        _metrics.ReceiptIn(result.PartId is null ? "unmatched" : result.Changed ? "applied" : "duplicate");
        if (result.PartId is null)
        {
            GatewayLog.ReceiptWaiting(_logger, supplierId, receipt.MessageId);
        }

        Notify(result);
    }

    /// <summary>
    /// An MO for the customer owning the destination, through <see cref="MoReassemblyService"/>: a part of a
    /// concatenated message is held until its set is complete, and the customer gets the whole message once.
    /// </summary>
    public ValueTask MobileOriginatedAsync(long supplierId, DeliverSm deliver, CancellationToken cancellationToken) =>
        _mo.AcceptAsync(supplierId, deliver, _core.Directory.FindInboundNumber(deliver.Destination.Value), cancellationToken);

    private void Notify(WriteResult result)
    {
        if (result.NotifySmppAccountId is { } account)
        {
            _notifier.WakeAccount(account);
        }
    }
}
