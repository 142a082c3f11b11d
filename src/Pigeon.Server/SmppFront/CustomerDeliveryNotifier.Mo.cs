using Pigeon.Gateway.Storage;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

internal sealed partial class CustomerDeliveryNotifier
{
    /// <summary>Sends a customer's pending MO, in order, to its receivers; stops at the first that cannot go.</summary>
    private async Task DeliverMoAsync(long customerId, CancellationToken cancellationToken)
    {
        var after = _moFloor.Get(customerId);
        try
        {
            while (true)
            {
                var page = await _core.Store.Messages.ListPendingMoAsync(customerId, after, PageSize, cancellationToken);
                if (page.Count == 0)
                {
                    return;
                }

                foreach (var mo in page)
                {
                    if (!await DeliverMoAsync(customerId, mo, cancellationToken))
                    {
                        return;
                    }

                    after = mo.Id;
                }
            }
        }
        finally
        {
            _moFloor.Set(customerId, after);
        }
    }

    /// <summary>All parts to the same receiver, each acknowledged, before the MO counts as delivered.</summary>
    private async Task<bool> DeliverMoAsync(long customerId, MoRecord mo, CancellationToken cancellationToken)
    {
        if (PickMoReceiver(customerId, mo) is not { } session)
        {
            return false;
        }

        foreach (var pdu in MoDeliverSms.For(mo))
        {
            if (!await SendAsync(session, pdu, cancellationToken))
            {
                return false;
            }
        }

        await _core.Writer.WriteAsync(new MarkMoDelivered(mo.Id, _time.GetUtcNow()), cancellationToken);
        _metrics.MoOut();
        return true;
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
}
