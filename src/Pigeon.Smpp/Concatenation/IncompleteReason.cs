namespace Pigeon.Smpp.Concatenation;

/// <summary>Why a <see cref="MessageReassembler"/> gave up waiting for the rest of a message.</summary>
public enum IncompleteReason
{
    /// <summary>Parts were still missing when <see cref="ReassemblyOptions.Timeout"/> ran out.</summary>
    TimedOut,

    /// <summary>The message was the oldest pending one when <see cref="ReassemblyOptions.MaxPendingMessages"/> was reached.</summary>
    Evicted,
}
