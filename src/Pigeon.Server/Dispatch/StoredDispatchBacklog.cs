using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Identity;
using Pigeon.Server.Core;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// A supplier's queue read from the store: parts Accepted for it, in id order. Parts of messages scheduled for later
/// are left in the store until they are due. Failover suppliers come from the route table in force.
/// </summary>
internal sealed class StoredDispatchBacklog : IDispatchBacklog
{
    private readonly GatewayCore _core;
    private readonly TimeProvider _time;

    public StoredDispatchBacklog(GatewayCore core, TimeProvider timeProvider)
    {
        _core = core;
        _time = timeProvider;
    }

    public async ValueTask<IReadOnlyList<DispatchItem>> LoadAsync(long supplierId, MessageId afterPartId, int limit, CancellationToken cancellationToken)
    {
        var parts = await _core.Store.Messages.ListQueuedPartsAsync(supplierId, afterPartId, limit, cancellationToken);
        var now = _time.GetUtcNow();
        var routes = _core.Routes.Current;
        var items = new List<DispatchItem>(parts.Count);
        foreach (var (part, message) in parts)
        {
            if (message.ScheduledAt is { } at && at > now)
            {
                continue;
            }

            IReadOnlyList<long> failover = [];
            if (routes.TryFind(message.Destination, message.CustomerId, out var selection))
            {
                failover = DispatchItems.After(supplierId, [selection.Supplier.Id, .. selection.FailoverSupplierIds]);
            }

            items.Add(DispatchItems.Create(message, part, failover));
        }

        return items;
    }
}
