using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Routing;

namespace Pigeon.Gateway.Storage;

/// <summary>Everything the gateway keeps in memory about accounts and routing, read at start and on changes.</summary>
public sealed record ProvisioningSnapshot(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<SmppAccount> SmppAccounts,
    IReadOnlyList<SenderId> SenderIds,
    IReadOnlyList<InboundNumber> InboundNumbers,
    IReadOnlyList<Supplier> Suppliers,
    IReadOnlyList<Route> Routes)
{
    /// <summary>The <see cref="IProvisioningStore.GetProvisioningVersionAsync"/> marker this snapshot was read at.</summary>
    public long Version { get; init; }

    /// <summary>
    /// The id of the newest Credit or Adjustment ledger entry already counted in the customers' balances (0: none):
    /// where <see cref="IProvisioningStore.ListBalanceMovesAsync"/> should start after loading this snapshot.
    /// </summary>
    public long LastBalanceMoveId { get; init; }

    /// <summary>Every API key, revoked ones included (they answer "revoked" rather than "unknown").</summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>Destinations blocked for everyone or for one customer.</summary>
    public IReadOnlyList<BlockedNumber> BlockedNumbers { get; init; } = [];
}
