using Pigeon.Smpp.Pdus;

namespace Pigeon.Smpp.Concatenation;

/// <summary>
/// The parts of one message received so far, with each part's header length; once complete, kept a while to
/// recognise parts the SMSC sends again.
/// </summary>
internal sealed class PendingMessage(PendingKey key, ConcatenationMode mode, DateTimeOffset firstReceivedAt)
{
    public PendingKey Key { get; } = key;

    public ConcatenationMode Mode { get; } = mode;

    public DateTimeOffset FirstReceivedAt { get; } = firstReceivedAt;

    public ShortMessageRequest?[] Parts { get; } = new ShortMessageRequest?[key.Total];

    public int[] HeaderLengths { get; } = new int[key.Total];

    public int Received { get; set; }

    public DateTimeOffset CompletedAt { get; set; }
}
