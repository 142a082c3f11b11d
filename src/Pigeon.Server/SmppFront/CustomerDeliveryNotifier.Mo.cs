using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

internal sealed partial class CustomerDeliveryNotifier
{
    /// <summary>Sends a customer's pending MO, in order, to its receivers; stops at the first that cannot go.</summary>
    private async Task DeliverMoAsync(long customerId, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await _core.Store.Messages.ListPendingMoAsync(customerId, after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var mo in page)
            {
                if (PickMoReceiver(customerId, mo) is not { } session || !await SendAsync(session, ToDeliverSm(mo), cancellationToken))
                {
                    return;
                }

                await _core.Writer.WriteAsync(new MarkMoDelivered(mo.Id, _time.GetUtcNow()), cancellationToken);
                _metrics.MoOut();
                after = mo.Id;
            }
        }
    }

    private SmppServerSession? PickMoReceiver(long customerId, MoRecord mo)
    {
        if (mo.SmppAccountId is { } account)
        {
            return _registry.PickReceiver(account);
        }

        foreach (var candidate in _core.Directory.AccountsOf(customerId))
        {
            if (_registry.PickReceiver(candidate) is { } session)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>The MO as it came: short_message, or message_payload when it is longer than short_message allows.</summary>
    private static DeliverSm ToDeliverSm(MoRecord mo)
    {
        var pdu = new DeliverSm
        {
            Source = new SmppAddress((TypeOfNumber)mo.SourceTon, (NumberingPlan)mo.SourceNpi, mo.Source),
            Destination = SmppAddress.International(mo.Destination),
            EsmClass = (EsmClass)mo.EsmClass,
            DataCoding = mo.DataCoding,
        };
        if (mo.Body.Length <= ShortMessageRequest.MaxShortMessageLength)
        {
            pdu.ShortMessage = mo.Body;
        }
        else
        {
            pdu.MessagePayload = mo.Body;
        }

        return pdu;
    }
}
