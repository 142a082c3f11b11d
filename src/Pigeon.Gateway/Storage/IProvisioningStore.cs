using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Storage;

/// <summary>
/// Accounts, routing and balances as operators manage them. Each call is its own transaction (these are rare next
/// to messages and do not go through the group-commit writer). Create methods ignore the given Id (and CreatedAt,
/// Balance) and return the stored record. Names operators refer to are unique: a clash raises
/// <see cref="NameTakenException"/>. Update and remove methods return false when the row does not exist.
/// </summary>
public interface IProvisioningStore
{
    /// <summary>Everything the gateway keeps in memory, read in one consistent snapshot.</summary>
    ValueTask<ProvisioningSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A change marker: a number that every provisioning write (create, update, remove of customers, SMPP accounts,
    /// sender ids, inbound numbers, suppliers, routes) increases in the write's own transaction. A running gateway
    /// polls it and reloads <see cref="LoadSnapshotAsync"/> when it moved. Balance moves do not change it; read them
    /// with <see cref="ListBalanceMovesAsync"/>.
    /// </summary>
    ValueTask<long> GetProvisioningVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Operators' balance moves (<see cref="LedgerEntryKind.Credit"/> and <see cref="LedgerEntryKind.Adjustment"/>)
    /// of every customer with an id above <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>:
    /// pass the last id of a page to get the next. Start from <see cref="ProvisioningSnapshot.LastBalanceMoveId"/>.
    /// </summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListBalanceMovesAsync(long afterId, int limit, CancellationToken cancellationToken);

    ValueTask<Customer> CreateCustomerAsync(Customer customer, CancellationToken cancellationToken);

    ValueTask<Customer?> GetCustomerAsync(long id, CancellationToken cancellationToken);

    ValueTask<Customer?> FindCustomerAsync(string name, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Customer>> ListCustomersAsync(CancellationToken cancellationToken);

    ValueTask<bool> SetCustomerStatusAsync(long id, CustomerStatus status, CancellationToken cancellationToken);

    /// <summary>Adds money (<paramref name="amount"/> above zero) through a Credit entry; returns the new balance.</summary>
    ValueTask<decimal> CreditAsync(long customerId, decimal amount, string reason, CancellationToken cancellationToken);

    /// <summary>An operator's correction of either sign through an Adjustment entry; returns the new balance.</summary>
    ValueTask<decimal> AdjustBalanceAsync(long customerId, decimal amount, string reason, CancellationToken cancellationToken);

    /// <summary>A customer's ledger, newest first, entries with an id below <paramref name="beforeId"/> (null: from the newest).</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListLedgerAsync(long customerId, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>The sum of a customer's ledger, computed from the entries (an audit of the running balance).</summary>
    ValueTask<decimal> SumLedgerAsync(long customerId, CancellationToken cancellationToken);

    ValueTask<SmppAccount> CreateSmppAccountAsync(SmppAccount account, CancellationToken cancellationToken);

    ValueTask<SmppAccount?> GetSmppAccountAsync(long id, CancellationToken cancellationToken);

    ValueTask<SmppAccount?> FindSmppAccountAsync(string systemId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<SmppAccount>> ListSmppAccountsAsync(long customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every setting of the account (password hash, bind/submit flags, max binds, TPS, IP allow-list, CUG);
    /// its customer, system_id and creation time stay as they are.
    /// </summary>
    ValueTask<bool> UpdateSmppAccountAsync(SmppAccount account, CancellationToken cancellationToken);

    ValueTask<bool> RemoveSmppAccountAsync(long id, CancellationToken cancellationToken);

    ValueTask<SenderId> AddSenderIdAsync(SenderId senderId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<SenderId>> ListSenderIdsAsync(long customerId, CancellationToken cancellationToken);

    ValueTask<bool> RemoveSenderIdAsync(long id, CancellationToken cancellationToken);

    ValueTask<InboundNumber> AddInboundNumberAsync(InboundNumber number, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<InboundNumber>> ListInboundNumbersAsync(long customerId, CancellationToken cancellationToken);

    ValueTask<bool> RemoveInboundNumberAsync(string number, CancellationToken cancellationToken);

    ValueTask<Supplier> CreateSupplierAsync(Supplier supplier, CancellationToken cancellationToken);

    ValueTask<Supplier?> FindSupplierAsync(string name, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Supplier>> ListSuppliersAsync(CancellationToken cancellationToken);

    /// <summary>Writes every setting of the supplier (connection, binds, window, TPS, admin_up, submit_suspended) but its id.</summary>
    ValueTask<bool> UpdateSupplierAsync(Supplier supplier, CancellationToken cancellationToken);

    /// <summary>Removes the supplier and its routes; messages keep its id in their history.</summary>
    ValueTask<bool> RemoveSupplierAsync(long id, CancellationToken cancellationToken);

    ValueTask<Route> CreateRouteAsync(Route route, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Route>> ListRoutesAsync(CancellationToken cancellationToken);

    ValueTask<bool> RemoveRouteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Stores a new API key (its prefix and hash; the token is never stored). A taken prefix raises <see cref="NameTakenException"/>.</summary>
    ValueTask<ApiKey> CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>The keys of one customer, or every key (operator keys too) when <paramref name="customerId"/> is null; revoked ones included.</summary>
    ValueTask<IReadOnlyList<ApiKey>> ListApiKeysAsync(long? customerId, CancellationToken cancellationToken);

    /// <summary>The key with this public prefix, revoked or not; null when there is none.</summary>
    ValueTask<ApiKey?> FindApiKeyAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Stops a key from working at <paramref name="at"/>; false when there is no such key or it was revoked already.</summary>
    ValueTask<bool> RevokeApiKeyAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Writes when keys were last used, many at once (a running gateway gathers uses and writes them now and then).
    /// Not a provisioning change: the change marker stays.
    /// </summary>
    ValueTask RecordApiKeyUsesAsync(IReadOnlyCollection<KeyValuePair<long, DateTimeOffset>> uses, CancellationToken cancellationToken);

    /// <summary>
    /// Blocks <see cref="BlockedNumber.Number"/> for its customer, or for everyone when the customer is null; false
    /// when it was blocked at that scope already.
    /// </summary>
    ValueTask<bool> BlockNumberAsync(BlockedNumber blocked, CancellationToken cancellationToken);

    /// <summary>Lifts the block of <paramref name="number"/> for <paramref name="customerId"/> (null: the operator-wide one); false when there was none.</summary>
    ValueTask<bool> UnblockNumberAsync(string number, long? customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Blocked numbers: those blocked for <paramref name="customerId"/> and for everyone, or all of them when
    /// <paramref name="customerId"/> is null; ordered by number, the operator-wide block first.
    /// </summary>
    ValueTask<IReadOnlyList<BlockedNumber>> ListBlockedNumbersAsync(long? customerId, CancellationToken cancellationToken);

    /// <summary>Forgets keyed requests (<see cref="RequestRecord"/>) created before <paramref name="before"/>; returns how many.</summary>
    ValueTask<int> ForgetRequestsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
