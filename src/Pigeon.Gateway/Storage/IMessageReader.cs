using Pigeon.Gateway.Identity;
using Pigeon.Gateway.Messages;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Reads about messages, receipts and what is owed to customers. Safe to call concurrently with each other and
/// with the writer; reads see committed state only.
/// </summary>
public interface IMessageReader
{
    /// <summary>Most ids <see cref="GetCustomerMessagesAsync"/> takes at once.</summary>
    const int MaxMessagesPerRead = 1000;

    /// <summary>A message by its id or by the id of one of its parts, with parts and history; null if unknown.</summary>
    ValueTask<MessageDetail?> GetMessageAsync(MessageId id, CancellationToken cancellationToken);

    /// <summary>
    /// The messages among <paramref name="ids"/> (message ids, not part ids) that belong to customer
    /// <paramref name="customerId"/>, in one read, in no particular order; ids unknown or of another customer are
    /// simply absent. At most <see cref="MaxMessagesPerRead"/> ids.
    /// </summary>
    ValueTask<IReadOnlyList<MessageRecord>> GetCustomerMessagesAsync(long customerId, IReadOnlyCollection<MessageId> ids, CancellationToken cancellationToken);

    /// <summary>A customer's messages, newest first, filtered and paged by keyset (see <see cref="MessageQuery"/>).</summary>
    ValueTask<MessagePage> ListMessagesAsync(MessageQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The part a supplier gave <paramref name="supplierMessageId"/> (raw, as a receipt carries it; matched by
    /// <see cref="Smpp.Receipts.ReceiptMessageId.GetLookupKeys"/>); null if no part is mapped to it.
    /// </summary>
    ValueTask<MessagePart?> FindPartBySupplierMessageIdAsync(long supplierId, string supplierMessageId, CancellationToken cancellationToken);

    /// <summary>Receipts from a supplier still waiting for their id map, oldest first.</summary>
    ValueTask<IReadOnlyList<ReceiptRecord>> ListUnmatchedReceiptsAsync(long supplierId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The dispatch queue refill: parts Accepted for <paramref name="supplierId"/> with an id above
    /// <paramref name="after"/>, in id order, at most <paramref name="limit"/> (pass the last id of a page to get the next).
    /// Parts of scheduled messages come too: holding back those not due yet is the dispatcher's.
    /// </summary>
    ValueTask<IReadOnlyList<QueuedPart>> ListQueuedPartsAsync(long supplierId, MessageId after, int limit, CancellationToken cancellationToken);

    /// <summary>How many parts are Accepted for <paramref name="supplierId"/>.</summary>
    ValueTask<long> CountQueuedPartsAsync(long supplierId, CancellationToken cancellationToken);

    /// <summary>Receipts owed to an SMPP account and not delivered nor expired, with an id above <paramref name="afterId"/>, in order.</summary>
    ValueTask<IReadOnlyList<CustomerReceiptRecord>> ListPendingCustomerReceiptsAsync(long smppAccountId, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>MO messages of a customer not delivered yet, with an id above <paramref name="afterId"/>, in order.</summary>
    ValueTask<IReadOnlyList<MoRecord>> ListPendingMoAsync(long customerId, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The parts of one set still held (not consumed), by part number.</summary>
    ValueTask<IReadOnlyList<MoPartRecord>> ListHeldMoPartsAsync(MoPartSetKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Sets of held MO parts that are complete, or whose first part came at or before <paramref name="firstReceivedBy"/>,
    /// oldest first, at most <paramref name="limit"/>.
    /// </summary>
    ValueTask<IReadOnlyList<MoPartSet>> ListReadyMoPartSetsAsync(DateTimeOffset firstReceivedBy, int limit, CancellationToken cancellationToken);

    /// <summary>Messages created at or after <paramref name="since"/> (e.g. today 00:00 UTC), counted per current supplier and status.</summary>
    ValueTask<IReadOnlyList<StatusCount>> GetStatusCountsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The keyed request <paramref name="key"/> of a customer, if kept (<see cref="RememberRequest"/>).</summary>
    ValueTask<RequestRecord?> FindRequestAsync(long customerId, string key, CancellationToken cancellationToken);

    /// <summary>
    /// The keyed requests of every customer whose key starts with <paramref name="keyPrefix"/>, at most
    /// <paramref name="limit"/> (a front end loads one day's client references at start with it).
    /// </summary>
    ValueTask<IReadOnlyList<(long CustomerId, string Key)>> ListRequestKeysAsync(string keyPrefix, int limit, CancellationToken cancellationToken);
}
