using Pigeon.Gateway.Dispatch;
using Pigeon.Gateway.Identity;
using Pigeon.Server.Core;

namespace Pigeon.Server.Dispatch;

/// <summary>
/// A supplier's queue read from the store: parts Accepted for it, in id order. Parts of messages scheduled for later
/// go to <see cref="ScheduledParts"/> instead, and reading goes on until the page is full or the store has no more,
/// so a page of scheduled parts never looks like the end of the backlog. Failover suppliers come from the route
/// table in force.
/// </summary>
internal sealed class StoredDispatchBacklog : IDispatchBacklog
{
    private readonly GatewayCore _core;
    private readonly ScheduledParts _scheduled;
    private readonly TimeProvider _time;

    public StoredDispatchBacklog(GatewayCore core, ScheduledParts scheduled, TimeProvider timeProvider)
    {
        _core = core;
        _scheduled = scheduled;
        _time = timeProvider;
    }

    public async ValueTask<IReadOnlyList<DispatchItem>> LoadAsync(long supplierId, MessageId afterPartId, int limit, CancellationToken cancellationToken)
    {
        var items = new List<DispatchItem>(Math.Min(limit, 1024));
        var after = afterPartId;
        while (items.Count < limit)
        {
            var asked = limit - items.Count;
            var parts = await _core.Store.Messages.ListQueuedPartsAsync(supplierId, after, asked, cancellationToken);
            var now = _time.GetUtcNow();
            var routes = _core.Routes.Current;
            foreach (var (part, message) in parts)
            {
                IReadOnlyList<long> failover = [];
                if (routes.TryFind(message.Destination, message.CustomerId, out var selection))
                {
                    failover = DispatchItems.After(supplierId, [selection.Supplier.Id, .. selection.FailoverSupplierIds]);
                }

                var item = DispatchItems.Create(message, part, failover);
                if (message.ScheduledAt is { } at && at > now)
                {
                    _scheduled.Hold(item, at);
                }
                else
                {
                    items.Add(item);
                }
            }

            if (parts.Count < asked)
            {
                // The store has no more.
                break;
            }

            after = parts[^1].Part.Id;
        }

        return items;
    }
}
