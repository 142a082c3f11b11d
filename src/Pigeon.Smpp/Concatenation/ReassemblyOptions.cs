using Pigeon.Smpp.Text;

namespace Pigeon.Smpp.Concatenation;

/// <summary>Limits and behaviour of a <see cref="MessageReassembler"/>.</summary>
public sealed class ReassemblyOptions
{
    /// <summary>How long after its first part an incomplete message is given up; 5 minutes by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often incomplete messages are checked against <see cref="Timeout"/>; 1 second by default.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most incomplete messages held at once; the oldest is given up to make room. 10,000 by default.</summary>
    public int MaxPendingMessages { get; init; } = 10_000;

    /// <summary>Whether GSM 7-bit short_message octets arrive packed; unpacked (one septet per octet) by default.</summary>
    public Gsm7Packing Gsm7Packing { get; init; } = Gsm7Packing.Unpacked;
}
