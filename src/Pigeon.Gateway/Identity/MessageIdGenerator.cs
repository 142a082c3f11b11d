namespace Pigeon.Gateway.Identity;

/// <summary>
/// Makes <see cref="MessageId"/>s for one node without a lock: the last id is kept in one 64-bit word and advanced
/// with compare-and-swap. Within a millisecond the sequence counts up; past 4096 ids in one millisecond, or if the
/// clock steps back, the timestamp bits run ahead of the clock, so ids stay unique and increasing.
/// </summary>
public sealed class MessageIdGenerator
{
    private const int NodeBits = 10;
    private const int SequenceBits = 12;
    private const int TimestampShift = NodeBits + SequenceBits;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    private readonly TimeProvider _timeProvider;
    private readonly long _node;
    private long _last;

    /// <summary>Creates a generator for node <paramref name="node"/> (0..1023).</summary>
    public MessageIdGenerator(int node, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(node, (1 << NodeBits) - 1);
        _node = (long)node << SequenceBits;
        _timeProvider = timeProvider;
    }

    /// <summary>The next id.</summary>
    public MessageId Next()
    {
        var millis = (_timeProvider.GetUtcNow() - MessageId.Epoch).Ticks / TimeSpan.TicksPerMillisecond;
        var floor = (millis << TimestampShift) | _node;
        while (true)
        {
            var last = Volatile.Read(ref _last);
            long next;
            if (last < floor)
            {
                next = floor;
            }
            else if ((last & SequenceMask) == SequenceMask)
            {
                // 4096 ids in this millisecond already: borrow the next millisecond.
                next = (((last >> TimestampShift) + 1) << TimestampShift) | _node;
            }
            else
            {
                next = last + 1;
            }

            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return new MessageId(next);
            }
        }
    }
}
