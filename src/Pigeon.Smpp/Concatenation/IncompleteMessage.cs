using Pigeon.Smpp.Pdus;
using Pigeon.Smpp.Protocol;

namespace Pigeon.Smpp.Concatenation;

/// <summary>A message a <see cref="MessageReassembler"/> gave up on, with the parts that did arrive.</summary>
public sealed class IncompleteMessage
{
    internal IncompleteMessage(
        IncompleteReason reason,
        string? keyPrefix,
        ConcatenationMode mode,
        ushort reference,
        int totalParts,
        DateTimeOffset firstPartReceivedAt,
        IReadOnlyList<ShortMessageRequest> parts,
        IReadOnlyList<int> missingSequenceNumbers)
    {
        Reason = reason;
        KeyPrefix = keyPrefix;
        Mode = mode;
        Reference = reference;
        TotalParts = totalParts;
        FirstPartReceivedAt = firstPartReceivedAt;
        Parts = parts;
        MissingSequenceNumbers = missingSequenceNumbers;
    }

    /// <summary>Timed out or evicted.</summary>
    public IncompleteReason Reason { get; }

    /// <summary>The key prefix the parts were added with.</summary>
    public string? KeyPrefix { get; }

    /// <summary>source_addr of the parts.</summary>
    public SmppAddress Source => Parts[0].Source;

    /// <summary>destination_addr of the parts.</summary>
    public SmppAddress Destination => Parts[0].Destination;

    /// <summary>How the first part was tied to the others.</summary>
    public ConcatenationMode Mode { get; }

    /// <summary>The concatenation reference.</summary>
    public ushort Reference { get; }

    /// <summary>Parts the message was announced to have.</summary>
    public int TotalParts { get; }

    /// <summary>When the first part arrived, by the reassembler's clock.</summary>
    public DateTimeOffset FirstPartReceivedAt { get; }

    /// <summary>The parts received, in sequence order.</summary>
    public IReadOnlyList<ShortMessageRequest> Parts { get; }

    /// <summary>The 1-based sequence numbers that never arrived.</summary>
    public IReadOnlyList<int> MissingSequenceNumbers { get; }
}
