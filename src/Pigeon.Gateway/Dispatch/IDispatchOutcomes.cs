using Pigeon.Gateway.Identity;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// What the dispatch side reports back to the rest of the gateway. Every method completes only when what it
/// reports is durably stored, and the connector waits for it before it acts further: the supplier's id is stored
/// before a submit_sm_resp is acted on, and a receipt or MO is stored before deliver_sm_resp is sent.
/// </summary>
public interface IDispatchOutcomes
{
    /// <summary>The supplier accepted the part and gave it <paramref name="supplierMessageId"/>.</summary>
    ValueTask AcceptedAsync(DispatchItem item, long supplierId, string supplierMessageId, CancellationToken cancellationToken);

    /// <summary>The supplier refused the part for good (a final command_status): the message ends REJECTD, refunded.</summary>
    ValueTask RejectedAsync(DispatchItem item, long supplierId, CommandStatus status, CancellationToken cancellationToken);

    /// <summary>The part moves to the next supplier of its route after temporary failures; false when none is left.</summary>
    ValueTask<bool> FailedOverAsync(DispatchItem item, long fromSupplierId, long toSupplierId, string reason, CancellationToken cancellationToken);

    /// <summary>A delivery receipt from a supplier; correlated by the supplier's message id.</summary>
    ValueTask ReceiptAsync(long supplierId, DeliveryReceipt receipt, CancellationToken cancellationToken);

    /// <summary>A mobile-originated message (or one part of it) from a supplier.</summary>
    ValueTask MobileOriginatedAsync(long supplierId, DeliverSm deliver, CancellationToken cancellationToken);
}
