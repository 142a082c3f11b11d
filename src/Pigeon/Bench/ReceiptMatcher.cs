using System.Collections.Concurrent;
using Pigeon.Smpp.Receipts;

namespace Pigeon.Bench;

/// <summary>
/// Matches delivery receipts to the message ids submit_sm_resp returned. A receipt can overtake the response
/// that carries its id (they travel on different paths through the peer), so whichever of the two arrives first
/// leaves a mark and the second completes the match. Ids are compared in the peer's normalised form.
/// </summary>
internal sealed class ReceiptMatcher
{
    private const byte Submitted = 1;
    private const byte ReceiptFirst = 2;
    private readonly ConcurrentDictionary<string, byte> _open = new(StringComparer.Ordinal);
    private long _matched;
    private long _received;
    private long _duplicates;

    public long Matched => Volatile.Read(ref _matched);

    public long Received => Volatile.Read(ref _received);

    /// <summary>Receipts whose id was never submitted here, or that came twice.</summary>
    public long Unmatched => Volatile.Read(ref _duplicates) + _open.Values.Count(v => v == ReceiptFirst);

    public void OnSubmitted(string messageId)
    {
        var key = ReceiptMessageId.Normalize(messageId);
        if (!_open.TryAdd(key, Submitted) && _open.TryRemove(key, out _))
        {
            Interlocked.Increment(ref _matched);
        }
    }

    public void OnReceipt(string messageId)
    {
        Interlocked.Increment(ref _received);
        var key = ReceiptMessageId.Normalize(messageId);
        if (_open.TryAdd(key, ReceiptFirst))
        {
            return;
        }

        if (_open.TryRemove(key, out var mark) && mark == Submitted)
        {
            Interlocked.Increment(ref _matched);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
