using System.Collections.Frozen;
using Pigeon.Gateway.Accounts;
using Pigeon.Server.Core;
using Pigeon.Server.Observability;

namespace Pigeon.Server.Http;

/// <summary>
/// Finds API keys made after the provisioning snapshot (a key made with <c>pigeon keys create</c> while the gateway
/// runs works at once) without a store read per prefix the snapshot does not know, so that a flood of made-up tokens
/// of the right shape costs the store next to nothing. A request with such a prefix waits for a check of the
/// store's provisioning version that starts after it arrived; every request waiting at that moment shares the one
/// check, checks run one at a time and at least <see cref="CheckSpacing"/> apart, and the keys themselves are read
/// (all of them, once) only when the version moved past what is known. However many unknown tokens arrive, the store
/// sees at most one version read per <see cref="CheckSpacing"/> and one read of the keys per provisioning change; a
/// new key's first request waits at most about that long. Keys read this way are used until a snapshot as new as
/// them is in force, like the snapshot's own (a key revoked meanwhile is refused from the next refresh on).
/// </summary>
internal sealed class RecentApiKeys
{
    /// <summary>The least time between two checks of the store's provisioning version.</summary>
    public static readonly TimeSpan CheckSpacing = TimeSpan.FromMilliseconds(100);

    private readonly GatewayCore _core;
    private readonly TimeProvider _time;
    private readonly GatewayMetrics _metrics;
    private readonly Lock _lock = new();

    // The check not started yet, which every request arriving now joins; the last one started (or scheduled).
    private Task? _scheduled;
    private Task _latest = Task.CompletedTask;
    private long _lastStartedAt;
    private KnownKeys _known = KnownKeys.None;

    public RecentApiKeys(GatewayCore core, TimeProvider timeProvider, GatewayMetrics metrics)
    {
        _core = core;
        _time = timeProvider;
        _metrics = metrics;
    }

    /// <summary>
    /// The key with <paramref name="prefix"/> made after the snapshot of version <paramref name="snapshotVersion"/>
    /// (which does not have it); null when there is none as of a check that started after this call.
    /// </summary>
    public async ValueTask<ApiKey?> FindAsync(string prefix, long snapshotVersion, CancellationToken cancellationToken)
    {
        if (Find(prefix, snapshotVersion) is { } known)
        {
            return known;
        }

        await NextCheck().WaitAsync(cancellationToken);
        return Find(prefix, snapshotVersion);
    }

    private ApiKey? Find(string prefix, long snapshotVersion)
    {
        var known = Volatile.Read(ref _known);
        return known.Version > snapshotVersion ? known.Keys.GetValueOrDefault(prefix) : null;
    }

    private Task NextCheck()
    {
        lock (_lock)
        {
            if (_scheduled is null)
            {
                _scheduled = CheckAfterAsync(_latest);
                _latest = _scheduled;
            }

            return _scheduled;
        }
    }

    private async Task CheckAfterAsync(Task previous)
    {
        // Yields first, so the caller has recorded this check as the scheduled one before it can start.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        if (_lastStartedAt != 0 && CheckSpacing - _time.GetElapsedTime(_lastStartedAt) is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, _time);
        }

        lock (_lock)
        {
            // Requests from now on wait for the next check: this one may have read the version before their key was made.
            _scheduled = null;
            _lastStartedAt = _time.GetTimestamp();
        }

        var store = _core.Store.Provisioning;
        var version = await store.GetProvisioningVersionAsync(CancellationToken.None);
        _metrics.ApiKeyStoreRead("version");
        if (version <= Math.Max(_known.Version, _core.Directory.Version))
        {
            return;
        }

        var keys = await store.ListApiKeysAsync(null, CancellationToken.None);
        _metrics.ApiKeyStoreRead("keys");

        // Marked with the version read before the keys: a key made in between is there all the same.
        Volatile.Write(ref _known, new KnownKeys(version, keys.ToFrozenDictionary(k => k.Prefix, StringComparer.Ordinal)));
    }

    private sealed record KnownKeys(long Version, FrozenDictionary<string, ApiKey> Keys)
    {
        public static KnownKeys None { get; } = new(long.MinValue, FrozenDictionary<string, ApiKey>.Empty);
    }
}
