using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Pigeon.Server.Http.Dialect001;

/// <summary>
/// The document's 453 rule: the same text to the same number by the same customer again within
/// <see cref="Window"/> is refused. Kept in memory per process (a restart forgets it; the rule protects against
/// a client's accidental repeats, not against a determined one): one entry per (customer, number as given without
/// '+', 64 bits of SHA-256 of the text) with the time it was sent, read from the injected <see cref="TimeProvider"/>.
/// <para>
/// A request's numbers are reserved all or none: if any is a repeat (of an earlier request, or within the same
/// request) nothing is reserved and the caller refuses the whole request. Numbers whose message was then refused by
/// the pipeline are <see cref="Release">released</see>, so a corrected retry is not taken for a repeat. Expired
/// entries are swept off the request path at most every <see cref="SweepInterval"/>.
/// </para>
/// </summary>
internal sealed class DuplicateSendWindow
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(long Customer, string Phone, ulong Text), long> _sent = new();
    private readonly TimeProvider _time;
    private long _lastSweep;
    private int _sweeping;

    public DuplicateSendWindow(TimeProvider timeProvider)
    {
        _time = timeProvider;
        _lastSweep = timeProvider.GetTimestamp();
    }

    /// <summary>Entries held (expired ones included until the next sweep).</summary>
    public int Count => _sent.Count;

    /// <summary>A key for <paramref name="text"/>: 64 bits of its SHA-256, so the window never holds texts.</summary>
    public static ulong HashOf(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), digest);
        return MemoryMarshal.Read<ulong>(digest);
    }

    /// <summary>
    /// Reserves every number of <paramref name="phones"/> for <paramref name="textHash"/>; false, with the first
    /// repeated number and nothing reserved, when one was sent that text within the window (or appears twice).
    /// </summary>
    public bool TryReserve(long customerId, IReadOnlyList<string> phones, ulong textHash, out string? repeated)
    {
        var now = _time.GetTimestamp();
        for (var i = 0; i < phones.Count; i++)
        {
            var key = (customerId, KeyOf(phones[i]), textHash);
            if (_sent.TryAdd(key, now) || (_sent.TryGetValue(key, out var at) && Expired(at, now) && _sent.TryUpdate(key, now, at)))
            {
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                _sent.TryRemove(new KeyValuePair<(long, string, ulong), long>((customerId, KeyOf(phones[j]), textHash), now));
            }

            repeated = phones[i];
            return false;
        }

        repeated = null;
        SweepWhenDue(now);
        return true;
    }

    /// <summary>Forgets a reservation whose message was not accepted after all.</summary>
    public void Release(long customerId, string phone, ulong textHash) => _sent.TryRemove((customerId, KeyOf(phone), textHash), out _);

    private static string KeyOf(string phone) => phone.StartsWith('+') ? phone[1..] : phone;

    private bool Expired(long at, long now) => _time.GetElapsedTime(at, now) >= Window;

    private void SweepWhenDue(long now)
    {
        if (_time.GetElapsedTime(Volatile.Read(ref _lastSweep), now) < SweepInterval || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _lastSweep, now);
        _ = Task.Run(() =>
        {
            try
            {
                var at = _time.GetTimestamp();
                foreach (var entry in _sent)
                {
                    if (Expired(entry.Value, at))
                    {
                        _sent.TryRemove(entry);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _sweeping, 0);
            }
        });
    }
}
