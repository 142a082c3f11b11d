using Pigeon.Gateway.Identity;

namespace Pigeon.Gateway.Dispatch;

/// <summary>
/// The parts waiting in the store for a supplier, read in id order. A supplier's queue keeps only a bounded window
/// of its parts in memory and reads the rest from here, so a backlog of millions costs memory for a window only.
/// </summary>
/// <remarks>
/// "Waiting" means: assigned to <c>supplierId</c> and not yet reported through <see cref="IDispatchOutcomes"/> as
/// accepted, rejected or failed over to another supplier. Once one of those reports has completed (durably), the
/// part must no longer be returned for this supplier. A part in flight (submitted, response not yet received) is
/// still waiting; the queue recognises the parts it already holds.
/// </remarks>
public interface IDispatchBacklog
{
    /// <summary>
    /// At most <paramref name="limit"/> parts waiting for <paramref name="supplierId"/> whose part id is above
    /// <paramref name="afterPartId"/> (<c>default</c> for all), in ascending part id order.
    /// </summary>
    ValueTask<IReadOnlyList<DispatchItem>> LoadAsync(long supplierId, MessageId afterPartId, int limit, CancellationToken cancellationToken);
}
