using Microsoft.Extensions.Logging;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// Answers what a supplier sends on its binds: deliver_sm and data_sm (SMPP v3.4 sections 4.6 and 4.7) carrying
/// delivery receipts or mobile-originated messages. The response goes out only once the outcome call has completed,
/// that is, once the receipt or MO is durably stored; if storing fails the supplier is answered ESME_RX_T_APPN so it
/// sends it again. Nothing is acknowledged that was not stored.
/// </summary>
internal sealed class SupplierInboundHandler(long supplierId, IDispatchOutcomes outcomes, SupplierCounters counters, ILogger logger)
{
    /// <summary>The <see cref="Smpp.Client.SmppRequestHandler"/> of every bind of the supplier.</summary>
    public async ValueTask<ResponsePdu?> HandleAsync(RequestPdu request, CancellationToken cancellationToken)
    {
        var deliver = request switch
        {
            DeliverSm deliverSm => deliverSm,
            DataSm dataSm => AsDeliverSm(dataSm),
            _ => null,
        };
        if (deliver is null)
        {
            return request.CreateResponse(CommandStatus.InvalidCommandId);
        }

        var isReceipt = IsReceipt(deliver, out var receipt);
        if (deliver.IsDeliveryReceipt && !isReceipt)
        {
            // Marked as a receipt but without an id it can never be matched: storing it helps no one.
            counters.UnreadableReceipt();
            DispatchLog.ReceiptUnreadable(logger, supplierId);
            return request.CreateResponse(CommandStatus.ReceiverPermanentAppError);
        }

        try
        {
            if (isReceipt)
            {
                await outcomes.ReceiptAsync(supplierId, receipt!, cancellationToken);
                counters.Receipt();
            }
            else
            {
                await outcomes.MobileOriginatedAsync(supplierId, deliver, cancellationToken);
                counters.MobileOriginated();
            }
        }
#pragma warning disable CA1031 // Whatever went wrong, the answer is "not stored, send it again".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            counters.InboundStoreFailure();
            DispatchLog.InboundStoreFailed(logger, ex, supplierId, request.CommandId);
            return request.CreateResponse(CommandStatus.ReceiverTemporaryAppError);
        }

        return request.CreateResponse(CommandStatus.Ok);
    }

    /// <summary>
    /// A receipt is a deliver_sm whose esm_class says so (section 5.2.12) and that yields a message id, or an
    /// unmarked one whose text or TLVs carry both an id and a state (some SMSCs do not set esm_class): an MO that
    /// merely begins "id:" is not taken for one.
    /// </summary>
    private static bool IsReceipt(DeliverSm deliver, out DeliveryReceipt? receipt)
    {
        if (!DeliveryReceipt.TryParse(deliver, out receipt))
        {
            return false;
        }

        return deliver.IsDeliveryReceipt || receipt.StatusText is not null || deliver.MessageState is not null;
    }

    /// <summary>data_sm carries what deliver_sm carries, its content in message_payload; one path handles both.</summary>
    private static DeliverSm AsDeliverSm(DataSm data)
    {
        var deliver = new DeliverSm
        {
            SequenceNumber = data.SequenceNumber,
            ServiceType = data.ServiceType,
            Source = data.Source,
            Destination = data.Destination,
            EsmClass = data.EsmClass,
            RegisteredDelivery = data.RegisteredDelivery,
            DataCoding = data.DataCoding,
        };
        if (data.HasTlvs)
        {
            foreach (var tlv in data.Tlvs.Items)
            {
                deliver.Tlvs.Add(tlv);
            }
        }

        return deliver;
    }
}
