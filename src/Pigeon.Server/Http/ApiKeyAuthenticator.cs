using System.Collections.Concurrent;
using System.Net;
using Pigeon.Gateway.Accounts;
using Pigeon.Gateway.Security;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;

namespace Pigeon.Server.Http;

/// <summary>
/// Checks API keys for every HTTP front end (each maps the outcome to its own error words). A key is found by its
/// public prefix in the provisioning snapshot, or among the keys made after it (<see cref="RecentApiKeys"/>: no store
/// read per made-up prefix), and its secret compared in constant time (<see cref="ApiKeyToken.Matches"/>). Nothing about the token is logged. Uses are
/// gathered in memory and written now and then by <see cref="ApiKeyUseRecorder"/>.
/// </summary>
internal sealed class ApiKeyAuthenticator
{
    private readonly GatewayCore _core;
    private readonly TimeProvider _time;
    private readonly RecentApiKeys _recentKeys;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _uses = new();
    private readonly ConcurrentDictionary<long, IpAllowList> _allowLists = new();

    public ApiKeyAuthenticator(GatewayCore core, TimeProvider timeProvider, GatewayMetrics metrics)
    {
        _core = core;
        _time = timeProvider;
        _recentKeys = new RecentApiKeys(core, timeProvider, metrics);
    }

    /// <summary>Checks <paramref name="token"/> presented from <paramref name="remote"/>; the caller is set when accepted.</summary>
    public async ValueTask<(ApiKeyCheck Check, ApiCaller? Caller)> AuthenticateAsync(string? token, IPAddress? remote, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (ApiKeyCheck.Missing, null);
        }

        if (!ApiKeyToken.TryGetPrefix(token, out var prefix))
        {
            return (ApiKeyCheck.Unknown, null);
        }

        var directory = _core.Directory;
        var key = directory.FindApiKey(prefix) ?? await _recentKeys.FindAsync(prefix, directory.Version, cancellationToken);
        if (key is null || !ApiKeyToken.Matches(token, key.SecretHash))
        {
            return (ApiKeyCheck.Unknown, null);
        }

        if (!key.Active)
        {
            return (ApiKeyCheck.Revoked, null);
        }

        if (key.AllowedIps.Count > 0 && (remote is null || !AllowListOf(key).IsAllowed(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
        {
            return (ApiKeyCheck.AddressNotAllowed, null);
        }

        if (key.CustomerId is not { } customerId)
        {
            return (ApiKeyCheck.NotACustomerKey, null);
        }

        // A customer made after the snapshot is unknown until the next refresh: the key cannot act for it yet.
        if (directory.FindHttpAccount(customerId) is not { } account)
        {
            return (ApiKeyCheck.Unknown, null);
        }

        if (account.Customer.Status != CustomerStatus.Active)
        {
            return (ApiKeyCheck.CustomerNotActive, null);
        }

        _uses[key.Id] = _time.GetUtcNow();
        return (ApiKeyCheck.Accepted, new ApiCaller(key, account.Customer, account));
    }

    /// <summary>The uses gathered since the last call, emptied.</summary>
    public IReadOnlyCollection<KeyValuePair<long, DateTimeOffset>> TakeUses()
    {
        var taken = new List<KeyValuePair<long, DateTimeOffset>>(_uses.Count);
        foreach (var id in _uses.Keys)
        {
            if (_uses.TryRemove(id, out var at))
            {
                taken.Add(new(id, at));
            }
        }

        return taken;
    }

    // A key's addresses never change after it is made, so its parsed list is kept by id. A list that cannot be
    // parsed (it was checked when the key was made) allows no one rather than everyone.
    private IpAllowList AllowListOf(ApiKey key) =>
        _allowLists.GetOrAdd(key.Id, static (_, k) => IpAllowList.TryParse(k.AllowedIps, out var list, out string? _) ? list : IpAllowList.Parse(["255.255.255.255/32"]), key);
}
