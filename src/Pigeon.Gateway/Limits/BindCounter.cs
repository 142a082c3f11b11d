using System.Collections.Concurrent;

namespace Pigeon.Gateway.Limits;

/// <summary>
/// Counts the open binds of each SMPP account so that a bind beyond <see cref="Accounts.SmppAccount.MaxBinds"/> is
/// refused (ESME_RBINDFAIL). Lock-free: each account's count moves by compare-and-swap. Every successful
/// <see cref="TryAcquire"/> must be matched by one <see cref="Release"/> when that session ends.
/// </summary>
public sealed class BindCounter
{
    private readonly ConcurrentDictionary<long, Counter> _counters = new();

    /// <summary>Counts one more bind of <paramref name="accountId"/> unless it already has <paramref name="maxBinds"/>.</summary>
    public bool TryAcquire(long accountId, int maxBinds)
    {
        if (maxBinds <= 0)
        {
            return false;
        }

        var counter = _counters.GetOrAdd(accountId, static _ => new Counter());
        while (true)
        {
            var current = Volatile.Read(ref counter.Value);
            if (current >= maxBinds)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter.Value, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Counts one bind of <paramref name="accountId"/> less (its session ended).</summary>
    /// <exception cref="InvalidOperationException">The account has no bind counted.</exception>
    public void Release(long accountId)
    {
        if (!_counters.TryGetValue(accountId, out var counter))
        {
            throw new InvalidOperationException($"Account {accountId} has no bind to release.");
        }

        while (true)
        {
            var current = Volatile.Read(ref counter.Value);
            if (current <= 0)
            {
                throw new InvalidOperationException($"Account {accountId} has no bind to release.");
            }

            if (Interlocked.CompareExchange(ref counter.Value, current - 1, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Binds of <paramref name="accountId"/> open now.</summary>
    public int Count(long accountId) => _counters.TryGetValue(accountId, out var counter) ? Volatile.Read(ref counter.Value) : 0;

    private sealed class Counter
    {
        public int Value;
    }
}
