namespace Pigeon.Smpp.Concatenation;

/// <summary>What <see cref="MessageReassembler.Add"/> did with a part.</summary>
public enum ReassemblyStatus
{
    /// <summary>The message is whole: it came in one piece, or this was its last missing part.</summary>
    Complete,

    /// <summary>The part is held until the others arrive.</summary>
    Pending,

    /// <summary>A part with this sequence number was already held; this one is ignored.</summary>
    Duplicate,
}
