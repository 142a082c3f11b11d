using System.Collections.Concurrent;
using Pigeon.Smpp.Protocol;
using Pigeon.Smpp.Server;

namespace Pigeon.Server.SmppFront;

/// <summary>
/// The customers' bound SMPP sessions, by SMPP account: counts binds against an account's limit and finds a
/// receiver (RX or TRX) to deliver receipts and MO to. Reads take no lock (an immutable array per account, swapped
/// on bind and unbind, which are rare next to deliveries).
/// </summary>
internal sealed class CustomerSessionRegistry
{
    private readonly ConcurrentDictionary<long, Entry> _accounts = new();

    /// <summary>Raised after a receiver (RX or TRX) bound for an account: waiting deliveries can flow.</summary>
    public event Action<long>? ReceiverBound;

    /// <summary>Binds of the account right now.</summary>
    public int BindCount(long accountId) => _accounts.TryGetValue(accountId, out var entry) ? entry.Sessions.Length : 0;

    /// <summary>Registers a bound session unless the account already has <paramref name="maxBinds"/>.</summary>
    public bool TryAdd(long accountId, SmppServerSession session, int maxBinds)
    {
        var entry = _accounts.GetOrAdd(accountId, static _ => new Entry());
        bool isReceiver;
        lock (entry)
        {
            if (entry.Sessions.Length >= maxBinds)
            {
                return false;
            }

            entry.Sessions = [.. entry.Sessions, session];
            isReceiver = session.BindMode is BindMode.Receiver or BindMode.Transceiver;
        }

        if (isReceiver)
        {
            ReceiverBound?.Invoke(accountId);
        }

        return true;
    }

    public void Remove(long accountId, SmppServerSession session)
    {
        if (!_accounts.TryGetValue(accountId, out var entry))
        {
            return;
        }

        lock (entry)
        {
            entry.Sessions = [.. entry.Sessions.Where(s => s != session)];
        }
    }

    /// <summary>A bound receiver of the account, spreading deliveries round-robin; null when none is bound.</summary>
    public SmppServerSession? PickReceiver(long accountId)
    {
        if (!_accounts.TryGetValue(accountId, out var entry))
        {
            return null;
        }

        var sessions = Volatile.Read(ref entry.Sessions);
        var count = sessions.Length;
        for (var i = 0; i < count; i++)
        {
            var session = sessions[(int)((uint)Interlocked.Increment(ref entry.Next) % (uint)count)];
            if (session.BindMode is BindMode.Receiver or BindMode.Transceiver && session.State is not Smpp.Sessions.SmppSessionState.Closed)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>Accounts with at least one bound receiver.</summary>
    public IEnumerable<long> AccountsWithReceivers() =>
        _accounts.Where(a => Volatile.Read(ref a.Value.Sessions).Any(s => s.BindMode is BindMode.Receiver or BindMode.Transceiver)).Select(a => a.Key);

    private sealed class Entry
    {
        public SmppServerSession[] Sessions = [];
        public int Next;
    }
}
