using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Concatenation;

/// <summary>The parts of one message received so far, with each part's header length.</summary>
internal sealed class PendingMessage(PendingKey key, ConcatenationMode mode, DateTimeOffset firstReceivedAt)
{
    public PendingKey Key { get; } = key;

    public ConcatenationMode Mode { get; } = mode;

    public DateTimeOffset FirstReceivedAt { get; } = firstReceivedAt;

    public ShortMessageRequest?[] Parts { get; } = new ShortMessageRequest?[key.Total];

    public int[] HeaderLengths { get; } = new int[key.Total];

    public int Received { get; set; }
}
