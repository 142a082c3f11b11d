using Pigeon.Gateway.Messages;
using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Receipts;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

internal sealed partial class CustomerDeliveryNotifier
{
    /// <summary>Sends an account's pending receipts, a page at a time, while it has a bound receiver.</summary>
    private async Task DeliverReceiptsAsync(long smppAccountId, CancellationToken cancellationToken)
    {
        var after = _receiptFloor.Get(smppAccountId);
        try
        {
            while (_registry.PickReceiver(smppAccountId) is not null)
            {
                var page = await _core.Store.Messages.ListPendingCustomerReceiptsAsync(smppAccountId, after, PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    return;
                }

                var sent = await Task.WhenAll(page.Select(r => SendReceiptAsync(r, cancellationToken)));
                var unsent = Array.IndexOf(sent, false);
                if (unsent >= 0)
                {
                    // The receiver went away or refused: what is left waits for the next bind or sweep.
                    after = unsent == 0 ? after : page[unsent - 1].Id;
                    return;
                }

                after = page[^1].Id;
            }
        }
        finally
        {
            _receiptFloor.Set(smppAccountId, after);
        }
    }

    private async Task<bool> SendReceiptAsync(CustomerReceiptRecord record, CancellationToken cancellationToken)
    {
        if (_registry.PickReceiver(record.SmppAccountId) is not { } session)
        {
            return false;
        }

        if (!await SendAsync(session, ToDeliverSm(record), cancellationToken))
        {
            return false;
        }

        await _core.Writer.WriteAsync(new MarkCustomerReceiptDelivered(record.Id, _time.GetUtcNow()), cancellationToken);
        _metrics.ReceiptOut();
        return true;
    }

    /// <summary>
    /// The receipt as SMPP v3.4 Appendix B text with our message id in id: and receipted_message_id, the final
    /// state in stat: and the message_state TLV (section 5.3.2.35).
    /// </summary>
    internal static DeliverSm ToDeliverSm(CustomerReceiptRecord record)
    {
        var state = record.Status.ToMessageState();
        var receipt = new DeliveryReceipt
        {
            MessageId = record.MessageId.ToString(),
            Submitted = 1,
            Delivered = record.Status == MessageStatus.Delivered ? 1 : 0,
            SubmitDate = record.SubmittedAt.UtcDateTime,
            DoneDate = record.DoneAt.UtcDateTime,
            State = state,
            Error = ReceiptError(record.Error),
        };
        var source = SmppAddress.International(record.Source);
        var destination = new SmppAddress((TypeOfNumber)record.DestinationTon, (NumberingPlan)record.DestinationNpi, record.Destination);
        return receipt.ToDeliverSm(source, destination);
    }

    /// <summary>The err: field is three characters; a longer error text (a command_status name) is left out.</summary>
    private static string ReceiptError(string? error) => error is { Length: > 0 and <= 3 } ? error : "000";

    private async Task<bool> SendAsync(SmppServerSession session, DeliverSm pdu, CancellationToken cancellationToken)
    {
        try
        {
            var response = await session.SendAsync(pdu, cancellationToken);
            return response.CommandStatus == CommandStatus.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GatewayLog.DeliverSmFailed(_logger, session.SystemId, e.Message);
            return false;
        }
    }
}
