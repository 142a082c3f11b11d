using System.Collections.Frozen;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Gateway.Storage;
using Pigeon.Gateway.Submission;

namespace Pigeon.Server.Core;

/// <summary>
/// The accounts the gateway serves, read from one provisioning snapshot: SMPP accounts by system_id with their
/// prepared <see cref="SubmittingAccount"/> and allow-list, customers by id with the account they submit as over HTTP,
/// API keys by prefix, inbound numbers, and the block list of destinations (in every submitting account). Immutable; a reload builds a new one.
/// </summary>
internal sealed class AccountDirectory
{
    private readonly FrozenDictionary<string, BindableAccount> _bySystemId;
    private readonly FrozenDictionary<long, BindableAccount> _byAccountId;
    private readonly FrozenDictionary<long, long[]> _accountsByCustomer;
    private readonly FrozenDictionary<string, InboundNumber> _inbound;
    private readonly FrozenDictionary<long, SubmittingAccount> _httpAccounts;
    private readonly FrozenDictionary<string, ApiKey> _apiKeys;

    public AccountDirectory(ProvisioningSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Version = snapshot.Version;
        Customers = snapshot.Customers.ToFrozenDictionary(c => c.Id);
        var blocked = snapshot.BlockedNumbers.Count == 0 ? BlockedDestinations.None : new BlockedDestinations(snapshot.BlockedNumbers);
        var accounts = new List<BindableAccount>();
        foreach (var account in snapshot.SmppAccounts)
        {
            if (!Customers.TryGetValue(account.CustomerId, out var customer))
            {
                continue;
            }

            var allowList = IpAllowList.TryParse(account.AllowedIps, out var parsed, out _) ? parsed : null;
            accounts.Add(new BindableAccount(account, customer, allowList, new SubmittingAccount(customer, account, snapshot.SenderIds, blocked)));
        }

        _bySystemId = accounts.ToFrozenDictionary(a => a.Account.SystemId, StringComparer.Ordinal);
        _byAccountId = accounts.ToFrozenDictionary(a => a.Account.Id);
        _accountsByCustomer = accounts.GroupBy(a => a.Customer.Id).ToFrozenDictionary(g => g.Key, g => g.Select(a => a.Account.Id).ToArray());
        _inbound = snapshot.InboundNumbers.ToFrozenDictionary(n => n.Number, StringComparer.Ordinal);
        _httpAccounts = Customers.Values.ToFrozenDictionary(c => c.Id, c => new SubmittingAccount(c, null, snapshot.SenderIds, blocked));
        _apiKeys = snapshot.ApiKeys.ToFrozenDictionary(k => k.Prefix, StringComparer.Ordinal);
    }

    /// <summary>The provisioning version of the snapshot this directory was built from.</summary>
    public long Version { get; }

    public FrozenDictionary<long, Customer> Customers { get; }

    public int AccountCount => _byAccountId.Count;

    public BindableAccount? FindBySystemId(string systemId) => _bySystemId.GetValueOrDefault(systemId);

    public BindableAccount? FindByAccountId(long accountId) => _byAccountId.GetValueOrDefault(accountId);

    /// <summary>The SMPP accounts of a customer (for MO delivered to any receiver of the customer).</summary>
    public IReadOnlyList<long> AccountsOf(long customerId) => _accountsByCustomer.TryGetValue(customerId, out var ids) ? ids : [];

    /// <summary>Who owns an inbound number (E.164 digits without '+', or a short code); null when no one does.</summary>
    public InboundNumber? FindInboundNumber(string number) => _inbound.GetValueOrDefault(number.TrimStart('+'));

    /// <summary>How a customer submits over HTTP (no SMPP account: no CUG, no SMPP flags); null for an unknown customer.</summary>
    public SubmittingAccount? FindHttpAccount(long customerId) => _httpAccounts.GetValueOrDefault(customerId);

    /// <summary>The API key with this public prefix, revoked or not; null when there is none.</summary>
    public ApiKey? FindApiKey(string prefix) => _apiKeys.GetValueOrDefault(prefix);
}
