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
    IReadOnlyList<Route> Routes);
