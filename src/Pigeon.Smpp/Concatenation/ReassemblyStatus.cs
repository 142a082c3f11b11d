namespace Pigeon.Smpp.Concatenation;

/// <summary>What <see cref="MessageReassembler.Add"/> did with a part.</summary>
public enum ReassemblyStatus
{
    /// <summary>The message is whole: it came in one piece, or this was its last missing part.</summary>
    Complete,

    /// <summary>The part is held until the others arrive.</summary>
    Pending,

    /// <summary>
    /// A part with this sequence number was already held, or is an identical repeat of a part of a message completed
    /// within the time-out; this one is ignored.
    /// </summary>
    Duplicate,
}
